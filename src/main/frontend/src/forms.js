// The task forms are the Camunda Forms that Tasklist shows (forms/*.form, English). The inbox
// shows them in the reader's language where the catalogue has the words: a field's label and
// description (form.<formId>.<key>, form.<formId>.<key>.description), its options
// (form.<formId>.<key>.<value>) and a text block (form.<formId>.<id>, form-js templating kept).
import { t } from './i18n.js';

// Text blocks hold form-js's own {{ }} templating: read them without i18next's interpolation.
const RAW = { interpolation: { prefix: '\u0000[', suffix: ']\u0000' } };

function translated(key, raw = false) {
  const text = raw ? t(key, RAW) : t(key);
  return text === key ? null : text;
}

export function localisedForm(schema) {
  if (!schema) return schema;
  const formId = schema.id;
  const copy = structuredClone(schema);
  const walk = (components) => components.forEach((component) => {
    if (component.type === 'text' && component.id) {
      const text = translated(`form.${formId}.${component.id}`, true);
      if (text) component.text = text;
    }
    if (component.key) {
      const base = `form.${formId}.${component.key}`;
      const label = translated(base);
      if (label) component.label = label;
      const description = translated(`${base}.description`);
      if (description) component.description = description;
      (component.values || []).forEach((option) => {
        const words = translated(`${base}.${option.value}`);
        if (words) option.label = words;
      });
    }
    if (component.components) walk(component.components);
  });
  walk(copy.components || []);
  return copy;
}

// The task forms are the Camunda Forms that Tasklist shows (forms/*.form, English). The inbox
// shows them in the reader's language where the catalogue has the words: a field's label and
// description (form.<formId>.<key>, form.<formId>.<key>.description), its options
// (form.<formId>.<key>.<value>) and a text block (form.<formId>.<id>, form-js templating kept).
import flatpickr from 'flatpickr';
import { German } from 'flatpickr/dist/l10n/de.js';
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
      // A date field's label is its dateLabel.
      if (label && component.dateLabel) component.dateLabel = label;
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

/**
 * Numbers as the reader writes them: form-js reads every comma as a decimal point and drops a
 * keystroke that would make a second one, so "12.500,50" in German and "12,500.50" in English both
 * became 12.5005. The language's grouping mark is left out as it is typed; its decimal mark then
 * reaches form-js alone (a German comma form-js reads as the point it is).
 */
export function readNumbersAsWritten(container, language) {
  const group = new Intl.NumberFormat(language).formatToParts(12345.6).find((p) => p.type === 'group')?.value;
  if (!group) return;
  container.addEventListener('keypress', (event) => {
    if (event.key === group && event.target.closest?.('.fjs-form-field-number')) event.preventDefault();
  }, true);
}

/** Whether a typed date is written as the field's placeholder shows (mm/dd/yyyy, dd.mm.yyyy). */
export function writtenAsShown(text, pattern) {
  const order = [];
  const regex = pattern.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/yyyy|mm|dd/g, (part) => {
    order.push(part);
    return part === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
  });
  const match = new RegExp(`^${regex}$`).exec(text.trim());
  if (!match) return false;
  const value = Object.fromEntries(order.map((part, i) => [part, Number(match[i + 1])]));
  return value.mm >= 1 && value.mm <= 12 && value.dd >= 1 && value.dd <= 31;
}

/**
 * Dates as the field shows them: form-js takes the date format from the browser's locale, not the
 * page's language, and the date picker reads what it cannot parse leniently ("15.01.2027" in a
 * mm/dd/yyyy field became 3/1/2028). A date not written as the field's placeholder shows is not
 * handed to the picker; the field says how to write it.
 */
export function readDatesAsShown(container) {
  const check = (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest('.fjs-form-field-datetime')) return;
    const pattern = input.getAttribute('placeholder');
    const field = input.closest('.fjs-form-field-datetime');
    let hint = field.querySelector('[data-testid=date-format-hint]');
    if (!pattern || !input.value.trim() || writtenAsShown(input.value, pattern)) {
      hint?.remove();
      return;
    }
    event.stopPropagation();
    event.preventDefault();
    if (!hint) {
      hint = document.createElement('div');
      hint.className = 'fjs-form-field-error';
      hint.dataset.testid = 'date-format-hint';
      hint.setAttribute('role', 'alert');
      field.append(hint);
    }
    hint.textContent = t('inbox.dateAsShown', { format: pattern });
  };
  container.addEventListener('blur', check, true);
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') check(event);
  }, true);
}

/** An option's label as the localised form shows it (the value itself where it has none). */
export function optionLabel(schema, key, value) {
  const find = (components) => {
    for (const component of components || []) {
      if (component.key === key) return component;
      const inner = find(component.components);
      if (inner) return inner;
    }
    return null;
  };
  const option = (find(localisedForm(schema)?.components)?.values || []).find((o) => o.value === value);
  return option?.label || value;
}

// form-js's own sentences (validation, search, steppers) in the reader's language: its translate
// service looks them up here by their English text; a sentence not listed stays English.
const BUILT_IN = {
  'Field is required.': 'formjs.required',
  'Date and time must both be entered.': 'formjs.dateAndTime',
  'Field must have maximum length of {value}.': 'formjs.maxLength',
  'Field must have minimum length of {value}.': 'formjs.minLength',
  'Field must have maximum value of {value}.': 'formjs.max',
  'Field must have minimum value of {value}.': 'formjs.min',
  'Field must match pattern {value}.': 'formjs.pattern',
  'Field must be a valid email.': 'formjs.email',
  'Value is not a number.': 'formjs.notANumber',
  'Value is expected to be an integer.': 'formjs.integer',
  Search: 'formjs.search',
  'No results': 'formjs.noResults',
  'All values selected': 'formjs.allSelected',
  'Remove tag': 'formjs.removeTag',
  Increment: 'formjs.increment',
  Decrement: 'formjs.decrement',
};

function formTranslate(template, replacements = {}) {
  const key = BUILT_IN[template];
  const text = key ? translated(key) : null;
  if (text) {
    return Object.entries(replacements).reduce((out, [name, value]) => out.split(`{{${name}}}`).join(String(value)), text);
  }
  return template.replace(/{([^}]+)}/g, (whole, name) => (name in replacements ? String(replacements[name]) : whole));
}

/** A form-js module that puts the reader's language in place of form-js's own English. */
export const formTranslation = { translate: ['value', formTranslate] };

/**
 * form-js writes "Select" into an empty select field itself, past its translate service: the
 * reader's word goes in its place whenever form-js draws the field again.
 */
export function translateSelectPlaceholders(container) {
  const word = t('formjs.select');
  const fix = () => {
    container.querySelectorAll('.fjs-select-placeholder').forEach((display) => {
      // The text node form-js keeps, changed in place: it writes the chosen value into it later.
      const text = display.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE && text.data !== word) text.data = word;
    });
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(container, { subtree: true, childList: true, characterData: true });
  return observer;
}

/**
 * The date picker form-js opens (flatpickr) names months and weekdays in the reader's language and
 * starts the week as it does there. Its date format follows the browser's own locale: form-js reads
 * it from Intl, past any setting of ours.
 */
export function localiseDatePicker(language) {
  flatpickr.localize(language === 'de' ? German : flatpickr.l10ns.default);
}

// Small helpers to build the page with the DOM, escaping all text.
import { t } from './i18n.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The application's time may run ahead of the wall clock (the embedded engine's clock moved). */
let offsetMs = 0;

export function setServerNow(iso) {
  offsetMs = new Date(iso) - Date.now();
}

export function relative(iso) {
  if (!iso) return t('time.noDueDate');
  const minutes = Math.round((new Date(iso) - (Date.now() + offsetMs)) / 60000);
  const abs = Math.abs(minutes);
  const text = abs < 60
    ? t('time.minutes', { count: abs })
    : abs < 48 * 60 ? t('time.hours', { count: Math.round(abs / 60) }) : t('time.days', { count: Math.round(abs / 1440) });
  return minutes < 0 ? t('time.overdueBy', { time: text }) : t('time.dueIn', { time: text });
}

export function fullName(lead) {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email;
}

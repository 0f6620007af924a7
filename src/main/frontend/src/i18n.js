// The pages' texts come from the application's message catalogue (GET /api/messages: the same
// bundles the mails use), read by i18next. The reader's language: ?lang=, then their choice kept
// in this browser, then the browser's languages; English where nothing fits.
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';

const STORAGE_KEY = 'lead-handoff.language';
let languages = [];

/** Loads the catalogue in the reader's language; the page renders after it. */
export async function initI18n() {
  const detector = new LanguageDetector(null, {
    order: ['querystring', 'localStorage', 'navigator'],
    lookupQuerystring: 'lang',
    lookupLocalStorage: STORAGE_KEY,
    caches: [],
  });
  const detected = [detector.detect()].flat().filter(Boolean);
  let data = { language: 'en', languages: [{ code: 'en', name: 'English' }], messages: {} };
  try {
    const query = detected.length ? `?lang=${encodeURIComponent(detected.join(','))}` : '';
    const response = await fetch(`/api/messages${query}`, { headers: { Accept: 'application/json' } });
    if (response.ok) data = await response.json();
  } catch (e) {
    // Without the catalogue the keys show; the page still works.
  }
  languages = data.languages;
  // A language asked for in the address (a shared link, ?lang=de) is kept, as a menu choice is.
  if (new URLSearchParams(location.search).has('lang')) {
    try {
      localStorage.setItem(STORAGE_KEY, data.language);
    } catch (e) {
      // Storage off: this page only.
    }
  }
  await i18next.init({
    lng: data.language,
    fallbackLng: false,
    resources: { [data.language]: { translation: data.messages } },
    // Our keys are flat ("stage.MQL"): no nesting, no namespaces in them.
    keySeparator: false,
    nsSeparator: false,
    // Text goes into the page with textContent, never as HTML.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  document.documentElement.lang = data.language;
  translatePage();
}

/** The text for a key; {{name}} placeholders filled from values; a count picks _one or _other. */
export function t(key, values) {
  return i18next.t(key, values);
}

/** The words for a code of a kind (stage, reason, role, ...); the code as words if none. */
export function code(kind, value) {
  if (value === null || value === undefined || value === '') return '–';
  const key = `${kind}.${value}`;
  return i18next.exists(key) ? i18next.t(key) : String(value).replaceAll('_', ' ').toLowerCase();
}

export function language() {
  return i18next.language || 'en';
}

/** A date and time as the reader's language writes it. */
export function dateTime(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function date(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(iso));
}

/**
 * The static texts of the page: an element with data-i18n gets the key's text, data-i18n-title,
 * data-i18n-placeholder and data-i18n-aria-label the attribute's.
 */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n);
  });
  for (const attribute of ['title', 'placeholder', 'aria-label']) {
    const data = `i18n${attribute.replace(/(^|-)([a-z])/g, (m, dash, c) => c.toUpperCase())}`;
    root.querySelectorAll(`[data-i18n-${attribute}]`).forEach((node) => {
      node.setAttribute(attribute, t(node.dataset[data]));
    });
  }
}

/** A menu of the shipped languages; a choice is kept in this browser and the page reloads. */
export function languageMenu() {
  const select = document.createElement('select');
  select.className = 'language';
  select.setAttribute('aria-label', t('common.language'));
  select.dataset.testid = 'language';
  for (const { code: value, name } of languages) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = name;
    option.selected = value === language();
    select.append(option);
  }
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch (e) {
      // Storage off: the choice holds for this page only.
    }
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    location.replace(url.toString());
  });
  return select;
}

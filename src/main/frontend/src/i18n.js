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
  let detected = [detector.detect()].flat().filter(Boolean);
  const asked = new URLSearchParams(location.search).has('lang') || stored() !== null;
  // A new browser follows the choice the person made in another one (the server keeps it).
  const server = asked ? null : await serverChoice();
  if (server?.chosen) detected = [server.language];
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
  if (new URLSearchParams(location.search).has('lang') || server?.chosen) {
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
  // Mails follow a language the person asked for here; a browser's mere default does not
  // overwrite a choice they made elsewhere.
  if (asked || (server && !server.chosen)) keepForMails(data.language);
}

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    return null;
  }
}

/** The language the signed-in person chose, as the server keeps it; null where none can be read. */
async function serverChoice() {
  try {
    const response = await fetch('/api/me/language', { headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

/**
 * The person's mails follow the language they read the pages in: the server is told when its
 * record differs (GET, then PUT /api/me/language), so one page load costs one small read.
 */
async function keepForMails(chosen, force = false) {
  try {
    if (!force) {
      const known = await fetch('/api/me/language', { headers: { Accept: 'application/json' } });
      if (!known.ok || (await known.json()).language === chosen) return;
    }
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    await fetch('/api/me/language', {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-XSRF-TOKEN': cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '',
      },
      body: JSON.stringify({ language: chosen }),
    });
  } catch (e) {
    // The server is away: the mails keep their language; the page works.
  }
}

/** The text for a key; {{name}} placeholders filled from values; a count picks _one or _other. */
export function t(key, values) {
  return i18next.t(key, values);
}

/**
 * Who is signed in, as the page header says it: the person's name and role, or the role alone
 * where the account is only named after it (the "marketing" account is not "marketing (Marketing)").
 */
export function signedInAs(me, roleWords) {
  const name = me.name || me.username;
  return name.toLowerCase() === String(roleWords).toLowerCase() ? roleWords : t('common.signedInAs', { name, role: roleWords });
}

/** The words for a code of a kind (stage, reason, role, ...); the code as words if none. */
export function code(kind, value) {
  if (value === null || value === undefined || value === '') return '–';
  const key = `${kind}.${value}`;
  return i18next.exists(key) ? i18next.t(key) : String(value).replaceAll('_', ' ').toLowerCase();
}

/**
 * A name the criteria or the routing table keep (a source "web-form", an industry, a title's
 * label, a routing rule) in the reader's words: the catalogue's <kind>.<slug>, else as written
 * (an operator's own name, such as an import's source). The server's catalogue does the same.
 */
export function nameWords(kind, value) {
  if (value === null || value === undefined || value === '') return '–';
  const text = String(value);
  const slug = text.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  if (slug && i18next.exists(`${kind}.${slug}`)) return i18next.t(`${kind}.${slug}`);
  return text;
}

/** Facts that carry such a name, and the catalogue's kind for it. */
const NAMES = { source: 'source', industry: 'industry', label: 'criteriaLabel', rule: 'routingRule' };

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A fact of a reason as the reader's language writes it (the rules of the server's catalogue). */
function fact(name, value) {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return new Intl.ListFormat(language(), { type: 'unit' }).format(value.map((v) => fact(name, v)));
  if (typeof value === 'number') return new Intl.NumberFormat(language()).format(value);
  const text = String(value);
  if (NAMES[name]) return nameWords(NAMES[name], text);
  if (name === 'country' && /^[A-Z]{2}$/.test(text)) {
    try {
      return new Intl.DisplayNames([language()], { type: 'region' }).of(text) || text;
    } catch (e) {
      return text;
    }
  }
  if (name === 'day' && WEEKDAYS.includes(text)) {
    // 1 January 2024 was a Monday.
    return new Intl.DateTimeFormat(language(), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(text)));
  }
  if (/^\d{4}-\d{2}-\d{2}T[0-9:.]+Z$/.test(text)) return dateTime(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${text}T00:00:00Z`));
  }
  if (/^[A-Z][A-Z0-9_]*$/.test(text) && i18next.exists(`${name}.${text}`)) return i18next.t(`${name}.${text}`);
  return text;
}

function written(facts) {
  return Object.fromEntries(Object.entries(facts || {}).map(([name, value]) => [name, fact(name, value)]));
}

/** The text for a key with facts (codes, countries, days, dates, numbers) in the reader's words. */
export function sentence(key, facts) {
  return i18next.t(key, written(facts));
}

/**
 * Why something happened, from its code and facts: the catalogue's why.<code> sentence (the
 * reason code's words where there is none), each fact in the reader's words, and the clause
 * (why.fact.<name>) of each given fact the sentence does not use; a person's note as written.
 * The server writes mails and the timeline by the same rules (MessageCatalogue.explain).
 */
export function explain(whyCode, facts = {}, stored = null) {
  if (!whyCode) return stored || '';
  const key = `why.${whyCode}`;
  const values = written(facts);
  const counted = typeof facts?.count === 'number' ? `${key}_${facts.count === 1 ? 'one' : 'other'}` : null;
  const resolved = counted && i18next.exists(counted) ? counted : key;
  const template = i18next.getResource(language(), 'translation', resolved) || '';
  let text;
  if (template) {
    // The count is in its written form, a string: i18next does not pick a plural again.
    text = i18next.t(resolved, values);
  } else if (i18next.exists(`reason.${whyCode}`) || !stored || stored === whyCode) {
    text = code('reason', whyCode);
  } else {
    // A code without words (a designer's own model): what was written then.
    return stored;
  }
  for (const [name, value] of Object.entries(facts || {})) {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
    if (!empty && !template.includes(`{{${name}}}`) && i18next.exists(`why.fact.${name}`)) {
      text += i18next.t(`why.fact.${name}`, values);
    }
  }
  return text;
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
  select.addEventListener('change', async () => {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch (e) {
      // Storage off: the choice holds for this page only.
    }
    await keepForMails(select.value, true);
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    location.replace(url.toString());
  });
  return select;
}

/**
 * Whether routing gives a person leads now, in words: "available", "away until Tue, 8 Dec,
 * 09:00", "outside working hours (09:00–17:00, Europe/London)" (the roster's availability).
 */
export function availabilityWords(availability) {
  if (!availability) return '';
  if (availability.code === 'OUT_OF_OFFICE' && availability.backAt) {
    return t('availability.awayUntil', { until: dateTime(availability.backAt) });
  }
  const key = `availability.${availability.code}`;
  return i18next.exists(key) ? sentence(key, availability.facts) : code('availability', availability.code);
}

/**
 * One line of a score's explanation in the reader's words: its sentence (scoreLine.<code>) with
 * the facts written as their language writes them (a country's name, an event type's words, a
 * temperature's word); a line stored before codes keeps its English detail.
 */
export function scoreLineWords(line) {
  const key = `scoreLine.${line.code}`;
  if (!line.code || !i18next.exists(key) && !i18next.exists(`${key}_other`)) return line.detail;
  const facts = { ...(line.facts || {}) };
  if (facts.type && i18next.exists(`eventType.${facts.type}`)) facts.type = t(`eventType.${facts.type}`);
  if (facts.temperature) facts.temperature = code('temperature', facts.temperature);
  const values = written(facts);
  if (typeof facts.count === 'number') values.count = facts.count;
  return i18next.t(key, values);
}

// Marketing's import page: upload a file, see how each column will be read (POST
// /api/imports/preview), re-map or ignore columns, choose the source and the consent default, start
// the import (POST /api/leads/import), watch it, and read or download its errors and warnings.
import '../src/style.css';
import './imports.css';
import { el } from '../src/view.js';
import { csrfToken, WORK_ROLES } from '../src/api.js';
import { code, dateTime, initI18n, language, languageMenu, signedInAs, t } from '../src/i18n.js';

const $ = (id) => document.getElementById(id);

const OVER = ['DONE', 'FAILED', 'CANCELLED'];

// --- Words: the catalogue's (imports.properties and the shared messages.properties) ---

const has = (key) => t(key) !== key;
/** A lead field a column can be read as (the API's name: firstName), in words. */
const fieldName = (field) => code('imports.field', field);
/** A field the server names in an error about the form (file, source, consent, mapping). */
const paramName = (field) => (has(`imports.param.${field}`) ? t(`imports.param.${field}`) : field);
/**
 * Where a row's error or warning is: a column of the file, named as the file names it, or (when no
 * column gives it) the row or a lead field, in words.
 */
const placeName = (field) => (has(`imports.field.${field}`) ? t(`imports.field.${field}`) : field);
/** An import's state in words, as the start of a sentence or a cell. */
const stateName = (state) => capitalised(code('importState', state));
const number = (value) => new Intl.NumberFormat(language()).format(value ?? 0);

function capitalised(text) {
  return text ? text.charAt(0).toLocaleUpperCase(language()) + text.slice(1) : text;
}

/** A country's name in the reader's language (Intl); a value that is not a code stays as given. */
function country(value) {
  if (!/^[A-Za-z]{2}$/.test(String(value))) return value;
  try {
    return new Intl.DisplayNames([language()], { type: 'region' }).of(String(value).toUpperCase()) || value;
  } catch (e) {
    return value;
  }
}

/**
 * A sentence of the catalogue with one of its placeholders as an element (a file's name in a span,
 * the source in bold): the words around it in the order the language puts them.
 */
function withElement(key, values, name, element) {
  const mark = '\u0000';
  const [before, after = ''] = t(key, { ...values, [name]: mark }).split(mark);
  return [before, element, after];
}

// Who is signed in, in the words of their role, and a sign-out.
$('logout').addEventListener('submit', () => {
  $('logout-csrf').value = csrfToken();
});
const SHOWN_ROLE = ['MARKETING', 'ADMIN', 'SALES_MANAGER', 'SALES_REP', 'QUALIFIER'];
const identityRead = () => fetch('/api/me')
  .then((r) => (r.ok ? r.json() : null))
  .then((me) => {
    if (!me) return;
    const role = SHOWN_ROLE.find((r) => me.roles.includes(r)) || me.roles[0];
    $('signed-in').textContent = signedInAs(me, code('role', role));
    // An administrator works tasks too; marketing has no inbox (it would refuse them).
    $('inbox-link').hidden = !me.roles.some((r) => WORK_ROLES.includes(r));
  });

// --- Calls ---

async function call(method, path, body) {
  // The server's sentences (why a file or a row was refused, how the file was read) in the page's
  // language.
  const headers = { 'Accept-Language': language() };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  const response = await fetch(path, { method, headers, body });
  if (response.status === 401) {
    location.assign('/login');
    throw new Error(t('imports.error.session'));
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    // The fields the server names are in words.
    const fields = (data?.errors || []).map((e) => `${paramName(e.field)}: ${e.message}`).join('; ');
    const error = new Error(fields || data?.detail || t('imports.error.status', { status: response.status }));
    error.status = response.status;
    throw error;
  }
  return data;
}

function showError(error) {
  $('error').textContent = error ? error.message : '';
  $('error').hidden = !error;
}

// --- The file, its source and the mapping ---

let saved = {}; // the mapping saved for the source, if any
let changed = {}; // what the person mapped on this page
let lastPreview = null;

function mapping() {
  return { ...saved, ...changed };
}

function form(withMapping) {
  const data = new FormData();
  data.append('file', $('file').files[0]);
  data.append('source', $('source').value.trim());
  if ($('consent').value) data.append('consent', $('consent').value);
  const columns = mapping();
  if (withMapping && Object.keys(columns).length) data.append('mapping', JSON.stringify(columns));
  return data;
}

async function loadSaved(source) {
  try {
    saved = await call('GET', `/api/imports/mappings/${encodeURIComponent(source)}`);
  } catch (error) {
    if (error.status !== 404) throw error;
    saved = {};
  }
}

$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!$('upload-form').reportValidity()) return;
  changed = {};
  // Sent without a mapping, the preview reads the file with the source's saved one, if it has one,
  // and says so; only then is it asked for (a source without one would answer 404, an error in the
  // browser's console on every new source).
  saved = {};
  try {
    await preview(true);
  } catch (error) {
    showError(error);
  }
});

// A new file or source starts again from what the header and the saved mapping say.
$('file').addEventListener('change', () => {
  $('preview').hidden = true;
  const chosen = $('file').files[0];
  $('file-name').textContent = chosen ? chosen.name : t('imports.upload.noFile');
});
$('source').addEventListener('change', () => {
  $('preview').hidden = true;
});

async function preview(newSource = false) {
  showError(null);
  $('preview').setAttribute('aria-busy', 'true');
  const result = await call('POST', '/api/imports/preview', form(true));
  if (newSource && result.savedMapping) await loadSaved($('source').value.trim());
  lastPreview = result;
  renderPreview(result);
  $('preview').removeAttribute('aria-busy');
}

function targetSelect(column) {
  const current = column.readAs || 'ignore';
  const select = el('select', {
    'data-column': column.name,
    'aria-label': t('imports.column.readAsLabel', { column: column.name }),
  });
  const options = [['ignore', t('imports.column.leaveOut')]];
  for (const target of lastPreview.targets) options.push([target, fieldName(target)]);
  const attribute = `attr:${attributeName(column.name.replace(/^(attr:|attribute\.)/i, ''))}`;
  const custom = (value) => t('imports.column.attribute', { name: value.slice(5) });
  options.push([attribute, custom(attribute)]);
  if (current.startsWith('attr:') && current !== attribute) options.push([current, custom(current)]);
  for (const [value, label] of options) {
    select.append(el('option', { value, selected: value === current }, label));
  }
  select.addEventListener('change', async () => {
    changed[column.name] = select.value;
    try {
      await preview();
      // The table was drawn again: keyboard users stay on the column they were mapping.
      document.querySelector(`select[data-column="${CSS.escape(column.name)}"]`)?.focus();
    } catch (error) {
      showError(error);
    }
  });
  return select;
}

/** "Booth Number" as an attribute name the API accepts: "booth-number" (as the server suggests). */
function attributeName(header) {
  const name = header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return name || 'attribute';
}

/** "1 data row", "38,500 data rows" (a key with _one and _other), the number as the language writes it. */
function rows(key, n, values = {}) {
  return t(key, { ...values, count: n, rows: number(n) });
}

/** A row's lead as the import would store it, in words: "Country: Germany · Employees: 750". */
function stored(lead) {
  return Object.entries(lead || {})
    .map(([field, value]) => {
      if (field === 'attributes') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join(' · ');
      if (field === 'consent') return t(value ? 'imports.stored.consentGiven' : 'imports.stored.consentNotGiven');
      if (field === 'country') return `${fieldName(field)}: ${country(value)}`;
      if (typeof value === 'number') return `${fieldName(field)}: ${number(value)}`;
      if (typeof value === 'boolean') return `${fieldName(field)}: ${t(value ? 'common.yes' : 'common.no')}`;
      return `${fieldName(field)}: ${value}`;
    })
    .join(' · ');
}

function howRead(column) {
  if (column.how === 'MAPPED' && !(column.name in changed) && column.name in saved) return t('imports.how.SAVED');
  return column.how ? code('imports.how', column.how) : '';
}

function renderPreview(result) {
  $('preview').hidden = false;
  const file = el('span', { id: 'preview-file' }, result.fileName || t('imports.preview.theFile'));
  $('preview-title').replaceChildren(...withElement('imports.preview.title', {}, 'file', file));
  const usesSaved = result.savedMapping || Object.keys(saved).length > 0;
  $('preview-notes').replaceChildren(
    el('li', {}, rows('imports.preview.rows', result.rowsTotal)),
    ...result.notes.map((note) => el('li', {}, note)),
    ...(usesSaved ? [el('li', {}, t('imports.preview.savedUsed'))] : []),
  );
  $('preview-problem').textContent = result.problem || '';
  $('preview-problem').hidden = !result.problem;
  $('columns').tBodies[0].replaceChildren(
    ...result.columns.map((column) =>
      el(
        'tr',
        {
          class: column.readAs ? 'read' : 'ignored',
          'data-testid': 'column',
          'data-column': column.name,
          'data-read-as': column.readAs || 'ignore',
        },
        el('th', { scope: 'row' }, column.name),
        el('td', {}, targetSelect(column), el('span', { class: 'how' }, howRead(column))),
        el('td', { class: 'values' }, column.samples.filter((v) => v).slice(0, 3).join(' · ') || t('imports.preview.empty')),
      ),
    ),
  );
  $('sample').tBodies[0].replaceChildren(
    ...result.rows.map((row) =>
      el(
        'tr',
        { class: row.outcome === 'REJECTED' ? 'rejected' : 'imported', 'data-testid': 'sample-row' },
        el('td', {}, number(row.line)),
        el('td', { class: 'outcome' }, code('imports.outcome', row.outcome)),
        el('td', { class: 'stored' }, stored(row.lead)),
        el(
          'td',
          {},
          [...row.errors, ...row.warnings].map((p) => el('div', {}, `${placeName(p.field)}: ${p.reason}`)),
        ),
      ),
    ),
  );
  const source = el('strong', { id: 'save-source' }, $('source').value.trim());
  $('save-label').replaceChildren(...withElement('imports.preview.saveMapping', {}, 'source', source));
  $('save-mapping').checked = false;
  $('start').disabled = Boolean(result.problem) || result.rowsTotal === 0;
  $('start').textContent = rows('imports.preview.start', result.rowsTotal);
}

$('start').addEventListener('click', async () => {
  showError(null);
  const data = form(true);
  if ($('save-mapping').checked) {
    if (!data.has('mapping')) data.append('mapping', JSON.stringify(currentMapping()));
    data.append('saveMapping', 'true');
  }
  $('start').disabled = true;
  try {
    const accepted = await call('POST', '/api/leads/import', data);
    $('preview').hidden = true;
    $('upload-form').reset();
    $('file-name').textContent = t('imports.upload.noFile');
    location.hash = `import/${accepted.importId}`;
  } catch (error) {
    showError(error);
    $('start').disabled = false;
  }
});

/** Every column as the preview reads it: what "save" keeps when nothing was changed. */
function currentMapping() {
  const all = {};
  for (const column of lastPreview.columns) all[column.name] = column.readAs || 'ignore';
  return all;
}

// --- One import: progress, counts, report ---

let watching = null;
let timer = null;

async function watch(importId) {
  clearTimeout(timer);
  watching = importId;
  $('progress').hidden = false;
  let status;
  try {
    status = await call('GET', `/api/imports/${importId}`);
  } catch (error) {
    showError(error);
    return;
  }
  if (watching !== importId) return;
  renderStatus(status);
  if (!OVER.includes(status.state)) {
    timer = setTimeout(() => watch(importId), 700);
  } else {
    loadHistory();
  }
}

function renderStatus(s) {
  const progress = $('progress');
  progress.dataset.state = s.state;
  progress.dataset.importId = s.importId;
  $('progress-title').textContent = t('imports.progress.title', {
    file: s.fileName || t('imports.progress.import'),
    source: s.source,
  });
  const total = s.rowsTotal ?? 0;
  $('progress-bar').max = Math.max(total, 1);
  $('progress-bar').value = s.state === 'DONE' ? Math.max(total, 1) : s.rowsProcessed;
  const read = { state: stateName(s.state), read: number(s.rowsProcessed) };
  $('progress-state').className = `state-${s.state}`;
  $('progress-state').textContent =
    (s.rowsTotal === null
      ? t('imports.progress.read', { ...read, count: s.rowsProcessed })
      : t('imports.progress.readOf', { ...read, count: s.rowsTotal, total: number(s.rowsTotal) })) +
    (s.state === 'CANCELLED' ? t('imports.progress.cancelledKept') : '') +
    // Why the whole file failed: the server's sentence, as it comes.
    (s.error ? `. ${s.error}` : '');
  $('progress-counts').replaceChildren(
    count('created', s.created),
    count('merged', s.merged),
    count('rejected', s.rejected),
    count('warnings', s.warningCount),
  );
  $('progress-notes').replaceChildren(
    ...s.notes.map((note) => el('li', {}, note)),
    ...(s.ignoredColumns.length
      ? [el('li', {}, t('imports.progress.ignoredColumns', { columns: s.ignoredColumns.join(', ') }))]
      : []),
  );
  $('cancel').hidden = OVER.includes(s.state);
  const lines = [
    ...s.errors.map((r) => ({ ...r, kind: 'ERROR' })),
    ...s.warnings.map((r) => ({ ...r, kind: 'WARNING' })),
  ].sort((a, b) => a.line - b.line);
  const report = $('report');
  report.hidden = lines.length === 0;
  report.tBodies[0].replaceChildren(
    ...lines.map((r) =>
      el(
        'tr',
        { class: r.kind, 'data-testid': 'report-row' },
        el('td', {}, number(r.line)),
        el('td', {}, placeName(r.field)),
        el('td', { class: 'kind' }, code('imports.kind', r.kind)),
        el('td', {}, r.reason),
      ),
    ),
  );
  const shown = s.errors.length + s.warnings.length;
  const all = s.rejected + s.warningCount;
  $('report-more').textContent = all > shown ? t('imports.report.more', { shown: number(shown), all: number(all) }) : '';
  const csv = $('report-csv');
  csv.hidden = lines.length === 0;
  csv.href = `/api/imports/${s.importId}/report.csv?lang=${encodeURIComponent(language())}`;
}

/** A count of the import: the number, and its words in the singular or plural the number asks for. */
function count(id, value) {
  return el('li', { 'data-testid': `count-${id}` }, el('strong', {}, number(value)), ' ',
    t(`imports.progress.${id}`, { count: value }));
}

$('cancel').addEventListener('click', async () => {
  if (!watching) return;
  if (!window.confirm(t('imports.progress.cancelConfirm'))) return;
  try {
    await call('POST', `/api/imports/${watching}/cancel`);
  } catch (error) {
    showError(error);
  }
  watch(watching);
});

// --- Recent imports ---

async function loadHistory() {
  let list;
  try {
    list = await call('GET', '/api/imports');
  } catch (error) {
    showError(error);
    return;
  }
  const sources = [...new Set(list.map((i) => i.source).filter(Boolean))];
  $('sources').replaceChildren(...sources.map((s) => el('option', { value: s })));
  $('imports').tBodies[0].replaceChildren(
    ...list.map((i) =>
      el(
        'tr',
        { 'data-testid': 'import-row' },
        el('td', {}, el('a', { href: `#import/${i.importId}`, class: 'open' }, dateTime(i.createdAt))),
        el('td', {}, i.fileName || ''),
        el('td', {}, i.source || ''),
        el('td', {}, i.createdBy || ''),
        el('td', { class: `state-${i.state}`, 'data-state': i.state }, stateName(i.state)),
        el('td', {}, number(i.created)),
        el('td', {}, number(i.merged)),
        el('td', {}, number(i.rejected)),
      ),
    ),
  );
  $('history').dataset.loaded = String(list.length);
}

function route() {
  const match = location.hash.match(/^#import\/([0-9a-f-]{36})$/);
  if (match) watch(match[1]);
}

// The catalogue first: the page's texts, the language menu and who is signed in; then the import
// in the address and the list, drawn in the reader's language.
initI18n()
  .then(() => {
    document.title = t('imports.title');
    document.querySelector('.identity').prepend(languageMenu());
    return identityRead();
  })
  .catch(() => {})
  .finally(() => {
    window.addEventListener('hashchange', route);
    route();
    loadHistory();
  });

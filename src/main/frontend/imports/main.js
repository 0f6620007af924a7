// Marketing's import page: upload a file, see how each column will be read (POST
// /api/imports/preview), re-map or ignore columns, choose the source and the consent default, start
// the import (POST /api/leads/import), watch it, and read or download its errors and warnings.
import '../src/style.css';
import './imports.css';
import { el } from '../src/view.js';
import { csrfToken } from '../src/api.js';

const $ = (id) => document.getElementById(id);

// Words for the fields a column can be read as; the API names them.
const FIELD = {
  email: 'Email', firstName: 'First name', lastName: 'Last name', phone: 'Phone', company: 'Company',
  companySize: 'Employees', industry: 'Industry', title: 'Job title', country: 'Country',
  source: 'Source', referredBy: 'Referred by', consent: 'Consent (yes/no)', optOut: 'Opted out (yes/no)',
  fullName: 'Full name (first and last)',
};
const HOW = {
  RECOGNISED: 'recognised by its name', MAPPED: 'as you mapped it', IGNORED: 'not a lead field',
  DOUBLED: 'an earlier column gives this field',
};
const STATE = {
  QUEUED: 'Waiting to start', RUNNING: 'Importing', DONE: 'Done', FAILED: 'Failed', CANCELLED: 'Cancelled',
};
const OVER = ['DONE', 'FAILED', 'CANCELLED'];

$('logout').addEventListener('submit', () => {
  $('logout-csrf').value = csrfToken();
});
fetch('/api/me')
  .then((r) => (r.ok ? r.json() : null))
  .then((me) => {
    if (me) $('signed-in').textContent = me.username;
  });

// --- Calls ---

async function call(method, path, body) {
  const headers = method === 'GET' ? {} : { 'X-XSRF-TOKEN': csrfToken() };
  const response = await fetch(path, { method, headers, body });
  if (response.status === 401) {
    location.assign('/login');
    throw new Error('Your session has ended; sign in again.');
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const fields = (data?.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
    const error = new Error(fields || data?.detail || `The server answered ${response.status}`);
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
  try {
    await loadSaved($('source').value.trim());
    await preview();
  } catch (error) {
    showError(error);
  }
});

// A new file or source starts again from what the header and the saved mapping say.
$('file').addEventListener('change', () => {
  $('preview').hidden = true;
});
$('source').addEventListener('change', () => {
  $('preview').hidden = true;
});

async function preview() {
  showError(null);
  $('preview').setAttribute('aria-busy', 'true');
  const result = await call('POST', '/api/imports/preview', form(true));
  lastPreview = result;
  renderPreview(result);
  $('preview').removeAttribute('aria-busy');
}

function targetSelect(column) {
  const current = column.readAs || 'ignore';
  const select = el('select', { 'data-column': column.name, 'aria-label': `Read the column ${column.name} as` });
  const options = [['ignore', 'Leave out']];
  for (const target of lastPreview.targets) options.push([target, FIELD[target] || target]);
  const attribute = `attr:${attributeName(column.name.replace(/^(attr:|attribute\.)/i, ''))}`;
  options.push([attribute, `Custom attribute "${attribute.slice(5)}"`]);
  if (current.startsWith('attr:') && current !== attribute) options.push([current, `Custom attribute "${current.slice(5)}"`]);
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

/** "1 row", "2 rows", "38,500 rows". */
function plural(n, one, many = `${one}s`) {
  return `${Number(n).toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A row's lead as the import would store it, in words: "Country: DE · Employees: 750". */
function stored(lead) {
  return Object.entries(lead || {})
    .map(([field, value]) => {
      if (field === 'attributes') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join(' · ');
      if (field === 'consent') return value ? 'Consent: given' : 'Consent: not given';
      return `${FIELD[field] || field}: ${value}`;
    })
    .join(' · ');
}

function howRead(column) {
  if (column.how === 'MAPPED' && !(column.name in changed) && column.name in saved) return 'as saved for this source';
  return HOW[column.how] || '';
}

function renderPreview(result) {
  $('preview').hidden = false;
  $('preview-file').textContent = result.fileName || 'the file';
  const usesSaved = result.savedMapping || Object.keys(saved).length > 0;
  $('preview-notes').replaceChildren(
    el('li', {}, plural(result.rowsTotal, 'data row')),
    ...result.notes.map((note) => el('li', {}, note)),
    ...(usesSaved ? [el('li', {}, 'the mapping saved for this source is used')] : []),
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
        el('td', { class: 'values' }, column.samples.filter((v) => v).slice(0, 3).join(' · ') || '(empty)'),
      ),
    ),
  );
  $('sample').tBodies[0].replaceChildren(
    ...result.rows.map((row) =>
      el(
        'tr',
        { class: row.outcome === 'REJECTED' ? 'rejected' : 'imported', 'data-testid': 'sample-row' },
        el('td', {}, row.line),
        el('td', { class: 'outcome' }, row.outcome === 'REJECTED' ? 'Rejected' : 'Imported'),
        el('td', { class: 'stored' }, stored(row.lead)),
        el(
          'td',
          {},
          [...row.errors, ...row.warnings].map((p) => el('div', {}, `${p.field}: ${p.reason}`)),
        ),
      ),
    ),
  );
  $('save-source').textContent = $('source').value.trim();
  $('save-mapping').checked = false;
  $('start').disabled = Boolean(result.problem) || result.rowsTotal === 0;
  $('start').textContent = `Import ${plural(result.rowsTotal, 'row')}`;
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
  $('progress-title').textContent = `${s.fileName || 'Import'} · source ${s.source}`;
  const total = s.rowsTotal ?? 0;
  $('progress-bar').max = Math.max(total, 1);
  $('progress-bar').value = s.state === 'DONE' ? Math.max(total, 1) : s.rowsProcessed;
  const of = s.rowsTotal === null ? '' : ` of ${s.rowsTotal}`;
  $('progress-state').className = `state-${s.state}`;
  $('progress-state').textContent =
    `${STATE[s.state]}: ${Number(s.rowsProcessed).toLocaleString('en')}${of ? ` of ${Number(s.rowsTotal).toLocaleString('en')}` : ''} rows read` +
    (s.state === 'CANCELLED' ? '; the leads of the rows read before stay' : '') +
    (s.error ? `. ${s.error}` : '');
  $('progress-counts').replaceChildren(
    count(s.created === 1 ? 'new lead' : 'new leads', s.created, 'created'),
    count('merged into existing leads', s.merged, 'merged'),
    count(s.rejected === 1 ? 'row rejected' : 'rows rejected', s.rejected, 'rejected'),
    count(s.warningCount === 1 ? 'warning' : 'warnings', s.warningCount, 'warnings'),
  );
  $('progress-notes').replaceChildren(
    ...s.notes.map((note) => el('li', {}, note)),
    ...(s.ignoredColumns.length ? [el('li', {}, `columns left out: ${s.ignoredColumns.join(', ')}`)] : []),
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
        el('td', {}, r.line),
        el('td', {}, r.field),
        el('td', { class: 'kind' }, r.kind === 'ERROR' ? 'Rejected' : 'Warning'),
        el('td', {}, r.reason),
      ),
    ),
  );
  const shown = s.errors.length + s.warnings.length;
  const all = s.rejected + s.warningCount;
  $('report-more').textContent = all > shown ? `The first ${shown} of ${all} are shown; the CSV has them all.` : '';
  const csv = $('report-csv');
  csv.hidden = lines.length === 0;
  csv.href = `/api/imports/${s.importId}/report.csv`;
}

function count(label, value, id) {
  return el('li', { 'data-testid': `count-${id}` }, el('strong', {}, Number(value).toLocaleString('en')), ' ', label);
}

$('cancel').addEventListener('click', async () => {
  if (!watching) return;
  if (!window.confirm('Cancel this import? The rows imported so far stay as leads.')) return;
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
        el('td', {}, el('a', { href: `#import/${i.importId}`, class: 'open' }, when(i.createdAt))),
        el('td', {}, i.fileName || ''),
        el('td', {}, i.source || ''),
        el('td', {}, i.createdBy || ''),
        el('td', { class: `state-${i.state}` }, STATE[i.state] || i.state),
        el('td', {}, i.created),
        el('td', {}, i.merged),
        el('td', {}, i.rejected),
      ),
    ),
  );
  $('history').dataset.loaded = String(list.length);
}

function when(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function route() {
  const match = location.hash.match(/^#import\/([0-9a-f-]{36})$/);
  if (match) watch(match[1]);
}

window.addEventListener('hashchange', route);
route();
loadHistory();

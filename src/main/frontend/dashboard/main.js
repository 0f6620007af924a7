// The sales managers' dashboard: the funnel report as charts and tables, with the same filters as
// GET /api/reports/funnel. Every number links to the leads behind it (GET /api/reports/leads),
// and every lead to its timeline.
import Chart from 'chart.js/auto';
import '../src/style.css';
import './dashboard.css';
import { el, fullName } from '../src/view.js';
import { csrfToken, WORK_ROLES } from '../src/api.js';
import { availabilityWords, code, dateTime, explain, nameWords, initI18n, language, languageMenu, signedInAs, t } from '../src/i18n.js';

// A mail's link followed while signed out: the sign-in page kept its place after the '#'.
try {
  const after = sessionStorage.getItem('lead-handoff.after-sign-in');
  sessionStorage.removeItem('lead-handoff.after-sign-in');
  if (after && (!location.hash || location.hash === '#/')) location.hash = after;
} catch (e) {
  // Storage may be off (private mode): the page opens as it is.
}

const FUNNEL = ['NAME', 'IN_PROFILE', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY'];
// A stage's short name (a chart's axis has little room), a task's name by the role that works it.
const stageName = (name) => (name ? t(`dashboard.stage.${name}`) : '–');
const roleName = (role) => t(`dashboard.role.${role}`);
const COLOURS = ['#1f6feb', '#2da44e', '#bf8700', '#cf222e', '#8250df', '#1b7c83', '#6e7781', '#e16f24'];

// Who is signed in, a sign-out, the inbox link only for those who work tasks there and the
// imports link for those who import.
const IMPORTERS = ['MARKETING', 'ADMIN'];
document.getElementById('logout').addEventListener('submit', () => {
  document.getElementById('logout-csrf').value = csrfToken();
});
const SHOWN_ROLE = ['SALES_MANAGER', 'MARKETING', 'ADMIN', 'SALES_REP', 'QUALIFIER'];
let signedInRoles = [];
const identityRead = () => fetch('/api/me')
  .then((r) => (r.ok ? r.json() : null))
  .then((me) => {
    if (!me) return;
    signedInRoles = me.roles;
    const role = SHOWN_ROLE.find((r) => me.roles.includes(r)) || me.roles[0];
    document.getElementById('signed-in').textContent = signedInAs(me, code('role', role));
    document.getElementById('inbox-link').hidden = !me.roles.some((r) => WORK_ROLES.includes(r));
    document.getElementById('imports-link').hidden = !me.roles.some((r) => IMPORTERS.includes(r));
  });

const form = document.getElementById('filters');
const charts = new Map();

// --- Filters: the page's query string, so a view can be shared as a link. ---

// The application's date, not the browser's: the embedded engine's clock may have been moved on
// (demos), and the report's numbers follow the application's time.
let serverOffsetMs = 0;
const clockRead = fetch('/api/engine/clock')
  .then((r) => (r.ok ? r.json() : null))
  .then((clock) => {
    if (clock?.now) serverOffsetMs = new Date(clock.now) - Date.now();
  })
  .catch(() => {});

function today() {
  return new Date(Date.now() + serverOffsetMs).toISOString().slice(0, 10);
}

function daysBefore(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function filters() {
  const query = new URLSearchParams(location.search);
  const to = query.get('to') || today();
  return {
    from: query.get('from') || daysBefore(to, 29),
    to,
    source: query.get('source') || '',
    team: query.get('team') || '',
  };
}

/** A download for the reader's spreadsheet: their language's words and numbers, their time zone. */
function spreadsheet() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return `lang=${encodeURIComponent(language())}&tz=${encodeURIComponent(zone)}`;
}

function params(extra = {}) {
  const all = { ...filters(), ...extra };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) if (v !== '' && v !== null && v !== undefined) query.set(k, v);
  return query.toString();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const query = new URLSearchParams();
  for (const [k, v] of data.entries()) if (v) query.set(k, v);
  history.pushState(null, '', `?${query}`);
  load();
});
// A click on a number changes only the hash: Chromium fires popstate for it too, and reloading the
// whole report then redrew the list while it was being read. Only a new period or filter reloads.
let loadedSearch = null;
// Listened to once the catalogue is read: a mail's link sets the hash before that, and the list
// drawn then (in keys) was replaced by the one drawn after.
function listen() {
  window.addEventListener('popstate', () => {
    if (location.search !== loadedSearch) load();
  });
  window.addEventListener('hashchange', showLeads);
}

async function get(path) {
  // Names and sentences the server writes (who sent a lead back, a timeline) in the page's language.
  const response = await fetch(path, { headers: { 'Accept-Language': language() } });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const field = (name) => (i18nHas(`dashboard.field.${name}`) ? t(`dashboard.field.${name}`) : name);
    const fields = (data?.errors || []).map((e) => `${field(e.field)}: ${e.message}`).join('; ');
    throw new Error(fields || data?.detail || t('dashboard.error.status', { status: response.status }));
  }
  return data;
}

// --- Formatting ---

// Numbers, shares, durations and days as the reader's language writes them (Intl).
const i18nHas = (key) => t(key) !== key;
const number = (value, digits = 0) =>
  new Intl.NumberFormat(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
const percent = (rate) =>
  rate === null || rate === undefined ? '–' : new Intl.NumberFormat(language(), { style: 'percent' }).format(rate);

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const unit = (value, name, digits) => new Intl.NumberFormat(language(), {
    style: 'unit', unit: name, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value);
  if (seconds < 60) return unit(Math.round(seconds), 'second', 0);
  if (seconds < 3600) return unit(Math.round(seconds / 60), 'minute', 0);
  if (seconds < 48 * 3600) return unit(seconds / 3600, 'hour', 1);
  return unit(seconds / 86400, 'day', 1);
}

/** A calendar day of the report (2026-03-04: a day, not an instant, so no time zone moves it). */
function day(isoDay) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** The figures that count events, not leads. */
const TIMES = new Set(['SLA_MISSED', 'SLA_MET', 'REROUTED', 'ESCALATED', 'REJECTED', 'RECYCLED', 'DISQUALIFIED']);

/** A number that opens the list of leads behind it. */
function drill(value, metric, extra = {}) {
  // A figure of events (deadlines, reroutes, rejections, returns) counts them, its list leads (one
  // lead may be rerouted three times): the list says both.
  const times = TIMES.has(metric) ? { times: String(value) } : {};
  const query = new URLSearchParams({ metric, ...extra, ...times });
  return el('a', { href: `#leads?${query}`, class: 'drill', 'data-metric': metric, ...dataOf(extra) }, String(value));
}

function dataOf(extra) {
  const data = {};
  for (const [k, v] of Object.entries(extra)) data[`data-${k}`] = v;
  return data;
}

function openLeads(metric, extra) {
  location.hash = `leads?${new URLSearchParams({ metric, ...extra })}`;
}

// --- Charts ---

function chart(id, config) {
  charts.get(id)?.destroy();
  const canvas = document.getElementById(id);
  const instance = new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Axis ticks and tooltips write numbers as the reader's language does (0,05 in German).
      locale: language(),
      ...config.options,
    },
  });
  charts.set(id, instance);
  // A canvas says nothing to a screen reader: the chart's numbers, in words.
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', describe(config.data));
  canvas.dataset.rendered = 'true';
  return instance;
}

function describe(data) {
  return data.datasets
    .map((set) => `${set.label ?? t('dashboard.chart.count')}: ${data.labels.map((label, i) => `${label} ${set.data[i] ?? 0}`).join(', ')}`)
    .join('; ');
}

/** Clicking a bar opens the leads behind it. */
function clickable(toLeads) {
  return {
    onClick: (event, elements, instance) => {
      if (!elements.length) return;
      const { datasetIndex, index } = elements[0];
      const target = toLeads(datasetIndex, index, instance);
      if (target) openLeads(target.metric, target.extra);
    },
    onHover: (event, elements) => {
      event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
    },
  };
}

function countsChart(id, counts, metric, label, colour) {
  const canvas = document.getElementById(id);
  const box = canvas.parentElement;
  box.querySelector('.none')?.remove();
  canvas.hidden = counts.length === 0;
  if (!counts.length) {
    charts.get(id)?.destroy();
    charts.delete(id);
    box.append(el('p', { class: 'hint none', 'data-testid': `${id}-none` }, t('dashboard.none')));
    return;
  }
  chart(id, {
    type: 'bar',
    data: {
      labels: counts.map((c) => code('reason', c.key)),
      datasets: [{ label, data: counts.map((c) => c.count), backgroundColor: colour }],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      ...clickable((d, i) => ({ metric, extra: { key: counts[i].key } })),
    },
  });
}

// --- The report ---

async function load() {
  await clockRead;
  loadedSearch = location.search;
  const f = filters();
  for (const [name, value] of Object.entries(f)) {
    const input = form.elements.namedItem(name);
    if (input && input.tagName !== 'SELECT') input.value = value;
  }
  document.getElementById('funnel-csv').href = `/api/reports/funnel.csv?${params()}&${spreadsheet()}`;
  const report = document.getElementById('report');
  const error = document.getElementById('error');
  report.setAttribute('aria-busy', 'true');
  try {
    const data = await get(`/api/reports/funnel?${params()}`);
    error.hidden = true;
    await options(data);
    render(data);
    await renderReturned();
    await renderTeam();
    report.setAttribute('aria-busy', 'false');
    report.dataset.loaded = `${f.from}..${f.to}`;
    showLeads();
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

/** Source and team choices: what the unfiltered report of the period knows. */
async function options(data) {
  const f = filters();
  const all = f.source || f.team ? await get(`/api/reports/funnel?${params({ source: '', team: '' })}`) : data;
  fill(form.elements.namedItem('source'), all.sources.map((s) => s.key), f.source, t('dashboard.filters.allSources'), (s) => nameWords('source', s));
  const teams = [...new Set(all.slaByRep.map((r) => r.team))].sort();
  fill(form.elements.namedItem('team'), teams, f.team, t('dashboard.filters.allTeams'));
}

function fill(select, values, chosen, none, words = (v) => v) {
  const list = values.includes(chosen) || !chosen ? values : [...values, chosen];
  select.replaceChildren(el('option', { value: '' }, none), ...list.map((v) => el('option', { value: v }, words(v))));
  select.value = chosen;
}

function stage(data, name) {
  return data.stages.find((s) => s.stage === name);
}

// The last report drawn: a drill-down's title names the person behind a number from it.
let lastReport = null;

function render(data) {
  lastReport = data;
  renderKpis(data);
  renderFunnel(data);
  renderTime(data);
  renderSupply(data);
  renderSla(data);
  countsChart('chart-rejections', data.rejectionReasons, 'REJECTED', t('dashboard.rejections.label'), COLOURS[3]);
  countsChart('chart-recycles', data.recycleReasons, 'RECYCLED', t('dashboard.recycles.label'), COLOURS[2]);
  countsChart('chart-disqualified', data.disqualificationReasons, 'DISQUALIFIED', t('dashboard.disqualified.label'), COLOURS[6]);
  renderLadder(data);
  chart('chart-sources', {
    type: 'doughnut',
    data: {
      labels: data.sources.map((s) => nameWords('source', s.key)),
      datasets: [{ data: data.sources.map((s) => s.count), backgroundColor: COLOURS }],
    },
    options: clickable((d, i) => ({ metric: 'SOURCE', extra: { key: data.sources[i].key } })),
  });
}

function renderKpis(data) {
  const sla = (role) => data.sla.find((s) => s.role === role);
  const tile = (label, value, link, testid, note) =>
    el('div', { class: 'kpi', 'data-testid': testid },
      el('span', { class: 'label' }, label), el('span', { class: 'value' }, link || value), note && el('span', { class: 'note' }, note));
  const entered = (name) => drill(stage(data, name).entered, 'ENTERED', { stage: name });
  const first = sla('QUALIFIER');
  const accept = sla('SALES_REP');
  document.getElementById('kpis').replaceChildren(
    tile(t('dashboard.kpi.captured'), null, entered('NAME'), 'kpi-captured'),
    tile(t('dashboard.kpi.mql'), null, entered('MQL'), 'kpi-mql'),
    tile(t('dashboard.kpi.sql'), null, entered('SQL'), 'kpi-sql'),
    tile(t('dashboard.kpi.opportunity'), null, entered('OPPORTUNITY'), 'kpi-opportunity'),
    tile(t('dashboard.kpi.firstTouch'), percent(first.complianceRate), null, 'kpi-first-touch',
      el('span', {}, drill(first.missed, 'SLA_MISSED', { role: 'QUALIFIER' }), ` ${t('dashboard.kpi.missed')}`)),
    tile(t('dashboard.kpi.acceptance'), percent(accept.complianceRate), null, 'kpi-acceptance',
      el('span', {}, drill(accept.missed, 'SLA_MISSED', { role: 'SALES_REP' }), ` ${t('dashboard.kpi.missed')}`)),
  );
}

function renderFunnel(data) {
  const rows = FUNNEL.map((name) => stage(data, name));
  chart('chart-funnel', {
    type: 'bar',
    data: {
      labels: rows.map((s) => stageName(s.stage)),
      datasets: [
        { label: t('dashboard.funnel.entered'), data: rows.map((s) => s.entered), backgroundColor: COLOURS[0] },
        { label: t('dashboard.funnel.wentOn'), data: rows.map((s) => s.converted), backgroundColor: COLOURS[1] },
      ],
    },
    options: {
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      ...clickable((d, i) => ({ metric: d === 0 ? 'ENTERED' : 'CONVERTED', extra: { stage: rows[i].stage } })),
    },
  });
  const table = document.getElementById('stages');
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ...['stage', 'entered', 'wentOn', 'conversion', 'median', 'p90', 'stillThere']
      .map((h) => el('th', {}, t(`dashboard.stages.${h}`))))),
    el('tbody', {}, ...data.stages.map((s) =>
      el('tr', { 'data-testid': `stage-${s.stage}` },
        el('th', {}, stageName(s.stage)),
        el('td', { class: 'entered' }, drill(s.entered, 'ENTERED', { stage: s.stage })),
        el('td', { class: 'converted' }, s.nextStage ? drill(s.converted, 'CONVERTED', { stage: s.stage }) : '–',
          s.nextStage ? el('span', { class: 'to' }, ` → ${stageName(s.nextStage)}`) : ''),
        el('td', { class: 'rate' }, percent(s.conversionRate)),
        el('td', { class: 'median' }, duration(s.medianSeconds)),
        el('td', {}, duration(s.p90Seconds)),
        el('td', {}, drill(s.stillThere, 'STILL_THERE', { stage: s.stage })))),
    ));
}

function renderTime(data) {
  const rows = data.stages.filter((s) => s.finishedStays > 0);
  const hours = (s) => (s === null ? null : +(s / 3600).toFixed(2));
  chart('chart-time', {
    type: 'bar',
    data: {
      labels: rows.map((s) => stageName(s.stage)),
      datasets: [
        { label: t('dashboard.time.median'), data: rows.map((s) => hours(s.medianSeconds)), backgroundColor: COLOURS[0] },
        { label: t('dashboard.time.p90'), data: rows.map((s) => hours(s.p90Seconds)), backgroundColor: COLOURS[4] },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, title: { display: true, text: t('dashboard.time.hours') } } },
      ...clickable((d, i) => ({ metric: 'ENTERED', extra: { stage: rows[i].stage } })),
    },
  });
}

function renderSupply(data) {
  const { weeklyCapacity, weeks, periodWeeks, averagePerWeek: average } = data.supply;
  const verdict = document.getElementById('supply-verdict');
  if (!weeklyCapacity) {
    verdict.textContent = t('dashboard.supply.noCapacity');
  } else {
    const share = average / weeklyCapacity;
    verdict.textContent = t('dashboard.supply.verdict', {
      average: number(average, 1),
      weeks: new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(periodWeeks),
      capacity: number(weeklyCapacity),
      share: percent(share),
      judgement: t(share < 0.7 ? 'dashboard.supply.low' : share > 1 ? 'dashboard.supply.high' : 'dashboard.supply.right'),
    });
  }
  chart('chart-supply', {
    type: 'bar',
    data: {
      labels: weeks.map((w) => t('dashboard.supply.weekOf', { date: day(w.weekStart) })),
      datasets: [
        { type: 'bar', label: t('dashboard.supply.delivered'), data: weeks.map((w) => w.mqls), backgroundColor: COLOURS[0] },
        { type: 'line', label: t('dashboard.supply.capacity'), data: weeks.map(() => weeklyCapacity), borderColor: COLOURS[3], pointRadius: 0 },
      ],
    },
    options: {
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      ...clickable((d, i) => {
        if (d !== 0) return null;
        const start = weeks[i].weekStart;
        location.search = params({ from: start, to: daysBefore(start, -6) });
        return null;
      }),
    },
  });
}

function renderSla(data) {
  const days = [...new Set(data.slaByDay.map((d) => d.day))].sort();
  const series = (role, field) => days.map((day) => data.slaByDay.find((d) => d.day === day && d.role === role)?.[field] ?? 0);
  chart('chart-sla', {
    type: 'bar',
    data: {
      labels: days.map(day),
      datasets: [
        { label: t('dashboard.sla.firstTouchMet'), data: series('QUALIFIER', 'met'), backgroundColor: COLOURS[1], stack: 'q' },
        { label: t('dashboard.sla.firstTouchMissed'), data: series('QUALIFIER', 'missed'), backgroundColor: COLOURS[3], stack: 'q' },
        { label: t('dashboard.sla.acceptedMet'), data: series('SALES_REP', 'met'), backgroundColor: '#7ee2a8', stack: 's' },
        { label: t('dashboard.sla.acceptanceMissed'), data: series('SALES_REP', 'missed'), backgroundColor: '#ff8182', stack: 's' },
      ],
    },
    options: {
      scales: { y: { beginAtZero: true, stacked: true, ticks: { precision: 0 } }, x: { stacked: true } },
      ...clickable((d, i) => ({
        metric: d % 2 === 0 ? 'SLA_MET' : 'SLA_MISSED',
        extra: { role: d < 2 ? 'QUALIFIER' : 'SALES_REP', from: days[i], to: days[i] },
      })),
    },
  });
  const table = document.getElementById('reps');
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ...['person', 'team', 'task', 'inTime', 'missed', 'open', 'inTimeShare']
      .map((h) => el('th', {}, t(`dashboard.reps.${h}`))))),
    el('tbody', {}, ...data.slaByRep.map((r) =>
      el('tr', { 'data-testid': `rep-${r.rep}-${r.role}`, class: r.missed > 0 ? 'missed' : '' },
        el('th', {}, r.name), el('td', {}, r.team), el('td', {}, roleName(r.role)),
        el('td', {}, drill(r.met, 'SLA_MET', { role: r.role, rep: r.rep })),
        el('td', { class: 'missed-count' }, drill(r.missed, 'SLA_MISSED', { role: r.role, rep: r.rep })),
        el('td', {}, r.pending),
        el('td', {}, percent(r.met + r.missed ? r.met / (r.met + r.missed) : null))))));
}

function renderLadder(data) {
  const items = [
    ...data.reroutes.map((c) => el('li', {}, drill(c.count, 'REROUTED', { key: c.key }),
      ` ${t('dashboard.ladder.rerouted', { reason: code('reason', c.key) })}`)),
    ...data.escalations.map((c) => el('li', {}, drill(c.count, 'ESCALATED', { key: c.key }),
      ` ${t('dashboard.ladder.escalated', { reason: code('reason', c.key) })}`)),
  ];
  document.getElementById('ladder').replaceChildren(...(items.length ? items : [el('li', {}, t('dashboard.ladder.none'))]));
}

// --- The team now: whom routing gives a lead at this moment (managers; the roster is theirs) ---

async function renderTeam() {
  const card = document.getElementById('team-card');
  if (!signedInRoles.some((r) => WORK_ROLES.includes(r))) {
    card.hidden = true;
    return;
  }
  // Managers are on the roster for escalations; routing gives them no leads.
  const people = (await get('/api/reps')).filter(({ rep }) => rep.role !== 'MANAGER');
  const order = { QUALIFIER: 0, SALES_REP: 1 };
  people.sort((a, b) => (order[a.rep.role] ?? 2) - (order[b.rep.role] ?? 2) || a.rep.name.localeCompare(b.rep.name));
  document.getElementById('team').replaceChildren(
    el('thead', {}, el('tr', {}, ...['person', 'task', 'now', 'open']
      .map((h) => el('th', {}, t(`dashboard.team.${h}`))))),
    el('tbody', { 'data-testid': 'team-rows' }, ...people.map(({ rep, openLeads, availability }) => {
      const cell = (column, ...content) => el('td', { 'data-label': t(`dashboard.team.${column}`) }, ...content);
      return el('tr', { 'data-testid': `team-${rep.id}`, 'data-code': availability.code, class: availability.code === 'AVAILABLE' ? '' : 'unavailable' },
        el('th', { class: 'wrap' }, rep.name),
        cell('task', roleName(rep.role)),
        cell('now', availabilityWords(availability)),
        cell('open', t('dashboard.team.openOf', { open: number(openLeads), capacity: number(rep.capacity) })));
    })));
  card.hidden = false;
}

// --- What came back to marketing: recycled and mis-scored leads, why, and when to try again ---

async function renderReturned() {
  const f = filters();
  const page = await get(`/api/reports/returned?${new URLSearchParams({ from: f.from, to: f.to, limit: 100 })}`);
  const table = document.getElementById('returned');
  const hint = document.getElementById('returned-more');
  if (!page.items.length) {
    table.replaceChildren();
    hint.textContent = t('dashboard.returned.none');
    return;
  }
  hint.textContent = page.total > page.items.length ? t('dashboard.returned.more', { shown: page.items.length, total: page.total }) : '';
  const came = (item) => (item.toStage === 'RECYCLED' ? stageName('RECYCLED') : t('dashboard.returned.misScored'));
  // The reason code in words; below it the whole reason with its facts and the note of whoever
  // sent it back, as they wrote it (older rows: as recorded).
  const why = (item) => {
    const whole = item.reasonFacts && Object.keys(item.reasonFacts).length ? explain(item.reasonCode, item.reasonFacts, item.reason) : item.reason;
    return [el('span', {}, code('reason', item.reasonCode)),
      whole && whole !== code('reason', item.reasonCode) ? el('div', { class: 'why' }, whole) : ''];
  };
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ...['lead', 'came', 'reason', 'by', 'at', 'revisit', 'now']
      .map((h) => el('th', {}, t(`dashboard.returned.${h}`))))),
    el('tbody', { 'data-testid': 'returned-rows' }, ...page.items.map((item) => {
      // Each cell names its column: at phone width the rows stack and the names show beside them.
      const cell = (column, ...content) => el('td', { 'data-label': t(`dashboard.returned.${column}`) }, ...content);
      return el('tr', { 'data-lead': item.leadId },
        el('th', { class: 'wrap' }, el('a', { href: `#lead/${item.leadId}` }, fullName(item)),
          item.company ? el('span', { class: 'to' }, ` (${item.company})`) : ''),
        cell('came', came(item)),
        cell('reason', ...why(item)),
        cell('by', item.byName || item.by || '–'),
        cell('at', dateTime(item.returnedAt)),
        cell('revisit', item.revisitAt ? day(item.revisitAt.slice(0, 10)) : '–'),
        cell('now', stageName(item.stageNow)));
    })),
  );
}

// --- The leads behind a number, and a lead's timeline ---

/** The title of a drill-down: what the number counted, in words. */
function title(query) {
  const metric = query.get('metric');
  const key = `dashboard.list.${metric}`;
  if (!i18nHas(key)) return t('dashboard.list.default');
  let text = t(key, {
    stage: stageName(query.get('stage')),
    role: query.get('role') ? roleName(query.get('role')) : '',
    source: query.get('key') ? nameWords('source', query.get('key')) : '',
  });
  if (query.get('key') && metric !== 'SOURCE') text = t('dashboard.list.because', { title: text, reason: code('reason', query.get('key')) });
  const rep = query.get('rep');
  if (rep) {
    const person = lastReport?.slaByRep.find((r) => r.rep === rep)?.name || rep;
    text = t('dashboard.list.ofPerson', { title: text, person });
  }
  return text;
}

let leadsRequest = 0;

async function showLeads() {
  const section = document.getElementById('leads');
  const request = ++leadsRequest;
  const single = location.hash.match(/^#lead\/([0-9a-f-]{36})$/);
  if (single) {
    await showLead(section, single[1], request);
    return;
  }
  if (!location.hash.startsWith('#leads?')) {
    section.hidden = true;
    delete section.dataset.shown;
    return;
  }
  const hash = location.hash;
  const query = new URLSearchParams(hash.slice('#leads?'.length));
  const { times, ...extra } = Object.fromEntries(query.entries());
  const list = await get(`/api/reports/leads?${params({ ...extra, limit: 200 })}`);
  // An answer to an earlier click that arrives late must not replace the newer list.
  if (request !== leadsRequest) return;
  document.getElementById('leads-title').textContent = times && Number(times) !== list.total
    ? t(`dashboard.list.times.${query.get('metric')}`, { title: title(query), count: list.total, times: number(Number(times)) })
    : t('dashboard.list.count', { title: title(query), count: list.total });
  document.getElementById('leads-csv').href = `/api/reports/leads.csv?${params(extra)}&${spreadsheet()}`;
  document.getElementById('leads-csv').hidden = false;
  document.getElementById('leads-more').textContent = list.total > list.leads.length
    ? t('dashboard.list.more', { shown: list.leads.length, total: list.total }) : '';
  const table = document.getElementById('leads-table');
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ...['lead', 'company', 'stage', 'grade', 'temperature', 'changed']
      .map((h) => el('th', {}, t(`dashboard.leads.${h}`))))),
    el('tbody', { 'data-testid': 'lead-rows' }, ...list.leads.map((lead) => {
      const row = el('tr', { class: 'lead-row', 'data-lead': lead.id },
        el('th', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); toggleTimeline(row, lead.id); } }, fullName(lead))),
        el('td', {}, lead.company || ''), el('td', {}, stageName(lead.stage)),
        el('td', {}, lead.fitGrade || ''), el('td', {}, lead.temperature ? code('temperature', lead.temperature) : ''),
        el('td', {}, dateTime(lead.updatedAt)));
      return row;
    })));
  section.hidden = false;
  // Tests and scripts wait for this: the list of exactly this drill-down is drawn.
  section.dataset.shown = hash;
  section.scrollIntoView({ block: 'start' });
}

/**
 * One lead and its timeline: where marketing's mails link (a recycled lead), and what the inbox
 * shows its staff.
 */
async function showLead(section, leadId, request) {
  let lead;
  let entries;
  try {
    [lead, entries] = await Promise.all([get(`/api/leads/${leadId}`), get(timelineOf(leadId))]);
  } catch (error) {
    showError(error);
    return;
  }
  if (request !== leadsRequest) return;
  document.getElementById('leads-title').textContent = `${fullName(lead)}${lead.company ? ` (${lead.company})` : ''}`;
  document.getElementById('leads-csv').removeAttribute('href');
  document.getElementById('leads-csv').hidden = true;
  document.getElementById('leads-more').textContent = '';
  const facts = [
    ['stage', code('stage', lead.stage)], ['email', lead.email], ['title', lead.title],
    ['country', country(lead.country)], ['source', lead.source && nameWords('source', lead.source)],
    ['fitGrade', lead.fitGrade && code('grade', lead.fitGrade)],
    ['temperature', lead.temperature && code('temperature', lead.temperature)],
  ].filter(([, v]) => v);
  document.getElementById('leads-table').replaceChildren(
    el('tbody', { 'data-testid': 'lead-facts' }, ...facts.map(([k, v]) => el('tr', {}, el('th', {}, t(`dashboard.lead.${k}`)), el('td', { class: 'wrap' }, v)))),
    el('tbody', {}, el('tr', { class: 'timeline-row' }, el('td', { colspan: 2 }, timeline(entries)))),
  );
  section.hidden = false;
  section.dataset.shown = location.hash;
  section.scrollIntoView({ block: 'start' });
}

function showError(error) {
  const box = document.getElementById('error');
  box.textContent = error.message;
  box.hidden = false;
}

/** A country's name in the reader's language (Intl); a value that is not a code stays as given. */
function country(value) {
  if (!value) return null;
  if (!/^[A-Za-z]{2}$/.test(value)) return value;
  try {
    return new Intl.DisplayNames([language()], { type: 'region' }).of(value.toUpperCase()) || value;
  } catch (e) {
    return value;
  }
}

// The server writes the timeline's sentences in the reader's language.
const timelineOf = (leadId) => `/api/leads/${leadId}/timeline?lang=${encodeURIComponent(language())}`;

function timeline(entries) {
  return el('ol', { class: 'timeline', 'data-testid': 'timeline' }, ...entries.map((e) =>
    el('li', { class: `t-${e.kind.toLowerCase()}` },
      el('time', { datetime: e.at }, dateTime(e.at)), ' ',
      el('span', { class: 'kind' }, code('timeline', e.kind)), ' ',
      el('strong', {}, e.summary), ' ', el('span', { class: 'by' }, t('dashboard.timeline.by', { who: e.byName })),
      // A detail the summary already says (a hand-over's reason) is not said twice.
      typeof e.detail === 'string' && e.detail && !String(e.summary).includes(e.detail) ? el('div', { class: 'why' }, e.detail) : '')));
}

document.getElementById('leads-close').addEventListener('click', (e) => {
  e.preventDefault();
  history.pushState(null, '', location.pathname + location.search);
  showLeads();
});

async function toggleTimeline(row, leadId) {
  const next = row.nextElementSibling;
  if (next?.classList.contains('timeline-row')) {
    next.remove();
    return;
  }
  const entries = await get(timelineOf(leadId));
  row.after(el('tr', { class: 'timeline-row' }, el('td', { colspan: 6 }, timeline(entries))));
}

initI18n()
  .then(() => {
    document.title = t('dashboard.title');
    document.querySelector('.identity').prepend(languageMenu());
    return identityRead();
  })
  .catch(() => {})
  .finally(() => {
    listen();
    load();
  });

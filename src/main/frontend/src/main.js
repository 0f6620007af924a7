// The inbox: a qualifier or a sales rep sees their queue, opens a task, reads the lead, and
// completes the task in the same form that Camunda Tasklist shows (rendered with form-js).
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './style.css';
import { api, ApiError, csrfToken, signOutStarted, WORK_ROLES } from './api.js';
import { el, fullName, relative, setServerNow } from './view.js';
import { availabilityWords, code, dateTime, nameWords, scoreLineWords, explain, initI18n, language, languageMenu, sentence, signedInAs, t } from './i18n.js';
import { formTranslation, localiseDatePicker, localisedForm, optionLabel, readDatesAsShown, readNumbersAsWritten, translateSelectPlaceholders } from './forms.js';

// A mail's link followed while signed out: the sign-in page kept its place after the '#'.
try {
  const after = sessionStorage.getItem('lead-handoff.after-sign-in');
  sessionStorage.removeItem('lead-handoff.after-sign-in');
  if (after && (!location.hash || location.hash === '#/')) location.hash = after;
} catch (e) {
  // Storage may be off (private mode): the page opens as it is.
}

// The signed-in person: their role gives their queue (the server decides what they may see).
const roster = new Map();
const openLeads = new Map();
const availabilityOf = new Map();
const identity = { user: '', roles: [] };

// The token is read when the person signs out: the cookie may have changed since the page loaded.
document.getElementById('logout').addEventListener('submit', () => {
  signOutStarted();
  document.getElementById('logout-csrf').value = csrfToken();
});

async function loadIdentity() {
  const me = await api.me();
  identity.user = me.username;
  identity.roles = me.roles;
  const role = code('role', me.roles.find((r) => WORK_ROLES.includes(r)) || me.roles[0]);
  document.getElementById('signed-in').textContent = signedInAs(me, role);
  // The other pages this person may open.
  const has = (...roles) => me.roles.some((r) => roles.includes(r));
  document.getElementById('dashboard-link').hidden = !has('SALES_MANAGER', 'MARKETING', 'ADMIN');
  document.getElementById('imports-link').hidden = !has('MARKETING', 'ADMIN');
  document.getElementById('mine-link').hidden = !has('QUALIFIER', 'SALES_REP', 'SALES_MANAGER');
  const people = await api.reps().catch(() => []);
  for (const { rep, openLeads: open, availability } of people) {
    roster.set(rep.id, rep);
    openLeads.set(rep.id, open);
    availabilityOf.set(rep.id, availability);
  }
}

const detail = document.getElementById('detail');
let currentForm = null;
// The task on the page, so that the queue's refresh can tell when it has left.
let openTask = null;

function message(kind, text, items = []) {
  return el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `message-${kind}` },
    el('p', {}, text),
    items.length ? el('ul', {}, items.map((item) => el('li', {}, item))) : null);
}

function problemItems(error) {
  const errors = error?.problem?.errors || [];
  return errors.map((e) => e.message || `${e.field}: ${e.message}`);
}

async function refreshQueue() {
  const list = document.getElementById('queue-list');
  const hint = document.getElementById('queue-hint');
  try {
    const [all, clock] = await Promise.all([api.queue(), api.clock()]);
    setServerNow(clock.now);
    // The server gives what this person may see: qualifiers the whole qualification queue (a
    // colleague's claimed task shows whose it is), reps their own and the team's unowned leads.
    const tasks = all;
    queued = new Map(tasks.map((task) => [String(task.id), task]));
    for (const id of [...selected]) if (!queued.has(id)) selected.delete(id);
    list.replaceChildren(
      ...tasks.map((task) =>
        el('li', { class: `task ${task.overdue ? 'overdue' : ''} ${isManager() ? 'selectable' : ''}` },
          // Managers pick several tasks to hand over at once (a rep who leaves, someone ill).
          isManager() ? el('input', {
            type: 'checkbox',
            class: 'pick',
            'data-testid': 'select-task',
            'data-lead': task.leadId,
            'aria-label': t('inbox.bulk.pick', { lead: task.leadName || t('inbox.unknownLead') }),
            checked: selected.has(String(task.id)) ? 'checked' : null,
            onchange: (event) => {
              if (event.target.checked) selected.add(String(task.id));
              else selected.delete(String(task.id));
              renderBulk();
            },
          }) : null,
          el('a', { href: `#/tasks/${task.id}`, 'data-testid': 'queue-item', 'data-lead': task.leadId },
            el('span', { class: `temperature t-${(task.temperature || 'unknown').toLowerCase()}`, 'data-code': task.temperature || '' }, code('temperature', task.temperature)),
            el('strong', {}, task.leadName || t('inbox.unknownLead')),
            el('span', { class: 'company' }, task.company || ''),
            el('span', { class: 'what' }, taskName(task)),
            el('span', { class: 'due' }, relative(task.dueAt),
              task.slaMissed ? el('span', { class: 'missed', 'data-testid': 'sla-missed' }, ` · ${t('inbox.slaMissedBefore', { count: task.slaMissed })}`) : null),
            el('span', { class: 'assignee' }, task.assignee ? t('inbox.assignedTo', { name: nameOf(task.assignee) }) : t('inbox.inTeamQueue'))))));
    document.getElementById('queue-count').textContent = `(${tasks.length})`;
    renderBulk();
    taskLeft(tasks);
    refreshLeadTasks();
    hint.textContent = tasks.length ? '' : t('inbox.queueEmpty');
  } catch (error) {
    hint.textContent = t('inbox.queueFailed', { error: error.message });
  }
}

/**
 * The open task has left the queue (rerouted, handed over, ended): the page says so at once, with
 * the server's sentence of why, and offers no completion of it.
 */
async function taskLeft(tasks) {
  const shown = openTask;
  if (!shown || !location.hash.startsWith(`#/tasks/${shown.id}`) || shown.left) return;
  if (tasks.some((task) => String(task.id) === String(shown.id))) return;
  shown.left = true;
  let why = t('inbox.taskLeft');
  try {
    const { task } = await api.task(shown.id);
    if (task.state === 'OPEN' && (!task.assignee || task.assignee === identity.user)) {
      shown.left = false;
      return;
    }
    // Where the lead's task is now, if this person may see it (a colleague's, the team queue).
    const now = task.state === 'OPEN' ? task
      : (await api.tasksOfLead(task.leadId).catch(() => [])).find((other) => other.processId === task.processId);
    if (now?.assignee && now.assignee !== identity.user) {
      why = `${t('inbox.taskLeft')} ${t('inbox.nowWith', { name: nameOf(now.assignee) })}`;
    } else if (now) {
      why = `${t('inbox.taskLeft')} ${t('inbox.nowInQueue')}`;
    }
  } catch (error) {
    if (error instanceof ApiError && error.problem?.detail) why = error.problem.detail;
  }
  if (openTask !== shown) return;
  shown.submit.disabled = true;
  shown.feedback.replaceChildren(message('info', why));
}

// The tasks a manager picked in the queue, by id, and the queue as last read.
const selected = new Set();
let queued = new Map();
let bulkKey = '';

/** The bar for handing the picked tasks over at once: to a person of their role, or the queue. */
function renderBulk() {
  const bar = document.getElementById('bulk');
  if (!bar) return;
  if (!isManager() || !selected.size) {
    if (!bar.querySelector('[data-testid=bulk-result]')) bar.hidden = true;
    return;
  }
  const picked = [...selected].map((id) => queued.get(id)).filter(Boolean);
  // The queue's refresh redraws the list every few seconds: the bar only when the pick changed,
  // so that what the manager is typing stays.
  const key = picked.map((task) => task.id).sort().join(',');
  if (key === bulkKey && !bar.hidden) return;
  bulkKey = key;
  const roles = new Set(picked.map((task) => (task.processId === 'sales-handoff' ? 'SALES_REP' : 'QUALIFIER')));
  // Tasks of one role may go to a person of it; a mix only to the team queues.
  const people = roles.size === 1
    ? [...roster.values()].filter((rep) => rep.active && rep.role === [...roles][0])
    : [];
  const to = el('select', { id: 'bulk-to', 'data-testid': 'bulk-to' },
    el('option', { value: '' }, t('inbox.teamQueue')),
    ...people.map((rep) => el('option', { value: rep.id }, personChoice(rep))));
  const reason = el('input', { id: 'bulk-reason', 'data-testid': 'bulk-reason', type: 'text', maxlength: 500, placeholder: t('inbox.handOverReasonHint') });
  const feedback = el('div');
  const button = el('button', {
    type: 'button',
    class: 'primary',
    'data-testid': 'bulk-hand-over',
    onclick: async () => {
      button.disabled = true;
      try {
        const outcomes = await api.handOverMany({ taskIds: picked.map((task) => task.id), to: to.value || null, reason: reason.value });
        const done = outcomes.filter((o) => o.handedOver).length;
        const refused = outcomes.filter((o) => !o.handedOver).map((o) => `${queued.get(String(o.taskId))?.leadName || o.taskId}: ${o.why}`);
        selected.clear();
        bulkKey = '';
        bar.replaceChildren(el('div', { 'data-testid': 'bulk-result' },
          message(refused.length ? 'info' : 'ok', t('inbox.bulk.done', { count: outcomes.length, done }), refused)));
        refreshQueue();
      } catch (error) {
        button.disabled = false;
        feedback.replaceChildren(message('error', error.message, problemItems(error)));
      }
    },
  }, t('inbox.bulk.handOver', { count: picked.length }));
  bar.replaceChildren(
    el('p', { class: 'hint' }, t('inbox.bulk.selected', { count: picked.length })),
    el('div', { class: 'row' },
      el('label', { for: 'bulk-to' }, t('inbox.handOverTo')), to,
      el('label', { for: 'bulk-reason' }, t('inbox.handOverWhy')), reason,
      button),
    feedback);
  bar.hidden = false;
}

function scorePanel(kind, score) {
  const title = code('score', kind);
  if (!score) return el('section', { class: 'score' }, el('h4', {}, title), el('p', {}, t('inbox.notScored')));
  return el('section', { class: 'score' },
    el('h4', {}, t('inbox.scoreTitle', { title, count: score.points, result: code('scoreResult', score.result) })),
    el('ul', {}, score.explanation.map((line) => el('li', { 'data-testid': 'score-line' }, `${line.points >= 0 ? '+' : ''}${line.points} ${scoreLineWords(line)}`))),
    el('p', { class: 'criteria' }, t('inbox.criteria', { version: score.criteriaVersion })));
}

function leadPanel(lead) {
  return el('aside', { class: 'lead', 'data-testid': 'lead-panel' },
    el('h3', {}, fullName(lead)),
    el('p', {}, [lead.title, lead.company].filter(Boolean).join(', ')),
    el('dl', {},
      el('dt', {}, t('inbox.phone')), el('dd', {}, lead.phone ? el('a', { href: `tel:${lead.phone}` }, lead.phone) : '–'),
      el('dt', {}, t('inbox.email')), el('dd', {}, el('a', { href: `mailto:${lead.email}` }, lead.email)),
      el('dt', {}, t('inbox.stage')), el('dd', { 'data-testid': 'lead-stage', 'data-code': lead.stage }, code('stage', lead.stage)),
      el('dt', {}, t('inbox.owner')), el('dd', { 'data-testid': 'lead-owner' }, lead.owner ? nameOf(lead.owner) : '–'),
      el('dt', {}, t('inbox.temperature')), el('dd', {}, code('temperature', lead.temperature)),
      el('dt', {}, t('inbox.source')), el('dd', {}, `${nameWords('source', lead.source)} (${code('sourceCategory', lead.sourceCategory)})`)),
    scorePanel('FIT', lead.fit),
    scorePanel('ENGAGEMENT', lead.engagement));
}

async function showTask(id) {
  detail.replaceChildren(el('p', {}, t('common.loading')));
  let task;
  try {
    task = await api.task(id);
  } catch (error) {
    detail.replaceChildren(message('error', error.message));
    return;
  }
  const summary = task.task;
  if (summary.state && summary.state !== 'OPEN') {
    // Done or gone (an old link, another tab): said so, not offered as work.
    detail.replaceChildren(
      message('info', summary.state === 'COMPLETED'
        ? t('inbox.taskDone', { task: taskName(summary), name: summary.assignee ? nameOf(summary.assignee) : t('inbox.someone') })
        : t('inbox.taskGone', { task: taskName(summary) })),
      el('p', {},
        summary.leadId ? el('a', { href: `#/leads/${summary.leadId}` }, t('inbox.openLead')) : '',
        summary.leadId ? ' · ' : '',
        el('a', { href: '#/' }, t('inbox.backToQueue'))));
    return;
  }
  const lead = summary.leadId ? await api.lead(summary.leadId).catch(() => null) : null;
  const feedback = el('div', { class: 'feedback' });
  const formContainer = el('div', { class: 'form', 'data-testid': 'task-form' });
  const mine = summary.assignee && summary.assignee === identity.user;
  // A colleague's claimed task is shown to read, not to work: only its owner completes it.
  const colleagues = Boolean(summary.assignee) && !mine && !isManager();
  const claim = el('button', {
    type: 'button',
    'data-testid': mine ? 'unclaim' : 'claim',
    onclick: async () => {
      try {
        await (mine ? api.unclaim(id) : api.claim(id));
        refreshQueue();
        if (mine && summary.leadId) {
          // Given back: the task goes to the team queue (a routed one through its process).
          detail.replaceChildren(
            message('ok', t('inbox.givenBack', { task: taskName(summary), lead: summary.leadName || t('inbox.theLead') })),
            el('p', {}, el('a', { href: `#/leads/${summary.leadId}` }, t('inbox.openLead')), ' · ', el('a', { href: '#/' }, t('inbox.backToQueue'))));
        } else {
          showTask(id);
        }
      } catch (error) {
        feedback.replaceChildren(message('error', error.message, problemItems(error)));
      }
    },
  }, mine ? t('inbox.giveBack') : t('inbox.claim'));
  const submit = el('button', { type: 'button', class: 'primary', 'data-testid': 'complete', onclick: () => currentForm.submit() }, t('inbox.complete'));
  const handOver = isManager() ? handOverPanel(summary, feedback) : null;
  detail.replaceChildren(...[
    el('div', { class: 'task-head' },
      el('h2', {}, taskName(summary)),
      el('p', { class: 'meta' },
        `${relative(summary.dueAt)} · ${t('inbox.priority', { priority: summary.priority })} · `,
        summary.slaMissed ? `${t('inbox.slaMissedRerouted', { count: summary.slaMissed })} · ` : '',
        summary.assignee ? t('inbox.assignedTo', { name: nameOf(summary.assignee) }) : t('inbox.inTeamQueue'), ' ',
        // A colleague's task is theirs: a manager hands it over instead of claiming it.
        !summary.assignee || mine ? claim : null)),
    handOver,
    colleagues ? message('info', t('inbox.colleaguesTask', { name: nameOf(summary.assignee) })) : null,
    el('div', { class: 'task-body' }, formContainer, lead ? leadPanel(lead) : null),
    feedback,
    el('div', { class: 'actions' }, colleagues ? null : submit, el('a', { href: '#/' }, t('inbox.backToQueue'))),
  ].filter(Boolean));

  if (currentForm) currentForm.destroy();
  openTask = { id, feedback, submit };
  showOnPhone();
  currentForm = new Form({
    container: formContainer,
    additionalModules: [formTranslation],
    properties: { readOnly: colleagues },
  });
  await currentForm.importSchema(localisedForm(task.form), task.data);
  translateSelectPlaceholders(formContainer);
  readNumbersAsWritten(formContainer, language());
  readDatesAsShown(formContainer);
  currentForm.on('submit', async (event) => {
    // The follow-ups a rejection needs: the server would refuse it with the same sentence.
    const missing = followUpsMissing(task, event.data).map((value) => optionLabel(task.form, 'followUpsDone', value));
    if (Object.keys(event.errors).length || missing.length) {
      feedback.replaceChildren(message('error', t('inbox.fieldsNeedAttention'),
        missing.length ? [explain('FOLLOW_UPS_MISSING', { missing })] : []));
      return;
    }
    try {
      await api.complete(id, fieldsOf(task.form, event.data));
      // What was decided, not only that the task is done: after a rejection "Accept lead … is
      // completed" read as if the lead had been accepted.
      const decision = event.data.salesDecision || event.data.qualificationOutcome;
      const done = { task: taskName(summary), lead: summary.leadName || t('inbox.theLead') };
      detail.replaceChildren(message('ok', decision
        ? t('inbox.decided', { ...done, decision: code('outcome', decision) })
        : t('inbox.completed', done)));
      refreshQueue();
    } catch (error) {
      if (error instanceof ApiError) {
        // The server's sentence says why (claimed by someone else, rerouted, already done).
        const title = error.problem?.title || error.message;
        const detail = error.problem?.detail;
        const items = problemItems(error);
        const text = items.length || !detail || detail === title ? title : `${title}: ${detail}`;
        feedback.replaceChildren(message('error', text, items));
        // A task that has gone (404) or moved to someone else (409) leaves the queue at once.
        if (error.status === 404 || error.status === 409) refreshQueue();
      } else {
        feedback.replaceChildren(message('error', error.message));
      }
    }
  });
}

/** The follow-ups a rejection still needs ticked, by the rule the server sends with the task. */
function followUpsMissing(task, data) {
  const needed = task.rules?.followUpsBeforeReject || [];
  if (data.salesDecision !== 'REJECT' || !needed.length) return [];
  const done = new Set(data.followUpsDone || []);
  return needed.filter((value) => !done.has(value));
}

/** On a phone the queue stands above the page: what was opened (a task, a lead, my leads) shows. */
function showOnPhone() {
  if (window.matchMedia('(max-width: 56rem)').matches) detail.scrollIntoView({ block: 'start' });
}

function isManager() {
  return identity.roles.includes('SALES_MANAGER') || identity.roles.includes('ADMIN');
}

/** A manager gives the task to someone of its role, takes it over, or returns it to the queue. */
function handOverPanel(summary, feedback) {
  const role = summary.processId === 'sales-handoff' ? 'SALES_REP' : 'QUALIFIER';
  const people = [...roster.values()].filter((rep) => rep.active && rep.role === role && rep.id !== summary.assignee);
  const me = roster.get(identity.user);
  const options = [
    ...people.map((rep) => el('option', { value: rep.id }, personChoice(rep))),
    me && me.id !== summary.assignee ? el('option', { value: me.id }, t('inbox.takeOver', { name: me.name })) : null,
    summary.assignee ? el('option', { value: '' }, t('inbox.teamQueue')) : null,
  ].filter(Boolean);
  const to = el('select', { id: 'hand-over-to', 'data-testid': 'hand-over-to' }, options);
  const reason = el('input', { id: 'hand-over-reason', 'data-testid': 'hand-over-reason', type: 'text', maxlength: 500, placeholder: t('inbox.handOverReasonHint') });
  const button = el('button', {
    type: 'button',
    'data-testid': 'hand-over',
    onclick: async () => {
      button.disabled = true;
      try {
        const done = await api.handOver(summary.id, { to: to.value || null, reason: reason.value });
        const from = summary.assignee && summary.assignee !== done.to ? nameOf(summary.assignee) : null;
        const args = { task: taskName(summary), lead: summary.leadName || t('inbox.theLead'), name: done.toName, from };
        const said = !done.toName ? t('inbox.handedOverToQueue', args)
          : from && summary.assignee !== identity.user ? t('inbox.handedOverFrom', args) : t('inbox.handedOverTo', args);
        detail.replaceChildren(message('ok', said),
          el('p', {}, el('a', { href: `#/leads/${summary.leadId}` }, t('inbox.openLead')), ' · ', el('a', { href: '#/' }, t('inbox.backToQueue'))));
        refreshQueue();
      } catch (error) {
        button.disabled = false;
        feedback.replaceChildren(message('error', error.message, problemItems(error)));
        if (error.status === 404 || error.status === 409) refreshQueue();
      }
    },
  }, t('inbox.handOver'));
  if (!options.length) return null;
  return el('section', { class: 'hand-over', 'aria-label': t('inbox.handOver'), 'data-testid': 'hand-over-panel' },
    el('h3', {}, t('inbox.handOver')),
    el('div', { class: 'row' },
      el('label', { for: 'hand-over-to' }, t('inbox.handOverTo')), to,
      el('label', { for: 'hand-over-reason' }, t('inbox.handOverWhy')), reason,
      button));
}

/** A person to hand a task to: who is away or off now says so, the others their open leads. */
function personChoice(rep) {
  const availability = availabilityOf.get(rep.id);
  if (availability && availability.code !== 'AVAILABLE' && availability.code !== 'BUSY') {
    return t('inbox.personAway', { name: rep.name, status: availabilityWords(availability) });
  }
  return openLeads.has(rep.id) ? t('inbox.personOpen', { name: rep.name, count: openLeads.get(rep.id) }) : rep.name;
}

/**
 * A qualifier's or rep's own availability above the queue: whether they get new leads and why
 * not, "I'm away" (optionally until a time) and "I'm back".
 */
async function showAvailability() {
  const box = document.getElementById('availability');
  if (!identity.roles.some((r) => r === 'QUALIFIER' || r === 'SALES_REP')) return;
  try {
    renderAvailability(box, await api.availability());
  } catch (error) {
    // Not on the roster (an admin with a work role): nothing to set.
    box.hidden = true;
  }
}

function renderAvailability(box, mine) {
  const { availability } = mine;
  const away = availability.code === 'OUT_OF_OFFICE';
  const status = availabilityWords(availability);
  const feedback = el('div', { 'data-testid': 'availability-feedback' });
  const save = async (body, button) => {
    button.disabled = true;
    try {
      renderAvailability(box, await api.setAvailability(body));
    } catch (error) {
      button.disabled = false;
      // The back-at time is the one thing a person can get wrong here: say it in their words.
      const backAt = (error?.problem?.errors || []).some((e) => e.field === 'backAt');
      feedback.replaceChildren(backAt
        ? message('error', t('inbox.availability.backAtInvalid'))
        : message('error', error.message, problemItems(error)));
    }
  };
  const actions = el('div', { class: 'row' });
  const goAway = () => {
    const backAt = el('input', { type: 'datetime-local', id: 'back-at', 'data-testid': 'back-at' });
    const confirm = el('button', {
      type: 'button',
      class: 'primary',
      'data-testid': 'confirm-away',
      onclick: () => save({ away: true, backAt: backAt.value ? new Date(backAt.value).toISOString() : null }, confirm),
    }, t('inbox.availability.confirmAway'));
    actions.replaceChildren(
      el('label', { for: 'back-at' }, t('inbox.availability.backAt')), backAt, confirm,
      el('button', { type: 'button', class: 'link', onclick: () => renderAvailability(box, mine) }, t('inbox.availability.cancel')));
    backAt.focus();
  };
  if (away) {
    const back = el('button', { type: 'button', 'data-testid': 'back', onclick: () => save({ away: false }, back) }, t('inbox.availability.back'));
    actions.append(back);
  } else {
    actions.append(el('button', { type: 'button', 'data-testid': 'go-away', onclick: goAway }, t('inbox.availability.goAway')));
  }
  box.replaceChildren(
    el('h3', {}, t('inbox.availability.label')),
    el('p', { 'data-testid': 'availability-status', 'data-code': availability.code },
      away ? t('inbox.availability.away', { status })
        : availability.code === 'AVAILABLE' ? t('inbox.availability.available')
          : t('inbox.availability.notNow', { why: status })),
    ...(away && mine.openLeads ? [el('p', { class: 'hint' }, t('inbox.availability.holding', { count: mine.openLeads }))] : []),
    actions,
    feedback);
  box.classList.toggle('away', away);
  box.hidden = false;
}

/** Only the form's own input fields go back; the task's other variables are context. */
function fieldsOf(schema, data) {
  const keys = new Set();
  const walk = (components) => components.forEach((c) => {
    if (c.key && c.type !== 'text') keys.add(c.key);
    if (c.components) walk(c.components);
  });
  walk(schema.components || []);
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => keys.has(key) && value !== undefined && value !== null && value !== ''));
}

/** The lead's open tasks, with whom each is and when due; the queue's refresh keeps it current. */
function leadTasks(leadId, open) {
  return el('p', { 'data-testid': 'lead-tasks', 'data-lead': leadId },
    ...(open.length
      ? open.map((task) => el('a', { href: `#/tasks/${task.id}`, 'data-testid': 'lead-task' },
        t('inbox.openItsTask', { task: taskName(task), who: task.assignee ? nameOf(task.assignee) : t('inbox.teamQueue'), due: relative(task.dueAt) })))
      : [t('inbox.noOpenTask')]));
}

/** A lead's page shows its open tasks as they are now (a hand-over or reroute makes a new one). */
async function refreshLeadTasks() {
  const shown = document.querySelector('[data-testid=lead-tasks]');
  if (!shown) return;
  const leadId = shown.dataset.lead;
  const open = await api.tasksOfLead(leadId).catch(() => null);
  // A mail's task link opened before the task reached the inbox: go to it once it is there.
  if (open?.length && location.hash === `#/leads/${leadId}/task`) {
    location.replace(`#/tasks/${open[0].id}`);
    return;
  }
  const now = document.querySelector('[data-testid=lead-tasks]');
  if (open && now && now.dataset.lead === leadId) now.replaceWith(leadTasks(leadId, open));
}

async function showLead(id) {
  detail.replaceChildren(el('p', {}, t('common.loading')));
  showOnPhone();
  try {
    // Asked first: a mail's link to a lead that moved on to someone else gets a sentence, and the
    // page does not ask for what it would be refused.
    if (!(await api.mayOpen(id)).open) {
      detail.replaceChildren(message('error', t('inbox.leadNotYours')));
      return false;
    }
    const [lead, routing, open] = await Promise.all([api.lead(id), api.routing(id), api.tasksOfLead(id).catch(() => [])]);
    detail.replaceChildren(
      el('h2', {}, fullName(lead)),
      leadTasks(id, open),
      leadPanel(lead),
      el('h3', {}, t('inbox.history')),
      el('ol', { class: 'history', 'data-testid': 'history' },
        [
          ...lead.history.map((change) => [change.changedAt,
            el('li', { 'data-from': change.fromStage || '', 'data-to': change.toStage },
              `${dateTime(change.changedAt)} · ${change.fromStage ? code('stage', change.fromStage) : t('stage.new')} → ${code('stage', change.toStage)}`,
              change.reason ? ` · ${change.reasonCode ? explain(change.reasonCode, change.reasonFacts, change.reason) : reasonWords(change.reason)}` : '', ` · ${nameOf(change.changedBy)}`)]),
          ...(lead.activities || []).map((a) => [a.occurredAt, activityItem(a)]),
        ].sort(([x], [y]) => Date.parse(x) - Date.parse(y)).map(([, item]) => item)),
      el('h3', {}, t('inbox.routing')),
      el('ol', { class: 'history', 'data-testid': 'routing' },
        routing.map((decision) =>
          el('li', {}, `${dateTime(decision.decidedAt)} · ${code('role', decision.role)}: `,
            decision.chosenRep ? t('inbox.assignedTo', { name: nameOf(decision.chosenRep) }) : code('outcome', decision.outcome), ` · ${explain(decision.reasonCode, decision.reasonFacts, decision.reason)}`,
            el('ul', {}, (decision.candidates || []).map((c) => el('li', {}, `${nameOf(c.repId)}: ${verdictWords(c)}`)))))));
    return true;
  } catch (error) {
    // A lead that is no longer the reader's (or never was): a sentence, not the server's refusal.
    detail.replaceChildren(message('error',
      error.status === 403 ? t('inbox.leadNotYours') : error.status === 404 ? t('inbox.leadUnknown') : error.message));
    return false;
  }
}

/** A decision, reroute, escalation or hand-over on the lead's tasks, with its reason. */
function activityItem(a) {
  const why = a.reasonCode ? explain(a.reasonCode, a.reasonFacts, a.reason) : a.reason ? reasonWords(a.reason) : '';
  const summary = t(`activity.${a.kind}`, {
    role: a.role ? code('timeline.role', a.role) : '',
    who: nameOf(a.actor),
    code: code(a.kind === 'DECISION' ? 'outcome' : 'reason', a.code),
    detail: why,
  });
  return el('li', { 'data-activity': a.kind, 'data-code': a.code || '' },
    `${dateTime(a.occurredAt)} · ${summary}`, why && a.kind !== 'HAND_OVER' ? ` · ${why}` : '');
}

/** A mail's link to the lead's task: the task's id is found now (it may have changed since). */
async function showLeadTask(id) {
  // Asked first, as the lead's page does: a link to a lead now someone else's asks for nothing.
  const mayOpen = await api.mayOpen(id).then((access) => access.open, () => false);
  const open = mayOpen ? await api.tasksOfLead(id).catch(() => []) : [];
  if (open.length) location.replace(`#/tasks/${open[0].id}`);
  else if (await showLead(id)) detail.prepend(message('info', t('inbox.taskMovedOn')));
  else detail.replaceChildren(message('info', t('inbox.taskMovedOnNotYours')));
}

function route() {
  const [, kind, id, sub] = location.hash.split('/');
  const mineLink = document.getElementById('mine-link');
  if (kind === 'mine') mineLink.setAttribute('aria-current', 'page');
  else mineLink.removeAttribute('aria-current');
  if (kind === 'tasks' && id) showTask(id);
  else if (kind === 'leads' && id && sub === 'task') showLeadTask(id);
  else if (kind === 'leads' && id) showLead(id);
  else if (kind === 'mine') showMine();
  else detail.replaceChildren(el('p', { class: 'hint' }, t('inbox.chooseTask')));
}

/** Who did it, as a person reads it: a name from the roster, a model, a part of the system. */
function nameOf(id) {
  if (!id) return t('timeline.by.unknown');
  if (roster.has(id)) return roster.get(id).name;
  const slash = id.indexOf('/');
  if (slash > 0) return t('timeline.byModel', { model: code('process', id.slice(0, slash)) });
  const key = `timeline.by.${id.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return t(key) === key ? id : t(key);
}

/** Why routing skipped or chose someone, in the reader's words (older log entries: as stored). */
function verdictWords(candidate) {
  const key = `routing.verdict.${candidate.code}`;
  if (!candidate.code || t(key) === key) return candidate.verdict;
  return sentence(key, candidate.facts);
}

/** A reason as a person reads it: a code in words, a note as its writer wrote it. */
function reasonWords(reason) {
  if (!reason) return '';
  return /^[A-Z][A-Z_]+$/.test(reason) ? code('reason', reason) : reason;
}

/**
 * The signed-in person's own leads: what they qualified, accepted, rejected or sent back and why,
 * where each lead is now, and whether it is still theirs.
 */
async function showMine() {
  detail.replaceChildren(el('p', {}, t('common.loading')));
  showOnPhone();
  try {
    const mine = await api.decisions();
    const rows = mine.map((d) =>
      el('li', { class: 'mine-item', 'data-testid': 'mine-item', 'data-lead': d.leadId },
        // Only a lead that is still theirs opens: the others' contact data is no longer theirs to read.
        d.owner === identity.user
          ? el('a', { href: `#/leads/${d.leadId}`, class: 'mine-lead' }, d.leadName || t('inbox.unknownLead'))
          : el('strong', { class: 'mine-lead' }, d.leadName || t('inbox.unknownLead')),
        d.company ? el('span', { class: 'company' }, ` · ${d.company}`) : '',
        el('div', { class: 'mine-decision' },
          t('inbox.mineDecided', { decision: code('outcome', d.decision), when: dateTime(d.decidedAt) }),
          d.reason ? el('span', { class: 'why' }, ` · ${d.reasonCode ? explain(d.reasonCode, d.reasonFacts, d.reason) : reasonWords(d.reason)}`) : ''),
        el('div', { class: 'mine-now' },
          t('inbox.mineNow', { stage: code('stage', d.stage) }),
          ' · ',
          d.owner === identity.user ? el('strong', {}, t('inbox.mineYours')) : d.owner ? t('inbox.mineOwner', { name: nameOf(d.owner) }) : t('inbox.mineNobody'))));
    const opportunities = mine.filter((d) => d.stage === 'OPPORTUNITY' && d.owner === identity.user).length;
    detail.replaceChildren(
      el('h2', {}, t('inbox.mine')),
      el('p', { class: 'hint', 'data-testid': 'mine-summary' },
        mine.length
          ? [t('inbox.mineSummary', { count: mine.length }),
            // Qualifiers hand leads on; opportunities are a rep's.
            identity.roles.includes('SALES_REP') ? t('inbox.mineOpportunities', { count: opportunities }) : '']
            .filter(Boolean).join(' ')
          : t('inbox.mineEmpty')),
      el('ol', { class: 'mine', 'data-testid': 'mine' }, rows));
  } catch (error) {
    detail.replaceChildren(message('error', error.message));
  }
}

/** The task's name as the model gives it, in the reader's language where the catalogue has it. */
function taskName(task) {
  const key = `task.name.${task.processId}`;
  const text = t(key);
  return text === key ? task.name : text;
}

window.addEventListener('hashchange', route);
initI18n()
  .then(() => {
    localiseDatePicker(language());
    document.querySelector('.identity').prepend(languageMenu());
    return loadIdentity().then(showAvailability);
  })
  .catch((error) => {
    document.getElementById('queue-hint').textContent = t('inbox.identityFailed', { error: error.message });
  })
  .finally(() => {
    route();
    refreshQueue();
    setInterval(refreshQueue, 5000);
  });

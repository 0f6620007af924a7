import { language } from './i18n.js';
// Calls to the application's API. Errors carry the server's problem (RFC 9457) so the page can
// show its sentences.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `The server answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The CSRF token the server put in the XSRF-TOKEN cookie; changes go back with it. */
/** The roles that work tasks in the inbox (the server refuses it to the others). */
export const WORK_ROLES = ['QUALIFIER', 'SALES_REP', 'SALES_MANAGER', 'ADMIN'];

export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

// Set when the person signs out: the sign-out answers with its own page, and a refresh that was
// under way when the session ended must not send the browser to the sign-in page instead.
let signingOut = false;

export function signOutStarted() {
  signingOut = true;
}

async function call(method, path, body) {
  const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  // The server's sentences (a refused field, a task that has gone) in the page's language.
  headers['Accept-Language'] = language();
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    // The session ended: sign in again and come back here.
    if (!signingOut) location.assign('/login');
    throw new ApiError(401, { detail: 'Your session has ended; sign in again.' });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export const api = {
  me: () => call('GET', '/api/me'),
  queue: () => call('GET', '/api/tasks?limit=200'),
  task: (id) => call('GET', `/api/tasks/${id}`),
  claim: (id) => call('POST', `/api/tasks/${id}/claim`),
  unclaim: (id) => call('POST', `/api/tasks/${id}/unclaim`),
  handOver: (id, body) => call('POST', `/api/tasks/${id}/hand-over`, body),
  handOverMany: (body) => call('POST', '/api/tasks/hand-over', body),
  tasksOfLead: (leadId) => call('GET', `/api/tasks?leadId=${encodeURIComponent(leadId)}`),
  complete: (id, fields) => call('POST', `/api/tasks/${id}/complete`, fields),
  lead: (id) => call('GET', `/api/leads/${id}`),
  mayOpen: (id) => call('GET', `/api/me/leads/${encodeURIComponent(id)}`),
  clock: () => call('GET', '/api/engine/clock'),
  reps: () => call('GET', '/api/reps'),
  availability: () => call('GET', '/api/me/availability'),
  setAvailability: (body) => call('PUT', '/api/me/availability', body),
  routing: (leadId) => call('GET', `/api/leads/${leadId}/routing`),
  decisions: () => call('GET', '/api/tasks/decisions?limit=200'),
};

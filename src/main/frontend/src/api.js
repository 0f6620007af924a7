// Calls to the application's API. Errors carry the server's problem (RFC 9457) so the page can
// show its sentences.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `The server answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export const api = {
  queue: (group) => call('GET', `/api/tasks?candidateGroup=${encodeURIComponent(group)}&limit=200`),
  task: (id) => call('GET', `/api/tasks/${id}`),
  claim: (id, user) => call('POST', `/api/tasks/${id}/claim`, { user }),
  unclaim: (id, user) => call('POST', `/api/tasks/${id}/unclaim`, { user }),
  complete: (id, user, fields) => call('POST', `/api/tasks/${id}/complete?user=${encodeURIComponent(user)}`, fields),
  lead: (id) => call('GET', `/api/leads/${id}`),
  clock: () => call('GET', '/api/engine/clock'),
  reps: () => call('GET', '/api/reps'),
  routing: (leadId) => call('GET', `/api/leads/${leadId}/routing`),
};

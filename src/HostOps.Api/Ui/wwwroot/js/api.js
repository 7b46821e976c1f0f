import { token } from './session.js';

// Every data call: same origin, bearer token from the session, the API's {error, details, code} turned into an Error.
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.details ? `${body.error ?? status}: ${body.details}` : (body?.error ?? `HTTP ${status}`));
    this.status = status;
    this.body = body;
  }
}

export async function call(method, path, { body, signal, allowError = false } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, credentials: 'omit' });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { error: text }; }
  if (response.status === 401) window.dispatchEvent(new CustomEvent('hostops:unauthorized'));
  if (!response.ok && !allowError) throw new ApiError(response.status, parsed);
  return allowError ? { status: response.status, body: parsed } : parsed;
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, body, options) => call('POST', path, { ...options, body });
export const del = (path, options) => call('DELETE', path, options);

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

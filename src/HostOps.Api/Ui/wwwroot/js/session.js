// The bearer token lives in sessionStorage only (one tab, gone when it closes); never in a cookie, so no other
// site can make the browser send it. Its payload is decoded here only to hide what the token may not do: the API
// checks the signature and refuses anyway.
const KEY = 'hostops.token';
const ROLE_SCOPES = { admin: ['read', 'write', 'admin'], write: ['read', 'write'], read: ['read'] };

// `hostops ui` prints /ui/#token=…: the fragment never reaches the server; move it to storage and off the address bar.
export function adoptTokenFromFragment() {
  const match = location.hash.match(/^#token=([^&]+)/);
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}#/overview`);
}

export const token = () => sessionStorage.getItem(KEY);

export function signIn(value) {
  const claims = decode(value.trim());
  if (!claims) throw new Error('That is not a JWT (three base64url parts separated by dots).');
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('That token has expired.');
  sessionStorage.setItem(KEY, value.trim());
}

export const signOut = () => sessionStorage.removeItem(KEY);

export function claims() {
  const value = token();
  return value ? decode(value) : null;
}

export function scopes() {
  const c = claims();
  if (!c) return new Set();
  if (Array.isArray(c.scopes)) return new Set(c.scopes);
  return new Set((c.roles ?? []).flatMap((role) => ROLE_SCOPES[role] ?? []));
}

export const can = (scope) => scopes().has(scope);

function decode(jwt) {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const text = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    return JSON.parse(text);
  } catch {
    return null;
  }
}

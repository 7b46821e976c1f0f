import { h, replace } from './dom.js';
import { adoptTokenFromFragment, can, claims, signOut, token } from './session.js';
import * as overview from './pages/overview.js';
import * as jobs from './pages/jobs.js';
import * as job from './pages/job.js';
import * as deadLetters from './pages/dead-letters.js';
import * as agents from './pages/agents.js';
import * as run from './pages/run.js';
import * as audit from './pages/audit.js';
import * as signIn from './pages/sign-in.js';

// Hash routes: #/page or #/page/argument. Each page's render(main, argument) may return a function that stops
// what it started (an event stream, a timer) when the operator leaves the page.
const pages = [
  { path: 'overview', title: 'Overview', page: overview },
  { path: 'jobs', title: 'Jobs', page: jobs },
  { path: 'dead-letters', title: 'Dead letters', page: deadLetters },
  { path: 'agents', title: 'Agents', page: agents },
  { path: 'run', title: 'Run', page: run },
  { path: 'audit', title: 'Audit', page: audit, scope: 'admin' },
];

const main = document.getElementById('main');
let stop = null;

function route() {
  if (stop) { stop(); stop = null; }
  const [route, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [path, argument] = route.split('/');
  const params = new URLSearchParams(search);
  if (!token()) {
    renderChrome(null);
    stop = signIn.render(main, () => { location.hash = '#/overview'; route(); });
    return;
  }
  const entry = pages.find((p) => p.path === path && (!p.scope || can(p.scope)));
  if (path === 'jobs' && argument) {
    renderChrome('jobs');
    stop = job.render(main, decodeURIComponent(argument));
    return;
  }
  if (!entry) {
    location.replace('#/overview');
    return;
  }
  renderChrome(entry.path);
  document.title = `${entry.title} · HostOps`;
  stop = entry.page.render(main, params) ?? null;
}

function renderChrome(active) {
  const nav = document.getElementById('nav');
  const signOutButton = document.getElementById('sign-out');
  const who = document.getElementById('who');
  if (active === null) {
    replace(nav);
    replace(who);
    signOutButton.hidden = true;
    return;
  }
  replace(nav, pages.filter((p) => !p.scope || can(p.scope))
    .map((p) => h('a', { href: `#/${p.path}`, class: p.path === active ? 'active' : null, id: `nav-${p.path}` }, p.title)));
  const c = claims() ?? {};
  replace(who, `${c.sub ?? 'token'} · ${(c.scopes ?? c.roles ?? []).join(', ')}`);
  signOutButton.hidden = false;
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  location.hash = '#/sign-in';
  route();
});
window.addEventListener('hostops:unauthorized', () => {
  signOut();
  route();
});
// A #token= URL opened in a tab that already shows the dashboard changes only the fragment: adopt it there too.
window.addEventListener('hashchange', () => {
  adoptTokenFromFragment();
  route();
});
adoptTokenFromFragment();
route();

import { get, post } from '../api.js';
import { errorBox, h, replace, status, table, time } from '../dom.js';
import { can } from '../session.js';

// Enrolled agents with their state and labels; an admin accepts or rejects pending ones and drains or undrains.
export function render(main) {
  const pending = h('div', { id: 'pending-agents' });
  const list = h('div', { id: 'agents' }, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div');
  replace(main, h('h1', {}, 'Agents'), message, h('h2', {}, 'Pending enrollments'), pending, h('h2', {}, 'Enrolled'), list);

  const button = (hostname, action, label, cls) =>
    h('button', { class: cls ?? 'secondary', 'data-action': action, onclick: () => act(hostname, action) }, label);

  async function load() {
    try {
      const [all, waiting] = await Promise.all([get('/agent'), get('/agent/pending')]);
      const admin = can('admin');
      replace(pending, table(['Hostname', 'Labels', 'Enrolled', admin ? '' : null].filter((x) => x !== null), (waiting.agents ?? []).map((a) =>
        h('tr', { 'data-agent': a.hostname }, h('td', {}, a.hostname), h('td', {}, labels(a)), h('td', {}, time(a.enrolled_at)),
          admin ? h('td', {}, button(a.hostname, 'accept', 'Accept', ''), ' ', button(a.hostname, 'reject', 'Reject', 'danger')) : null)), 'None waiting.'));
      replace(list, table(['Hostname', 'State', 'Live', 'Labels', 'Last seen', h('th', { class: 'wide' }, 'Version'), h('th', { class: 'num' }, 'Running'), admin ? '' : null].filter((x) => x !== null),
        (all.agents ?? []).filter((a) => a.state !== 'pending').map((a) => h('tr', { 'data-agent': a.hostname },
          h('td', {}, a.hostname), h('td', {}, status(a.draining ? 'draining' : a.state)), h('td', {}, a.live ? '● yes' : 'no'),
          h('td', {}, labels(a)), h('td', {}, time(a.last_seen)), h('td', { class: 'wide' }, a.version ?? ''),
          h('td', { class: 'num' }, a.running_jobs ?? ''),
          admin ? h('td', {}, a.draining ? button(a.hostname, 'undrain', 'Undrain') : button(a.hostname, 'drain', 'Drain')) : null)), 'No agent enrolled.'));
    } catch (error) {
      replace(list, errorBox(error));
    }
  }

  async function act(hostname, action) {
    try {
      await post(`/agent/${encodeURIComponent(hostname)}/${action}`);
      replace(message, h('p', { class: 'live', role: 'status' }, `${hostname}: ${action} done.`));
    } catch (error) {
      replace(message, errorBox(error));
    }
    load();
  }

  load();
  const tick = setInterval(load, 10000);
  return () => clearInterval(tick);
}

const labels = (a) => Object.entries(a.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');

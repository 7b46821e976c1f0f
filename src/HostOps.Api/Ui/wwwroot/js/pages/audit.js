import { get, query } from '../api.js';
import { errorBox, h, replace, status, table, time } from '../dom.js';

// GET /audit (admin): who changed what or was refused, oldest first, with the API's filters and cursor paging.
export function render(main, params) {
  const list = h('div', { id: 'audit' }, h('p', { class: 'muted' }, 'Loading…'));
  const pager = h('div', { class: 'toolbar' });
  const value = (name) => params?.get(name) ?? '';
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); apply(); } },
    h('label', {}, 'Subject', h('input', { name: 'subject', value: value('subject') })),
    h('label', {}, 'Path prefix', h('input', { name: 'path', value: value('path'), placeholder: '/job' })),
    h('label', {}, 'Code', h('input', { name: 'code', value: value('code'), placeholder: '403', inputmode: 'numeric' })),
    h('label', {}, 'Since', h('input', { name: 'since', value: value('since'), placeholder: '2026-11-30T10:00:00Z' })),
    h('label', {}, 'Until', h('input', { name: 'until', value: value('until') })),
    h('button', { type: 'submit' }, 'Filter'));
  replace(main, h('h1', {}, 'Audit log'), form, list, pager);

  function apply() {
    const data = new FormData(form);
    const hash = `#/audit${query(Object.fromEntries([...data].map(([k, v]) => [k, String(v).trim()])))}`;
    if (location.hash === hash) load(0); // the same filters: read again (entries are written a moment after their request)
    else location.hash = hash;
  }

  const filters = { subject: value('subject'), path: value('path'), code: value('code'), since: value('since'), until: value('until') };
  const cursors = [null];
  async function load(page) {
    try {
      const answer = await get(`/audit${query({ ...filters, limit: 100, cursor: cursors[page] })}`);
      if (answer.next && cursors.length === page + 1) cursors.push(answer.next);
      replace(list, table(['Time', 'Subject', 'Method', 'Path', 'Code', h('th', { class: 'wide' }, 'Client'), h('th', { class: 'wide num' }, 'ms')],
        (answer.items ?? []).map((e) => h('tr', { 'data-audit': `${e.method} ${e.path}` },
          h('td', {}, time(e.time)), h('td', {}, e.subject ?? '', e.roles?.length ? h('span', { class: 'muted' }, ` (${e.roles.join(', ')})`) : ''),
          h('td', {}, e.method), h('td', {}, e.path, e.job_id ? [' ', h('a', { href: `#/jobs/${e.job_id}` }, 'job')] : null),
          h('td', {}, status(String(e.code))), h('td', { class: 'wide' }, e.client_address ?? ''),
          h('td', { class: 'wide num' }, typeof e.duration_ms === 'number' ? e.duration_ms.toFixed(1) : ''))), 'No entry matches.'));
      replace(pager,
        h('button', { class: 'secondary', disabled: page === 0, onclick: () => load(page - 1) }, '← Previous'),
        h('span', { class: 'muted' }, `page ${page + 1}`),
        h('button', { class: 'secondary', disabled: !answer.next, onclick: () => load(page + 1) }, 'Next →'));
    } catch (error) {
      replace(list, errorBox(error));
    }
  }

  load(0);
  return null;
}

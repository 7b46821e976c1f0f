import { get, query } from '../api.js';
import { errorBox, h, replace, table } from '../dom.js';
import { JOB_HEADERS, jobRow } from '../job-row.js';
import { watch } from '../sse.js';

const STATUSES = ['', 'unprocessed', 'processing', 'completed', 'failed', 'partial_failure', 'dlq'];
const PAGE = 50;

// The list is GET /job (newest first, filtered by the API, cursor paging); the event stream, filtered alike, keeps
// the shown rows current without a reload.
export function render(main, params) {
  const filter = { status: params?.get('status') ?? '', operation: params?.get('operation') ?? '', host: params?.get('host') ?? '' };
  const cursors = [null];
  const list = h('div', { id: 'jobs' });
  const live = h('span', { class: 'live off' }, '○ offline');
  const pager = h('div', { class: 'toolbar' });
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); applyFilter(); } },
    h('label', {}, 'Status', h('select', { name: 'status' }, STATUSES.map((s) => h('option', { value: s, selected: s === filter.status }, s || 'any')))),
    h('label', {}, 'Operation', h('input', { name: 'operation', value: filter.operation, placeholder: 'system.hostname.get' })),
    h('label', {}, 'Target host', h('input', { name: 'host', value: filter.host, placeholder: '_any, web1, group:web' })),
    h('button', { type: 'submit' }, 'Filter'));
  replace(main, h('h1', {}, 'Jobs ', live), form, list, pager);

  let rows = new Map();
  let stopEvents = null;
  let current = 0;
  let queue = Promise.resolve(); // events are applied one after another, so an older answer never wins

  function applyFilter() {
    const data = new FormData(form);
    const q = query({ status: data.get('status'), operation: data.get('operation').trim(), host: data.get('host').trim() });
    if (location.hash === `#/jobs${q}`) load(0);
    else location.hash = `#/jobs${q}`;
  }

  const matches = (job) => (!filter.operation || job.operation?.type === filter.operation)
    && (!filter.host || job.target_hostname === filter.host);

  async function load(page) {
    try {
      const answer = await get(`/job${query({ status: filter.status, operation: filter.operation, target_hostname: filter.host, limit: PAGE, cursor: cursors[page] })}`);
      if (answer.next && cursors.length === page + 1) cursors.push(answer.next);
      current = page;
      const jobs = answer.items ?? [];
      rows = new Map(jobs.map((j) => [j.id, jobRow(j)]));
      replace(list, table(JOB_HEADERS, [...rows.values()], 'No job matches.'));
      replace(pager,
        h('button', { class: 'secondary', disabled: page === 0, onclick: () => load(page - 1) }, '← Newer'),
        h('span', { class: 'muted' }, `page ${page + 1} · ${answer.total_items} jobs${filter.status || filter.operation || filter.host ? ' match' : ''}`),
        h('button', { class: 'secondary', disabled: !answer.next, onclick: () => load(page + 1) }, 'Older →'));
      return page;
    } catch (error) {
      replace(list, errorBox(error));
      return page;
    }
  }

  function onEvent({ data }) {
    if (data?.job_id) queue = queue.then(() => apply(data)).catch(() => {});
  }

  async function apply(data) {
    const row = rows.get(data.job_id);
    if (data.kind === 'deleted' || (row && filter.status && data.status !== filter.status)) {
      row?.remove();
      rows.delete(data.job_id);
      return;
    }
    if (row || (current === 0 && (!filter.status || data.status === filter.status))) {
      const job = await get(`/job/${data.job_id}`).catch(() => null);
      if (!job || !matches(job) || (filter.status && job.status !== filter.status)) return;
      const fresh = jobRow(job);
      const shown = rows.get(job.id);
      if (shown) shown.replaceWith(fresh);
      else {
        const body = list.querySelector('tbody');
        if (!body) { replace(list, table(JOB_HEADERS, [fresh])); } else body.prepend(fresh);
      }
      rows.set(job.id, fresh);
    }
  }

  load(0);
  stopEvents = watch(`/job/events${query({ operation: filter.operation, target_hostname: filter.host })}`, onEvent, {
    onState: (on) => { live.className = on ? 'live' : 'live off'; live.textContent = on ? '● live' : '○ reconnecting'; },
  });
  return () => stopEvents?.();
}

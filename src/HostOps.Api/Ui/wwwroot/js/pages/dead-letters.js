import { get, post, query } from '../api.js';
import { errorBox, h, replace, table, time } from '../dom.js';
import { can } from '../session.js';
import { watch } from '../sse.js';

const PAGE = 50;

// Jobs whose status is dlq, newest first, a page at a time (cursor paging): why they were given up on, and a retry
// each (a new attempt; the dead letter goes).
export function render(main) {
  const list = h('div', { id: 'dead-letters' }, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div');
  const pager = h('div', { class: 'toolbar' });
  replace(main, h('h1', {}, 'Dead letters'), message, list, pager);

  const cursors = [null];
  let current = 0;
  let timer = null;
  const load = async (page = current) => {
    try {
      const answer = await get(`/job${query({ status: 'dlq', limit: PAGE, cursor: cursors[page] })}`);
      if (answer.next && cursors.length === page + 1) cursors.push(answer.next);
      current = page;
      replace(pager,
        h('button', { class: 'secondary', disabled: page === 0, onclick: () => load(page - 1) }, '← Newer'),
        h('span', { class: 'muted' }, `page ${page + 1} · ${answer.total_items} dead letters`),
        h('button', { class: 'secondary', disabled: !answer.next, onclick: () => load(page + 1) }, 'Older →'));
      const headers = ['Job', 'Operation', 'Target', 'Reason', h('th', { class: 'wide' }, 'Attempts'), 'Since', can('write') ? '' : null].filter((x) => x !== null);
      replace(list, table(headers, (answer.items ?? []).map((job) => h('tr', { 'data-job': job.id },
        h('td', {}, h('a', { href: `#/jobs/${job.id}` }, job.id.slice(0, 8) + '…')),
        h('td', {}, job.operation?.type ?? ''),
        h('td', {}, job.target_hostname ?? ''),
        h('td', { class: 'reason' }, job.error ?? ''),
        h('td', { class: 'num wide' }, job.attempts ?? ''),
        h('td', {}, time(job.updated_at)),
        can('write') ? h('td', {}, h('button', { class: 'retry', onclick: () => retry(job.id) }, 'Retry')) : null)), 'No dead letter.'));
    } catch (error) {
      replace(list, errorBox(error));
    }
  };

  async function retry(id) {
    try {
      await post(`/job/${id}/retry`);
      replace(message, h('p', { class: 'live', role: 'status' }, `Job ${id} retried.`));
      load();
    } catch (error) {
      replace(message, errorBox(error));
    }
  }

  const stopEvents = watch('/job/events', ({ data }) => {
    if (data?.kind === 'dlq' || data?.kind === 'retried' || data?.kind === 'deleted') { clearTimeout(timer); timer = setTimeout(load, 300); }
  });
  load();
  return () => { stopEvents(); clearTimeout(timer); };
}

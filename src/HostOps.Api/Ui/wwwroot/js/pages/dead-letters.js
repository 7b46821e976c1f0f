import { get, post } from '../api.js';
import { errorBox, h, replace, table, time } from '../dom.js';
import { can } from '../session.js';
import { watch } from '../sse.js';

// Jobs whose status is dlq: why they were given up on, and a retry each (a new attempt; the dead letter goes).
export function render(main) {
  const list = h('div', { id: 'dead-letters' }, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div');
  replace(main, h('h1', {}, 'Dead letters'), message, list);

  let timer = null;
  const load = async () => {
    try {
      const answer = await get('/job?status=dlq&limit=100');
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

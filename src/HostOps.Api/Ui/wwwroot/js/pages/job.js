import { del, get, post } from '../api.js';
import { errorBox, h, replace, status, table, time } from '../dom.js';
import { can } from '../session.js';
import { watch } from '../sse.js';

const RETRYABLE = new Set(['failed', 'partial_failure', 'dlq', 'processing', 'unprocessed']);

// One job: its definition, each host's response and state, the timeline of its events (GET /job/{id}/events
// replays them from the submission, then follows the job live until it ends), and retry and delete.
export function render(main, id) {
  const detail = h('div', { id: 'job-detail' }, h('p', { class: 'muted' }, 'Loading…'));
  const timeline = h('tbody', { id: 'timeline' });
  const message = h('div');
  replace(main, h('h1', {}, 'Job ', h('code', {}, id)), message, detail,
    h('h2', {}, 'Timeline'), h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ['Time', 'Event', 'Attempt', 'Host', 'Status after'].map((x) => h('th', {}, x)))), timeline)));

  let timer = null;
  const refresh = async () => {
    try {
      replace(detail, view(await get(`/job/${id}`)));
    } catch (error) {
      replace(detail, errorBox(error));
    }
  };
  const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 200); };

  function view(job) {
    const actions = [];
    if (can('write') && RETRYABLE.has(job.status)) {
      actions.push(h('button', { id: 'retry', onclick: () => act(() => post(`/job/${id}/retry`), 'Retried: a new attempt is queued.') }, 'Retry'));
    }
    if (can('admin')) {
      actions.push(h('button', {
        id: 'delete', class: 'danger',
        onclick: () => { if (confirm('Delete this job, its events and responses?')) act(() => del(`/job/${id}`), 'Deleted.', true); },
      }, 'Delete'));
    }
    const hosts = Object.entries(job.worker_states ?? {});
    const responses = Object.entries(job.responses ?? {});
    return h('div', {},
      h('div', { class: 'toolbar' }, actions),
      h('section', { class: 'card' }, h('dl', { class: 'kv' },
        h('dt', {}, 'Status'), h('dd', { id: 'job-status' }, status(job.status)),
        h('dt', {}, 'Operation'), h('dd', {}, job.operation?.type ?? ''),
        h('dt', {}, 'Input'), h('dd', {}, h('pre', {}, JSON.stringify(job.operation?.data ?? null, null, 2))),
        h('dt', {}, 'Target'), h('dd', {}, job.target_hostname ?? ''),
        h('dt', {}, 'Attempts'), h('dd', {}, job.attempts ?? ''),
        h('dt', {}, 'Created'), h('dd', {}, time(job.created)),
        h('dt', {}, 'Updated'), h('dd', {}, time(job.updated_at)),
        job.error ? [h('dt', {}, 'Error'), h('dd', {}, job.error)] : null,
        job.trace_id ? [h('dt', {}, 'Trace'), h('dd', {}, h('code', {}, job.trace_id))] : null)),
      h('h2', {}, 'Hosts'),
      table(['Host', 'State', 'Duration', 'Error'], hosts.map(([host, s]) =>
        h('tr', {}, h('td', {}, host), h('td', {}, status(s.status)), h('td', {}, s.duration ?? ''), h('td', {}, s.error ?? ''))), 'No host has taken it yet.'),
      h('h2', {}, 'Responses'),
      table(['Host', 'Status', 'Data'], responses.map(([host, r]) =>
        h('tr', { 'data-response': host }, h('td', {}, host), h('td', {}, status(r.status)),
          h('td', {}, r.error ? h('div', { class: 'error-box' }, r.error) : null, h('pre', {}, JSON.stringify(r.data ?? null, null, 2))))), 'No response yet.'));
  }

  async function act(action, done, gone = false) {
    try {
      await action();
      replace(message, h('p', { class: 'live', role: 'status' }, done));
      if (gone) {
        location.hash = '#/jobs';
        return;
      }
      // A retried job lives on: follow its events again from the start (the timeline is replayed whole).
      stopEvents();
      timeline.replaceChildren();
      stopEvents = follow();
      soon();
    } catch (error) {
      replace(message, errorBox(error));
    }
  }

  const follow = () => watch(`/job/${id}/events`, ({ type, data }) => {
    timeline.append(h('tr', {}, h('td', {}, time(data?.time)), h('td', {}, type), h('td', {}, data?.attempt ?? ''),
      h('td', {}, data?.hostname ?? ''), h('td', {}, status(data?.status))));
    soon();
  }, { endsByItself: true });
  let stopEvents = follow();
  refresh();
  return () => { stopEvents(); clearTimeout(timer); };
}

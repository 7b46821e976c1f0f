import { h, status, time } from './dom.js';

export const JOB_HEADERS = ['Job', 'Operation', 'Target', 'Status', h('th', { class: 'wide' }, 'Attempts'), h('th', { class: 'wide' }, 'Created'), 'Updated'];

// One row of a job list, keyed by its id so an event can update or remove it in place.
export function jobRow(job, extra = []) {
  return h('tr', { 'data-job': job.id },
    h('td', {}, h('a', { href: `#/jobs/${job.id}`, title: job.id }, job.id.slice(0, 8) + '…' + job.id.slice(-4))),
    h('td', {}, job.operation?.type ?? ''),
    h('td', {}, job.target_hostname ?? ''),
    h('td', { class: 'job-status' }, status(job.status)),
    h('td', { class: 'num wide' }, job.attempts ?? ''),
    h('td', { class: 'wide' }, time(job.created)),
    h('td', { class: 'job-updated' }, time(job.updated_at)),
    extra);
}

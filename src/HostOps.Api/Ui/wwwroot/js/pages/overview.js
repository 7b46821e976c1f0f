import { get, call } from '../api.js';
import { errorBox, h, replace, status, table, time } from '../dom.js';
import { watch } from '../sse.js';
import { ThroughputChart } from '../throughput-chart.js';

const FINISHED = { completed: false, failed: true, dlq: true };

export function render(main) {
  const health = h('div', { id: 'health' }, h('p', { class: 'muted' }, 'Loading…'));
  const counts = h('div', { id: 'job-counts' });
  const agents = h('div', { id: 'live-agents' });
  const live = h('span', { class: 'live off' }, '○ offline');
  const chart = new ThroughputChart();
  replace(main,
    h('h1', {}, 'Overview'),
    health,
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('h2', {}, 'Jobs by status'), counts),
      h('section', { class: 'card chart' }, h('h2', {}, 'Throughput (last 15 min) ', live), chart.element)),
    h('h2', {}, 'Live agents'), agents);

  let timer = null;
  const refresh = async () => {
    const [healthAnswer, stats, agentList] = await Promise.allSettled([
      call('GET', '/health/status', { allowError: true }), get('/job/status'), get('/agent')]);
    if (healthAnswer.status === 'fulfilled') replace(health, healthView(healthAnswer.value.body));
    else replace(health, errorBox(healthAnswer.reason));
    replace(counts, stats.status === 'fulfilled' ? countsView(stats.value) : errorBox(stats.reason));
    replace(agents, agentList.status === 'fulfilled' ? agentsView(agentList.value) : errorBox(agentList.reason));
  };
  const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 500); };

  // The recent past from the newest jobs, then each finished job as it happens.
  get('/job?limit=100').then((list) => {
    for (const job of list.items ?? []) if (job.status in FINISHED) chart.add(job.updated_at, FINISHED[job.status]);
    chart.draw();
  }).catch(() => chart.draw());
  const stopEvents = watch('/job/events', ({ data }) => {
    if (data?.kind in FINISHED) { chart.add(data.time, FINISHED[data.kind]); chart.draw(); }
    soon();
  }, { onState: (on) => { live.className = on ? 'live' : 'live off'; live.textContent = on ? '● live' : '○ reconnecting'; } });
  const tick = setInterval(() => { chart.draw(); refresh(); }, 30000);
  refresh();
  return () => { stopEvents(); clearInterval(tick); clearTimeout(timer); };
}

function healthView(body) {
  if (!body?.components) return errorBox(body?.details ?? body?.error ?? 'no health status');
  const components = Object.entries(body.components).map(([name, c]) =>
    h('tr', {}, h('td', {}, name), h('td', {}, status(c.status)), h('td', { class: 'muted' }, c.error ?? '')));
  const streams = [...(body.streams ?? []).map((s) => h('tr', {}, h('td', {}, s.name), h('td', { class: 'num' }, s.messages), h('td', { class: 'num' }, s.bytes), h('td', { class: 'num wide' }, s.consumers))),
    ...(body.kv_buckets ?? []).map((b) => h('tr', {}, h('td', {}, `${b.name} (KV)`), h('td', { class: 'num' }, b.keys), h('td', { class: 'num' }, b.bytes), h('td', { class: 'wide' }, '')))];
  return h('div', { class: 'grid' },
    h('section', { class: 'card' }, h('h2', {}, 'Health ', status(body.status)),
      table(['Component', 'Status', ''], components),
      h('p', { class: 'muted' }, `HostOps ${body.version ?? ''} · up ${body.uptime ?? '?'}`)),
    h('section', { class: 'card' }, h('h2', {}, 'NATS'),
      body.nats ? h('dl', { class: 'kv' }, h('dt', {}, 'URL'), h('dd', {}, body.nats.url), h('dt', {}, 'Version'), h('dd', {}, body.nats.version),
        body.nats.cluster ? [h('dt', {}, 'Cluster'), h('dd', {}, body.nats.cluster.name ?? '')] : null) : h('p', { class: 'muted' }, 'not connected'),
      table(['Stream / bucket', h('th', { class: 'num' }, 'Messages'), h('th', { class: 'num' }, 'Bytes'), h('th', { class: 'num wide' }, 'Consumers')], streams)));
}

function countsView(stats) {
  const rows = Object.entries(stats.status_counts ?? {}).map(([name, count]) =>
    h('tr', {}, h('td', {}, h('a', { href: `#/jobs?status=${name}` }, status(name))), h('td', { class: 'num', 'data-count': name }, count)));
  rows.push(h('tr', {}, h('td', {}, h('strong', {}, 'total')), h('td', { class: 'num' }, stats.total_jobs)));
  rows.push(h('tr', {}, h('td', {}, h('a', { href: '#/dead-letters' }, 'dead letters')), h('td', { class: 'num' }, stats.dlq_count)));
  return table(['Status', h('th', { class: 'num' }, 'Jobs')], rows);
}

function agentsView(list) {
  const live = (list.agents ?? []).filter((a) => a.live);
  return table(['Hostname', 'State', 'Labels', 'Last seen', h('th', { class: 'num' }, 'Running')], live.map((a) =>
    h('tr', { 'data-agent': a.hostname }, h('td', {}, a.hostname), h('td', {}, status(a.draining ? 'draining' : a.state)),
      h('td', {}, Object.entries(a.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')), h('td', {}, time(a.last_seen)),
      h('td', { class: 'num' }, a.running_jobs ?? ''))), 'No live agent.');
}

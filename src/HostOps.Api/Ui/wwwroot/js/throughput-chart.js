// Jobs finished per 30 s over the last 15 minutes, drawn as inline SVG (no chart library): a line for completed
// jobs and one for failed or dead-lettered ones.
const SVG = 'http://www.w3.org/2000/svg';
const WINDOW_MS = 15 * 60 * 1000;
const BUCKET_MS = 30 * 1000;
const BUCKETS = WINDOW_MS / BUCKET_MS;

export class ThroughputChart {
  constructor() {
    this.finished = []; // [time ms, failed?]
    this.element = document.createElementNS(SVG, 'svg');
    this.element.setAttribute('viewBox', '0 0 600 140');
    this.element.setAttribute('preserveAspectRatio', 'none');
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', 'Jobs finished per 30 seconds, last 15 minutes');
    this.element.id = 'throughput';
  }

  add(time, failed) {
    const t = new Date(time).getTime();
    if (!Number.isNaN(t) && t > Date.now() - WINDOW_MS) this.finished.push([t, failed]);
  }

  draw() {
    const now = Date.now();
    this.finished = this.finished.filter(([t]) => t > now - WINDOW_MS);
    const completed = new Array(BUCKETS).fill(0);
    const failed = new Array(BUCKETS).fill(0);
    for (const [t, bad] of this.finished) {
      const i = Math.min(BUCKETS - 1, Math.floor((t - (now - WINDOW_MS)) / BUCKET_MS));
      (bad ? failed : completed)[i] += 1;
    }
    const max = Math.max(1, ...completed, ...failed);
    const points = (values) => values.map((v, i) => `${(i / (BUCKETS - 1)) * 580 + 10},${120 - (v / max) * 105}`).join(' ');
    this.element.replaceChildren(
      node('line', { class: 'axis', x1: 10, y1: 120, x2: 590, y2: 120 }),
      node('polyline', { class: 'line', points: points(completed) }),
      node('polyline', { class: 'fail', points: points(failed) }),
      text(12, 12, `${max} per 30 s`),
      text(12, 136, '−15 min'),
      text(560, 136, 'now'));
    this.element.dataset.total = String(this.finished.length);
  }
}

function node(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function text(x, y, content) {
  const el = node('text', { x, y });
  el.textContent = content;
  return el;
}

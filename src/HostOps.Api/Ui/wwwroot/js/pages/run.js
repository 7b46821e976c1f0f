import { call, get } from '../api.js';
import { errorBox, h, replace, status, table } from '../dom.js';
import { can } from '../session.js';
import { buildForm, operationsOf, readForm } from '../operation-form.js';

// Pick a node operation and its targets, fill the form made from its input schema, run it through its own
// endpoint (which submits a job and waits for it), and see each host's answer.
export function render(main) {
  const picker = h('select', { id: 'operation' });
  const target = h('input', { id: 'target', value: '_any', list: 'target-hosts' });
  const hosts = h('datalist', { id: 'target-hosts' }, ['_any', '_all'].map((v) => h('option', { value: v })));
  const fieldsBox = h('div', { class: 'form-grid', id: 'operation-fields' });
  const summary = h('p', { class: 'muted', id: 'operation-summary' });
  const runButton = h('button', { type: 'submit', id: 'run' }, 'Run');
  const result = h('div', { id: 'run-result' });
  let operations = [];
  let document = null;
  let form = null;

  const formElement = h('form', { class: 'card', onsubmit: (e) => { e.preventDefault(); run(); } },
    h('div', { class: 'form-grid' },
      h('label', {}, 'Operation', picker),
      h('label', {}, 'Targets', target, h('span', { class: 'muted' }, '_any, _all, a hostname or key:value'))),
    summary, fieldsBox, hosts, h('p', {}, runButton));
  replace(main, h('h1', {}, 'Run an operation'), formElement, result);

  function select() {
    const operation = operations.find((o) => o.id === picker.value);
    if (!operation) return;
    form = buildForm(document, operation);
    replace(fieldsBox, form.fields.map((f) => f.element));
    const allowed = can(operation.scope);
    replace(summary, `${operation.op.summary ?? ''} Needs the ${operation.scope} scope.`, allowed ? '' : ' Your token lacks it.');
    runButton.disabled = !allowed;
    runButton.hidden = !allowed;
  }

  async function run() {
    const operation = operations.find((o) => o.id === picker.value);
    let request;
    try {
      request = readForm(operation, form, target.value.trim());
    } catch (error) {
      replace(result, errorBox(error));
      return;
    }
    runButton.disabled = true;
    replace(result, h('p', { class: 'muted' }, `${operation.method} ${request.path} …`));
    try {
      const answer = await call(operation.method, request.path, { body: request.body, allowError: true });
      replace(result, view(answer));
    } catch (error) {
      replace(result, errorBox(error));
    } finally {
      runButton.disabled = false;
    }
  }

  Promise.all([get('/openapi/v1.json'), get('/agent').catch(() => ({ agents: [] }))]).then(([openApi, agents]) => {
    document = openApi;
    operations = operationsOf(openApi);
    const groups = new Map();
    for (const o of operations) groups.set(o.tag, [...(groups.get(o.tag) ?? []), o]);
    replace(picker, [...groups].map(([tag, ops]) => h('optgroup', { label: tag },
      ops.map((o) => h('option', { value: o.id, 'data-scope': o.scope }, `${o.method} ${o.path}`)))));
    const preferred = operations.find((o) => o.id === 'GET /system/hostname');
    if (preferred) picker.value = preferred.id;
    for (const a of agents.agents ?? []) {
      hosts.append(h('option', { value: a.hostname }));
      for (const [k, v] of Object.entries(a.labels ?? {})) hosts.append(h('option', { value: `${k}:${v}` }));
    }
    picker.addEventListener('change', select);
    select();
  }).catch((error) => replace(result, errorBox(error)));
  return null;
}

function view({ status: code, body }) {
  if (code >= 400) {
    const job = /job ([0-9a-f-]{36})/.exec(body?.details ?? '');
    return h('div', {}, errorBox(`${code} ${body?.error ?? ''}: ${body?.details ?? ''}`),
      job ? h('p', {}, h('a', { href: `#/jobs/${job[1]}` }, 'Follow the job')) : null);
  }
  const results = body?.results ?? [];
  return h('div', {}, h('h2', {}, `Result (${code})`),
    table(['Host', 'Status', 'Changed', 'Answer'], results.map((r) => {
      const { hostname, status: s, changed, error, ...data } = r;
      return h('tr', { 'data-host': hostname }, h('td', {}, hostname), h('td', {}, status(s ?? 'ok')), h('td', {}, changed === undefined ? '' : String(changed)),
        h('td', {}, error ? h('div', { class: 'error-box' }, error) : null,
          Object.keys(data).length > 0 ? h('pre', {}, JSON.stringify(data, null, 2)) : null));
    }), 'No host answered.'),
    h('p', {}, h('a', { href: '#/jobs' }, 'See the job in the job list')));
}

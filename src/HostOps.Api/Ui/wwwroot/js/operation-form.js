import { h } from './dom.js';

// A form for one operation, built from the API's own OpenAPI document: its route parameters, its query parameters
// and the properties of its JSON body, each an input of the schema's type; read back into route, query and body.
export function operationsOf(document) {
  const operations = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      // The node operations: every one takes target_hostname.
      if (!(op.parameters ?? []).some((p) => p.name === 'target_hostname')) continue;
      const scope = (op.security ?? []).flatMap((s) => Object.values(s).flat())[0] ?? 'read';
      operations.push({ id: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op, scope, tag: op.tags?.[0] ?? '' });
    }
  }
  return operations.sort((a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

export function buildForm(document, operation) {
  const fields = [];
  for (const p of operation.op.parameters ?? []) {
    if (p.name === 'target_hostname') continue;
    fields.push(field(document, p.in, p.name, p.schema, p.required, p.description));
  }
  const bodySchema = resolve(document, operation.op.requestBody?.content?.['application/json']?.schema);
  const required = new Set(bodySchema?.required ?? []);
  for (const [name, schema] of Object.entries(bodySchema?.properties ?? {})) {
    fields.push(field(document, 'body', name, schema, required.has(name), schema.description));
  }
  return { fields, hasBody: !!bodySchema };
}

// Reads the inputs back: {path, body} for fetch, or throws naming the field.
export function readForm(operation, form, target) {
  let path = operation.path;
  const query = new URLSearchParams();
  const body = {};
  for (const f of form.fields) {
    const value = f.read();
    if (value === undefined) {
      if (f.required) throw new Error(`${f.name}: is required`);
      continue;
    }
    if (f.location === 'path') path = path.replace(`{${f.name}}`, encodeURIComponent(value));
    else if (f.location === 'query') query.set(f.name, Array.isArray(value) ? value.join(',') : String(value));
    else body[f.name] = value;
  }
  if (target) query.set('target_hostname', target);
  const q = query.toString();
  return { path: q ? `${path}?${q}` : path, body: form.hasBody ? body : undefined };
}

function field(document, location, name, rawSchema, required, description) {
  const schema = resolve(document, rawSchema) ?? {};
  const type = typeOf(schema);
  const id = `field-${location}-${name}`;
  let input;
  let read;
  if (type === 'boolean') {
    input = h('input', { type: 'checkbox', id, name });
    read = () => (input.checked ? true : (location === 'body' ? false : undefined));
  } else if (type === 'integer' || type === 'number') {
    input = h('input', { type: 'number', id, name, step: type === 'integer' ? 1 : 'any' });
    read = () => (input.value === '' ? undefined : Number(input.value));
  } else if (type === 'array') {
    input = h('input', { id, name, placeholder: 'one, two, three' });
    read = () => (input.value.trim() === '' ? undefined : input.value.split(',').map((s) => s.trim()).filter(Boolean));
  } else if (type === 'object') {
    input = h('textarea', { id, name, placeholder: '{"KEY": "value"}', rows: 3 });
    read = () => {
      if (input.value.trim() === '') return undefined;
      try { return JSON.parse(input.value); } catch { throw new Error(`${name}: is not JSON`); }
    };
  } else if (schema.enum) {
    input = h('select', { id, name }, h('option', { value: '' }, ''), schema.enum.map((v) => h('option', { value: v }, v)));
    read = () => (input.value === '' ? undefined : input.value);
  } else {
    input = h('input', { id, name });
    read = () => (input.value === '' ? undefined : input.value);
  }
  const label = h('label', { class: type === 'boolean' ? 'inline' : null, title: description ?? '' },
    `${name}${required ? ' *' : ''}${location === 'path' ? ' (route)' : ''}`, input,
    description ? h('span', { class: 'muted' }, description) : null);
  return { name, location, required, read, element: label };
}

function resolve(document, schema) {
  if (!schema) return null;
  if (schema.$ref) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop()]);
  const variant = (schema.oneOf ?? schema.anyOf)?.find((s) => s.type !== 'null');
  return variant && !schema.properties ? resolve(document, variant) : schema;
}

function typeOf(schema) {
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  return types[0] ?? (schema.properties || schema.additionalProperties ? 'object' : 'string');
}

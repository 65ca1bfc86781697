/**
 * What changed between two releases of the data interface (the OpenAPI document and the published
 * JSON Schemas), judged from a client's side. A request schema may widen (accept more) but not narrow;
 * a response schema may narrow (promise more) but not widen; an operation, parameter, response or
 * schema a client used may not disappear. Pure: documents in, findings out.
 */

export type Severity = 'breaking' | 'warning' | 'addition';

export interface Finding {
  /** Stable across runs: what a recorded exception names. */
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
}

type Json = Record<string, unknown>;
type Direction = 'request' | 'response';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** A document's local `$ref`s resolved (`#/components/schemas/X`, `#/$defs/X`). */
function resolver(document: Json): (schema: unknown) => Json {
  return (schema) => {
    let node = schema;
    for (let hops = 0; isObject(node) && typeof node['$ref'] === 'string' && hops < 32; hops += 1) {
      const ref = node['$ref'];
      if (!ref.startsWith('#/')) break;
      let target: unknown = document;
      for (const part of ref.slice(2).split('/'))
        target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      node = target;
    }
    return isObject(node) ? node : {};
  };
}

const alternatives = (schema: Json): unknown[] | undefined => {
  const list = schema['anyOf'] ?? schema['oneOf'];
  return Array.isArray(list) ? list : undefined;
};

/** The JSON types a schema admits, with `const`/`enum` values as `type=value`. */
function kinds(schema: Json, resolve: (s: unknown) => Json, depth = 0): Set<string> {
  const out = new Set<string>();
  if (depth > 16) return out;
  const alts = alternatives(schema);
  if (alts !== undefined) {
    for (const alt of alts) for (const k of kinds(resolve(alt), resolve, depth + 1)) out.add(k);
    return out;
  }
  if ('const' in schema) return new Set([`${typeof schema['const']}=${JSON.stringify(schema['const'])}`]);
  if (Array.isArray(schema['enum']))
    return new Set(schema['enum'].map((v) => `${v === null ? 'null' : typeof v}=${JSON.stringify(v)}`));
  const type = schema['type'];
  const types = Array.isArray(type) ? type : typeof type === 'string' ? [type] : ['any'];
  for (const t of types) out.add(t === 'integer' ? 'number:integer' : t === 'number' ? 'number' : String(t));
  return out;
}

/** Whether every kind in `narrow` is admitted by `wide`. */
function admits(wide: Set<string>, narrow: Set<string>): string[] {
  if (wide.has('any')) return [];
  const missing: string[] = [];
  for (const k of narrow) {
    if (wide.has(k)) continue;
    const [base] = k.split('=');
    const baseType = base === 'number:integer' ? 'number:integer' : base;
    // a value is admitted by its open type (enum "a" by string; integer by number)
    if (
      k.includes('=') &&
      (wide.has(baseType ?? '') || (baseType === 'number' && wide.has('number:integer')))
    )
      continue;
    if (k === 'number:integer' && wide.has('number')) continue;
    missing.push(k);
  }
  return missing;
}

/** The object members of a schema (itself, or its object alternatives), properties merged. */
function objectShape(
  schema: Json,
  resolve: (s: unknown) => Json,
): { properties: Map<string, Json>; required: Set<string>; closed: boolean } | undefined {
  const members = (alternatives(schema) ?? [schema]).map(resolve).filter((s) => isObject(s['properties']));
  if (members.length === 0) return undefined;
  const properties = new Map<string, Json>();
  const required = new Set<string>();
  let closed = true;
  for (const member of members) {
    for (const [name, sub] of Object.entries(member['properties'] as Json))
      if (!properties.has(name)) properties.set(name, resolve(sub));
    for (const name of Array.isArray(member['required']) ? member['required'] : [])
      required.add(String(name));
    if (member['additionalProperties'] !== false) closed = false;
  }
  return { properties, required, closed };
}

const BOUNDS: readonly { key: string; narrows: (before: number, after: number) => boolean }[] = [
  { key: 'minLength', narrows: (b, a) => a > b },
  { key: 'maxLength', narrows: (b, a) => a < b },
  { key: 'minimum', narrows: (b, a) => a > b },
  { key: 'maximum', narrows: (b, a) => a < b },
  { key: 'exclusiveMinimum', narrows: (b, a) => a > b },
  { key: 'exclusiveMaximum', narrows: (b, a) => a < b },
  { key: 'minItems', narrows: (b, a) => a > b },
  { key: 'maxItems', narrows: (b, a) => a < b },
];

class SchemaDiff {
  readonly findings: Finding[] = [];
  readonly #seen = new Set<string>();
  readonly #before: (s: unknown) => Json;
  readonly #after: (s: unknown) => Json;

  constructor(before: Json, after: Json) {
    this.#before = resolver(before);
    this.#after = resolver(after);
  }

  add(id: string, severity: Severity, message: string): void {
    this.findings.push({ id, severity, message });
  }

  compare(where: string, beforeRaw: unknown, afterRaw: unknown, direction: Direction, depth = 0): void {
    if (depth > 24) return;
    const before = this.#before(beforeRaw);
    const after = this.#after(afterRaw);
    const key = `${where}|${direction}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);

    const kb = kinds(before, this.#before);
    const ka = kinds(after, this.#after);
    if (direction === 'request') {
      const dropped = admits(ka, kb);
      if (dropped.length > 0)
        this.add(
          `${where}: no longer accepts ${dropped.join(', ')}`,
          'breaking',
          'a value clients send is refused now',
        );
    } else {
      const added = admits(kb, ka);
      if (added.length > 0) {
        const onlyValues = added.every((k) => k.includes('='));
        this.add(
          `${where}: may now answer ${added.join(', ')}`,
          onlyValues ? 'warning' : 'breaking',
          onlyValues ? 'a new value clients may not know' : 'a type clients do not expect',
        );
      }
    }

    for (const { key: bound, narrows } of BOUNDS) {
      const b = before[bound];
      const a = after[bound];
      if (direction === 'request' && typeof a === 'number' && (typeof b !== 'number' || narrows(b, a)))
        this.add(
          `${where}: ${bound} ${typeof b === 'number' ? b : 'none'} → ${a}`,
          'breaking',
          'a narrower range is accepted',
        );
    }
    if (
      direction === 'request' &&
      typeof after['pattern'] === 'string' &&
      after['pattern'] !== before['pattern']
    )
      this.add(`${where}: pattern changed`, 'breaking', 'values the old pattern accepted may be refused');

    const ob = objectShape(before, this.#before);
    const oa = objectShape(after, this.#after);
    if (ob !== undefined && oa !== undefined) {
      for (const [name, sub] of ob.properties) {
        const next = oa.properties.get(name);
        const at = `${where}/${name}`;
        if (next === undefined) {
          if (direction === 'response') this.add(`${at}: removed`, 'breaking', 'clients read it');
          else if (oa.closed) this.add(`${at}: no longer accepted`, 'breaking', 'clients send it');
          continue;
        }
        if (direction === 'response' && ob.required.has(name) && !oa.required.has(name))
          this.add(`${at}: no longer always present`, 'breaking', 'clients rely on it');
        this.compare(at, sub, next, direction, depth + 1);
      }
      if (direction === 'request')
        for (const name of oa.required)
          if (!ob.required.has(name))
            this.add(`${where}/${name}: newly required`, 'breaking', 'old clients do not send it');
      for (const name of oa.properties.keys())
        if (!ob.properties.has(name)) this.add(`${where}/${name}: added`, 'addition', 'new field');
    }
    const ib = before['items'];
    const ia = after['items'];
    if (isObject(ib) && isObject(ia)) this.compare(`${where}[]`, ib, ia, direction, depth + 1);
  }
}

const jsonContent = (node: unknown): unknown => {
  if (!isObject(node) || !isObject(node['content'])) return undefined;
  const content = node['content'];
  const entry = content['application/json'] ?? Object.values(content)[0];
  return isObject(entry) ? entry['schema'] : undefined;
};

/** Breaking changes, warnings and additions from one OpenAPI document to the next. */
export function diffOpenApi(before: Json, after: Json): Finding[] {
  const diff = new SchemaDiff(before, after);
  const pathsBefore = isObject(before['paths']) ? before['paths'] : {};
  const pathsAfter = isObject(after['paths']) ? after['paths'] : {};
  for (const [path, itemBefore] of Object.entries(pathsBefore)) {
    for (const method of METHODS) {
      const opBefore = isObject(itemBefore) ? itemBefore[method] : undefined;
      if (!isObject(opBefore)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const itemAfter = pathsAfter[path];
      const opAfter = isObject(itemAfter) ? itemAfter[method] : undefined;
      if (!isObject(opAfter)) {
        diff.add(`${name}: removed`, 'breaking', 'clients call it');
        continue;
      }
      if (opAfter['deprecated'] === true && opBefore['deprecated'] !== true)
        diff.add(`${name}: deprecated`, 'warning', 'clients should move off it before its sunset');
      const params = (op: Json) =>
        new Map(
          (Array.isArray(op['parameters']) ? op['parameters'] : [])
            .filter(isObject)
            .map((p) => [`${String(p['in'])} ${String(p['name'])}`, p] as const),
        );
      const pb = params(opBefore);
      const pa = params(opAfter);
      for (const [key, p] of pb) {
        const next = pa.get(key);
        if (next === undefined) {
          diff.add(`${name} ${key}: removed`, 'breaking', 'clients send it');
          continue;
        }
        if (next['required'] === true && p['required'] !== true)
          diff.add(`${name} ${key}: newly required`, 'breaking', 'old clients do not send it');
        diff.compare(`${name} ${key}`, p['schema'], next['schema'], 'request');
      }
      for (const [key, p] of pa)
        if (!pb.has(key) && p['required'] === true)
          diff.add(`${name} ${key}: new required parameter`, 'breaking', 'old clients do not send it');
      const bodyBefore = jsonContent(opBefore['requestBody']);
      const bodyAfter = jsonContent(opAfter['requestBody']);
      if (bodyBefore !== undefined && bodyAfter !== undefined)
        diff.compare(`${name} body`, bodyBefore, bodyAfter, 'request');
      else if (bodyBefore === undefined && bodyAfter !== undefined && isObject(opAfter['requestBody']))
        if (opAfter['requestBody']['required'] === true)
          diff.add(`${name} body: newly required`, 'breaking', 'old clients send none');
      const responsesBefore = isObject(opBefore['responses']) ? opBefore['responses'] : {};
      const responsesAfter = isObject(opAfter['responses']) ? opAfter['responses'] : {};
      for (const [status, response] of Object.entries(responsesBefore)) {
        if (!status.startsWith('2')) continue;
        const next = responsesAfter[status];
        if (next === undefined) {
          diff.add(`${name} ${status}: no longer answered`, 'breaking', 'clients expect it');
          continue;
        }
        const sb = jsonContent(response);
        const sa = jsonContent(next);
        if (sb !== undefined && sa !== undefined) diff.compare(`${name} ${status}`, sb, sa, 'response');
      }
    }
  }
  for (const [path, itemAfter] of Object.entries(pathsAfter))
    for (const method of METHODS)
      if (isObject(itemAfter) && isObject(itemAfter[method]))
        if (!isObject(pathsBefore[path]) || !isObject(pathsBefore[path][method]))
          diff.add(`${method.toUpperCase()} ${path}: added`, 'addition', 'new operation');
  return diff.findings;
}

/** The same for the published JSON Schemas by name (`Supplier` as answered, `SupplierInput` as sent). */
export function diffSchemas(
  before: Readonly<Record<string, Json>>,
  after: Readonly<Record<string, Json>>,
): Finding[] {
  const findings: Finding[] = [];
  for (const [name, schema] of Object.entries(before)) {
    const next = after[name];
    if (next === undefined) {
      findings.push({
        id: `schema ${name}: removed`,
        severity: 'breaking',
        message: 'partners validate against it',
      });
      continue;
    }
    const diff = new SchemaDiff(schema, next);
    diff.compare(`schema ${name}`, schema, next, name.endsWith('Input') ? 'request' : 'response');
    findings.push(...diff.findings);
  }
  for (const name of Object.keys(after))
    if (!(name in before))
      findings.push({ id: `schema ${name}: added`, severity: 'addition', message: 'new schema' });
  return findings;
}

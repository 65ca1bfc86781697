import {
  entityBySet,
  entityByType,
  metadataXml,
  navigationOf,
  propertyOf,
  type EdmEntity,
  type EdmService,
} from './edm.ts';
import { entityJson, entryDocument, feedXml, keyPath, serviceDocument, type Shape } from './encode.ts';
import { errorJson, errorXml, ODataFault } from './fault.ts';
import { checkFilter, matches, parseFilter, tokenize, unknownProperty } from './filter.ts';
import { compareValues, literalAs, type Row } from './values.ts';

/**
 * One OData v2 service of the simulated Gateway: service document, `$metadata`, collections with
 * `$filter`/`$orderby`/`$select`/`$expand`/`$top`/`$skip`/`$inlinecount`/`$skiptoken`, `/$count`,
 * entities by key, navigation, and creates where the service has them (§1.4). What the data is lives
 * in a `ServiceData`; this file only speaks the protocol.
 */
export interface ServiceData {
  readonly model: EdmService;
  rows(entity: EdmEntity): readonly Row[];
  navigate(entity: EdmEntity, row: Row, nav: string): readonly Row[];
  /** A create (deep insert); throws an `ODataFault` to refuse. */
  create?(entity: EdmEntity, body: unknown): { readonly row: Row; readonly sapMessage?: string };
}

export interface ODataRequest {
  readonly method: string;
  /** The resource path after the service root, e.g. `A_Supplier('1')/to_SupplierCompany`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly accept: string;
  readonly body: string;
  /** The service root URL, ending in `/`. */
  readonly root: string;
  readonly now: Date;
  /** Server-driven paging: at most this many entities a page, with `__next` (0 = client-driven only). */
  readonly serverPageSize: number;
}

export interface ODataReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** True when the request stored something (a create). */
  readonly commits: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const DATA_HEADERS = { dataserviceversion: '2.0' };

/** JSON when asked for by `$format=json` or the Accept header; Atom/XML otherwise (§1.4). */
function wantsJson(request: ODataRequest): boolean {
  const format = request.query.get('$format');
  if (format !== null) {
    if (format === 'json') return true;
    if (format === 'xml' || format === 'atom') return false;
    throw new ODataFault(400, '/IWBEP/CM_MGW_RT/004', `Format '${format}' is not supported`);
  }
  return request.accept.includes('application/json');
}

/** Splits a resource path on `/` outside parentheses and quotes. */
function segments(path: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const c of path) {
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    if (c === '/' && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current !== '') parts.push(current);
  return parts;
}

const notFound = (segment: string) =>
  new ODataFault(404, '/IWBEP/CM_MGW_RT/020', `Resource not found for the segment '${segment}'`);

/** `('1')` or `(A='1',B=datetime'…')` → the key values, typed by the entity's key properties. */
function keyOf(entity: EdmEntity, text: string, segment: string): Row {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  const key: Record<string, Row[string]> = {};
  for (const part of parts) {
    const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(part);
    const name = eq === null ? (entity.keys.length === 1 ? entity.keys[0] : undefined) : eq[1];
    const property = name === undefined ? undefined : propertyOf(entity, name);
    const [token, ...rest] = tokenize(eq === null ? part : (eq[2] ?? ''));
    const value =
      property !== undefined && token?.t === 'lit' && rest.length === 0
        ? literalAs(property, token.literal)
        : undefined;
    if (name === undefined || value === undefined) throw notFound(segment);
    key[name] = value;
  }
  if (entity.keys.some((k) => !(k in key))) throw notFound(segment);
  return key;
}

interface Resolved {
  readonly entity: EdmEntity;
  /** The rows the path names: a set's or a navigation's rows, or one entity. */
  readonly rows: readonly Row[];
  readonly single: boolean;
  readonly count: boolean;
}

function resolve(data: ServiceData, path: string): Resolved {
  const parts = segments(path);
  const count = parts.at(-1) === '$count';
  if (count) parts.pop();
  const [first, ...navs] = parts;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/s.exec(first ?? '');
  const set = m?.[1] ?? '';
  let entity = entityBySet(data.model, set);
  if (m === null || entity === undefined) throw notFound(first ?? '');
  let rows = data.rows(entity);
  let single = false;
  if (m[2] !== undefined) {
    const key = keyOf(entity, m[2], first ?? '');
    const keyed = entity;
    const row = rows.find((r) =>
      keyed.keys.every(
        (k) => compareValues(propertyOf(keyed, k)?.type ?? 'Edm.String', r[k] ?? null, key[k] ?? null) === 0,
      ),
    );
    if (row === undefined) throw notFound(first ?? '');
    rows = [row];
    single = true;
  }
  for (const name of navs) {
    const nav = navigationOf(entity, name);
    const target = nav === undefined ? undefined : entityByType(data.model, nav.target);
    if (!single || nav === undefined || target === undefined) throw notFound(name);
    const [row] = rows;
    rows = row === undefined ? [] : data.navigate(entity, row, name);
    entity = target;
    single = !nav.many;
    if (single && rows.length === 0) throw notFound(name);
  }
  return { entity, rows, single, count };
}

/** `$orderby=A,B desc` applied (stable), every property checked. */
function ordered(rows: readonly Row[], entity: EdmEntity, orderby: string, namespace: string): Row[] {
  const keys = orderby
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((p) => p[0] !== undefined && p[0] !== '')
    .map(([name = '', direction]) => {
      const p = propertyOf(entity, name);
      if (p === undefined) throw unknownProperty(entity, name, namespace);
      return { name, type: p.type, sign: direction === 'desc' ? -1 : 1 };
    });
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const c = compareValues(k.type, a[k.name] ?? null, b[k.name] ?? null);
      if (c !== 0) return c * k.sign;
    }
    return 0;
  });
}

const list = (value: string | null): string[] =>
  value === null
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

function shapeOf(data: ServiceData, entity: EdmEntity, request: ODataRequest): Shape {
  const expand = list(request.query.get('$expand'));
  for (const name of expand)
    if (navigationOf(entity, name) === undefined) throw unknownProperty(entity, name, data.model.name);
  const selected = list(request.query.get('$select')).map((s) => s.split('/')[0] ?? s);
  for (const name of selected)
    if (name !== '*' && propertyOf(entity, name) === undefined && navigationOf(entity, name) === undefined)
      throw unknownProperty(entity, name, data.model.name);
  return {
    root: request.root,
    service: data.model,
    expand,
    select: selected.length === 0 || selected.includes('*') ? undefined : new Set(selected),
    navigate: (e, row, nav) => data.navigate(e, row, nav),
  };
}

const nonNegative = (request: ODataRequest, name: string): number | undefined => {
  const raw = request.query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw))
    throw new ODataFault(400, '/IWBEP/CM_MGW_RT/021', `Invalid value '${raw}' for ${name}`);
  return Number(raw);
};

function read(data: ServiceData, request: ODataRequest, json: boolean): ODataReply {
  const { entity, rows: all, single, count } = resolve(data, request.path);
  const shape = shapeOf(data, entity, request);
  const updated = request.now.toISOString().slice(0, 19) + 'Z';
  if (single) {
    const [row] = all;
    if (row === undefined) throw notFound(entity.set);
    return json
      ? reply(200, JSON_TYPE, JSON.stringify({ d: entityJson(entity, row, shape) }))
      : reply(
          200,
          'application/atom+xml;type=entry; charset=utf-8',
          entryDocument(entity, row, shape, updated),
        );
  }
  let rows: readonly Row[] = all;
  const filter = request.query.get('$filter');
  if (filter !== null && filter.trim() !== '') {
    const node = parseFilter(filter);
    checkFilter(node, entity, data.model.name);
    rows = rows.filter((row) => matches(node, row, entity));
  }
  const orderby = request.query.get('$orderby');
  if (orderby !== null) rows = ordered(rows, entity, orderby, data.model.name);
  if (count) return reply(200, 'text/plain; charset=utf-8', String(rows.length));
  const skip = nonNegative(request, '$skip') ?? 0;
  const top = nonNegative(request, '$top');
  const start = nonNegative(request, '$skiptoken') ?? skip;
  const end = Math.min(rows.length, top === undefined ? rows.length : skip + top);
  const pageEnd = request.serverPageSize > 0 ? Math.min(end, start + request.serverPageSize) : end;
  const page = rows.slice(start, Math.max(start, pageEnd));
  const inline = request.query.get('$inlinecount') === 'allpages' ? rows.length : undefined;
  let next: string | undefined;
  if (pageEnd < end) {
    const query = new URLSearchParams(request.query);
    query.set('$skiptoken', String(pageEnd));
    next = `${request.root}${request.path}?${query.toString().replace(/\+/g, '%20')}`;
  }
  if (!json)
    return reply(
      200,
      'application/atom+xml;type=feed; charset=utf-8',
      feedXml(entity, page, shape, updated, inline),
    );
  const d: Record<string, unknown> = {
    ...(inline === undefined ? {} : { __count: String(inline) }),
    results: page.map((row) => entityJson(entity, row, shape)),
    ...(next === undefined ? {} : { __next: next }),
  };
  return reply(200, JSON_TYPE, JSON.stringify({ d }));
}

function create(data: ServiceData, request: ODataRequest): ODataReply {
  const [only, ...more] = segments(request.path);
  const entity = entityBySet(data.model, only ?? '');
  if (entity === undefined || more.length > 0 || only?.includes('(') === true) throw notFound(only ?? '');
  if (entity.creatable !== true || data.create === undefined)
    throw new ODataFault(
      405,
      '/IWBEP/CM_MGW_RT/042',
      `The request method POST is not allowed for entity set '${entity.set}'`,
    );
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    throw new ODataFault(
      400,
      '/IWBEP/CM_MGW_RT/004',
      'The Data Services Request could not be understood due to malformed syntax',
    );
  }
  const created = data.create(entity, body);
  const shape: Shape = {
    root: request.root,
    service: data.model,
    expand: entity.navigations.map((n) => n.name),
    select: undefined,
    navigate: (e, row, nav) => data.navigate(e, row, nav),
  };
  return {
    status: 201,
    headers: {
      ...DATA_HEADERS,
      'content-type': JSON_TYPE,
      location: `${request.root}${keyPath(entity, created.row)}`,
      ...(created.sapMessage === undefined ? {} : { 'sap-message': created.sapMessage }),
    },
    body: JSON.stringify({ d: entityJson(entity, created.row, shape) }),
    commits: true,
  };
}

const reply = (status: number, type: string, body: string): ODataReply => ({
  status,
  headers: { ...DATA_HEADERS, 'content-type': type },
  body,
  commits: false,
});

/** Answers one request to the service; every refusal in SAP's error body, JSON or XML as asked. */
export function answerOData(data: ServiceData, request: ODataRequest): ODataReply {
  let json = request.accept.includes('application/json') || request.query.get('$format') === 'json';
  try {
    json = wantsJson(request);
    if (request.path === '$metadata' && request.method === 'GET')
      return reply(200, 'application/xml', metadataXml(data.model, request.root));
    if (request.path === '$batch')
      throw new ODataFault(400, '/IWBEP/CM_MGW_RT/011', 'Batch requests are not supported by this simulator');
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (request.path === '')
        return reply(
          200,
          json ? JSON_TYPE : 'application/xml',
          serviceDocument(data.model, request.root, json),
        );
      return read(data, request, json);
    }
    if (request.method === 'POST') return create(data, request);
    throw new ODataFault(
      405,
      '/IWBEP/CM_MGW_RT/042',
      `The request method ${request.method} is not allowed for '${request.path}'`,
    );
  } catch (error) {
    if (!(error instanceof ODataFault)) throw error;
    const context = { service: data.model.name, component: data.model.component, at: request.now };
    return json
      ? {
          status: error.status,
          headers: { 'content-type': JSON_TYPE },
          body: JSON.stringify(errorJson(error, context)),
          commits: false,
        }
      : {
          status: error.status,
          headers: { 'content-type': 'application/xml' },
          body: errorXml(error, context),
          commits: false,
        };
  }
}

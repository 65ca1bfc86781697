import type { ODataVersion } from '../client.ts';
import { errorBody, isRefusal, jsonType, REFUSALS, type B1Refusal } from './answers.ts';
import type { B1Book } from './book.ts';
import { ENTITY_SETS, versioned, type EntitySpec } from './entities.ts';
import { parseExact } from './exact-json.ts';
import { countRows, runQuery } from './query.ts';

/**
 * The entity-set resources of the simulated Service Layer, once the session is known: collection
 * reads with query options, `/$count`, reads by key, `POST` of documents (201 with the record and a
 * `Location`, or 204 with `Prefer: return-no-content`), and B1's refusal of `DELETE`/`PATCH` on
 * documents. `$batch`, `Login` and `Logout` are handled around it.
 */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: string;
  /** Whether a document was stored. */
  readonly commits: boolean;
}

export interface ServiceContext {
  readonly book: B1Book;
  readonly version: ODataVersion;
  /** The service root as a URL prefix, e.g. http://127.0.0.1:9103/b1s/v1/ */
  readonly base: string;
  /** B1's local date, `YYYY-MM-DD`. */
  readonly today: string;
  readonly pageSize: number;
  readonly caseInsensitive: boolean;
  readonly returnNoContent: boolean;
}

export const refused = (version: ODataVersion, r: B1Refusal): Answer => ({
  status: r.status,
  headers: { 'content-type': jsonType(version) },
  body: errorBody(version, r),
  commits: false,
});

const json = (
  ctx: ServiceContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Answer => ({
  status,
  headers: { 'content-type': jsonType(ctx.version), ...headers },
  body: JSON.stringify(body),
  commits: false,
});

/** `odata.metadata` (v1) or `@odata.context` (v2) of an answer. */
export const annotation = (ctx: ServiceContext, fragment: string): Record<string, string> =>
  ctx.version === 'v1'
    ? { 'odata.metadata': `${ctx.base}$metadata#${fragment}` }
    : { '@odata.context': `${ctx.base}$metadata#${fragment}` };

const RESOURCE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.+)\))?(?:\/(\$count|Cancel|Close))?$/;

/** A key literal of the URL: `123` for numeric keys, `'V10000'` for text keys. */
function keyOf(spec: EntitySpec, literal: string): string | number | undefined {
  if (spec.numericKey) return /^\d+$/.test(literal) ? Number(literal) : undefined;
  const m = /^'((?:[^']|'')*)'$/.exec(literal);
  return m === null ? undefined : (m[1] ?? '').replaceAll("''", "'");
}

function collection(ctx: ServiceContext, spec: EntitySpec, search: string): Answer {
  const answer = runQuery(spec.rows(ctx.book), spec.name, spec.properties, search, {
    size: ctx.pageSize,
    caseInsensitive: ctx.caseInsensitive,
  });
  if (isRefusal(answer)) return refused(ctx.version, answer);
  const v1 = ctx.version === 'v1';
  return json(ctx, 200, {
    ...annotation(ctx, spec.name),
    ...(answer.count === undefined ? {} : { [v1 ? 'odata.count' : '@odata.count']: answer.count }),
    value: answer.rows.map((row) => versioned(row, spec, ctx.version)),
    ...(answer.nextLink === undefined
      ? {}
      : { [v1 ? 'odata.nextLink' : '@odata.nextLink']: answer.nextLink }),
  });
}

function create(ctx: ServiceContext, spec: EntitySpec, body: string): Answer {
  if (spec.create === undefined) return refused(ctx.version, REFUSALS.notSupported());
  let parsed: unknown;
  try {
    parsed = parseExact(body);
  } catch {
    return refused(ctx.version, REFUSALS.notJson());
  }
  const row = spec.create(ctx.book, parsed, ctx.today);
  if (isRefusal(row)) return refused(ctx.version, row);
  const key = row[spec.key];
  const location = `${ctx.base}${spec.name}(${typeof key === 'number' ? key : `'${String(key)}'`})`;
  if (ctx.returnNoContent) return { status: 204, headers: { location }, body: '', commits: true };
  const element = ctx.version === 'v1' ? `${spec.name}/@Element` : `${spec.name}/$entity`;
  return {
    ...json(ctx, 201, { ...annotation(ctx, element), ...versioned(row, spec, ctx.version) }, { location }),
    commits: true,
  };
}

/** One request on an entity-set resource (`JournalEntries`, `BusinessPartners('V1')`, `…/$count`). */
export function handleResource(
  ctx: ServiceContext,
  method: string,
  resource: string,
  search: string,
  body: string,
): Answer {
  // the company's administration data (CompanyService, [inferred] answer shape): the local currency
  if (resource === 'CompanyService_GetAdminInfo')
    return method === 'POST'
      ? json(ctx, 200, {
          ...annotation(ctx, 'AdminInfo'),
          LocalCurrency: ctx.book.localCurrency,
          SystemCurrency: ctx.book.localCurrency,
        })
      : refused(ctx.version, REFUSALS.notSupported());
  const m = RESOURCE.exec(resource);
  const spec =
    m === null ? undefined : Object.hasOwn(ENTITY_SETS, m[1] ?? '') ? ENTITY_SETS[m[1] ?? ''] : undefined;
  if (m === null || spec === undefined) return refused(ctx.version, REFUSALS.serviceNotFound());
  const [, , keyText, action] = m;
  if (keyText === undefined) {
    if (action === '$count' && method === 'GET') {
      const n = countRows(spec.rows(ctx.book), spec.properties, search, ctx.caseInsensitive);
      if (isRefusal(n)) return refused(ctx.version, n);
      return {
        status: 200,
        headers: { 'content-type': 'text/plain;charset=utf-8' },
        body: String(n),
        commits: false,
      };
    }
    if (action !== undefined) return refused(ctx.version, REFUSALS.serviceNotFound());
    if (method === 'GET') return collection(ctx, spec, search);
    if (method === 'POST') return create(ctx, spec, body);
    return refused(ctx.version, REFUSALS.notSupported());
  }
  const key = keyOf(spec, keyText);
  const row = key === undefined ? undefined : spec.rows(ctx.book).find((r) => r[spec.key] === key);
  if (method === 'GET' && action === undefined) {
    if (row === undefined) return refused(ctx.version, REFUSALS.noRecord());
    const element = ctx.version === 'v1' ? `${spec.name}/@Element` : `${spec.name}/$entity`;
    return json(ctx, 200, { ...annotation(ctx, element), ...versioned(row, spec, ctx.version) });
  }
  // documents are not deleted or changed through this simulator; B1 refuses DELETE on documents (§2.4)
  return refused(ctx.version, REFUSALS.notSupported());
}

import { parseQ, QueryError, type Row } from './q-filter.ts';

/**
 * Oracle's REST framework conventions (§3.2, §3.6) as the simulator answers them: the collection
 * envelope `items/count/hasMore/limit/offset/links` (+ `totalResults` on request), default limit 25
 * clamped at 500, `onlyData`, `fields`, `orderBy`, `q`; errors as text/plain unless the caller accepts
 * `application/vnd.oracle.adf.error+json`.
 */
export const MEDIA = {
  collection: 'application/vnd.oracle.adf.resourcecollection+json',
  item: 'application/vnd.oracle.adf.resourceitem+json',
  error: 'application/vnd.oracle.adf.error+json',
  json: 'application/json',
} as const;

export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** JSON with exact decimals: a value made by `decimal()` is written as its digits. */
export const json = (value: unknown): string => JSON.stringify(value);

/** A decimal amount written as a bare JSON number, digit for digit. */
export const decimal = (text: string): unknown =>
  (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

export interface Caller {
  /** REST-Framework-Version the request named (1 when absent). */
  readonly framework: number;
  /** Whether the caller accepts the structured error media type. */
  readonly structuredErrors: boolean;
  /** Base of resource links, e.g. http://127.0.0.1:9000/fscmRestApi/resources/11.13.18.05 */
  readonly root: string;
  /** Most items one page holds (500; lower to reproduce pods that return fewer than asked). */
  readonly pageCap: number;
}

export interface ErrorDetail {
  readonly detail: string;
  readonly code?: string;
  readonly path?: string;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** An error the way Oracle answers it to this caller. */
export function errorAnswer(caller: Caller, status: number, details: readonly ErrorDetail[]): Answer {
  const title = TITLES[status] ?? 'Error';
  if (!caller.structuredErrors)
    return {
      status,
      type: 'text/plain; charset=UTF-8',
      body: details.map((d) => d.detail).join('\n') || title,
    };
  return {
    status,
    type: `${MEDIA.error}; charset=UTF-8`,
    body: json({
      title,
      status: String(status),
      'o:errorDetails': details.map((d) => ({
        detail: d.detail,
        ...(d.code === undefined ? {} : { 'o:errorCode': d.code }),
        ...(d.path === undefined ? {} : { 'o:errorPath': d.path }),
      })),
    }),
  };
}

export const itemAnswer = (status: number, item: unknown): Answer => ({
  status,
  type: `${MEDIA.item}; charset=UTF-8`,
  body: json(item),
});

type Params = Readonly<Record<string, string | undefined>>;

const selfLink = (href: string, name: string, kind: 'item' | 'collection') => ({
  rel: 'self',
  href,
  name,
  kind,
});

/** An item with its links (self, canonical, and its child collections) unless onlyData. */
export function withLinks(
  item: Row,
  href: string,
  name: string,
  children: readonly string[],
  onlyData: boolean,
): Row {
  if (onlyData) return item;
  return {
    ...item,
    links: [
      selfLink(href, name, 'item'),
      { rel: 'canonical', href, name, kind: 'item' },
      ...children.map((child) => ({
        rel: 'child',
        href: `${href}/child/${child}`,
        name: child,
        kind: 'collection',
      })),
    ],
  };
}

/**
 * One page of a collection: filtered by `q`, ordered by `orderBy`, projected by `fields`, paged by
 * `limit`/`offset`. `name` is the collection's path under the root (`journalBatches/1/child/journalHeaders`);
 * `linkOf` gives each row's own URL. Throws QueryError for the caller's mistakes.
 */
export function collection(
  caller: Caller,
  name: string,
  rows: readonly Row[],
  params: Params,
  attributes: ReadonlySet<string>,
  linkOf: (row: Row) => string,
  children: readonly string[] = [],
): Answer {
  const onlyData = params['onlyData'] === 'true';
  const q = params['q'];
  const filtered =
    q === undefined || q === '' ? [...rows] : rows.filter(parseQ(q, caller.framework, attributes));
  const orderBy = params['orderBy'];
  if (orderBy !== undefined && orderBy !== '') {
    const keys = orderBy.split(',').map((part) => {
      const [attribute = '', direction = 'asc'] = part.trim().split(':');
      if (!attributes.has(attribute))
        throw new QueryError(`the attribute ${attribute} in orderBy isn't valid`);
      if (direction !== 'asc' && direction !== 'desc')
        throw new QueryError(`orderBy direction ${direction} isn't valid`);
      return { attribute, sign: direction === 'desc' ? -1 : 1 };
    });
    filtered.sort((a, b) => {
      for (const { attribute, sign } of keys) {
        const x = a[attribute];
        const y = b[attribute];
        const c =
          x === y
            ? 0
            : x === null || x === undefined
              ? -1
              : y === null || y === undefined
                ? 1
                : sortCompare(x, y);
        if (c !== 0) return c * sign;
      }
      return 0;
    });
  }
  const limit = Math.max(1, Math.min(500, Number(params['limit'] ?? 25) || 25));
  const offset = Math.max(0, Number(params['offset'] ?? 0) || 0);
  // a pod may hand back fewer than it was asked for (the 499 quirk) and say hasMore
  const page = filtered.slice(offset, offset + Math.min(limit, caller.pageCap));
  const fields = params['fields'];
  const projected =
    fields === undefined || fields === ''
      ? page.map((row) => ({ row, item: row }))
      : page.map((row) => {
          const names = fields.split(',').map((f) => f.trim());
          for (const f of names)
            if (!attributes.has(f)) throw new QueryError(`the attribute ${f} in fields isn't valid`);
          return { row, item: Object.fromEntries(names.map((f) => [f, row[f] ?? null])) };
        });
  const href = `${caller.root}/${name}`;
  // links name the resource, not its path: a child collection's items are `journalHeaders`, not `journalBatches/1/child/journalHeaders`
  const resource = name.slice(name.lastIndexOf('/') + 1);
  return {
    status: 200,
    type: `${MEDIA.collection}; charset=UTF-8`,
    body: json({
      items: projected.map(({ row, item }) => withLinks(item, linkOf(row), resource, children, onlyData)),
      ...(params['totalResults'] === 'true' ? { totalResults: filtered.length } : {}),
      count: page.length,
      hasMore: offset + page.length < filtered.length,
      limit,
      offset,
      links: [selfLink(href, resource, 'collection')],
    }),
  };
}

function sortCompare(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const a = typeof x === 'string' ? x : JSON.stringify(x);
  const b = typeof y === 'string' ? y : JSON.stringify(y);
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (
    /^\d{4}-\d{2}-\d{2}T/.test(a) &&
    /^\d{4}-\d{2}-\d{2}T/.test(b) &&
    !Number.isNaN(ta) &&
    !Number.isNaN(tb)
  )
    return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export { QueryError };

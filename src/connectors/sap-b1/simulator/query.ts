import { isRefusal, REFUSALS, type B1Refusal } from './answers.ts';
import { millionthsOf, NumberText } from './exact-json.ts';
import { parseFilter, type Row } from './filter.ts';

/**
 * Collection reads of the simulated Service Layer (§2.3): `$filter`, `$select`, `$orderby`, `$top`,
 * `$skip`, `$inlinecount=allpages` (v1) / `$count=true` (v2); server paging of `Prefer:
 * odata.maxpagesize=N` or `B1S-PageSize: N` (default 20; 0 = no paging) with a next link relative to
 * the service root that repeats the query options as they were sent, then `$top` (what is left of it)
 * and `$skip`. A full last page still carries a next link (the page after it is empty); a `$top` that
 * fits in one page has none.
 */
export interface QueryAnswer {
  readonly rows: readonly Row[];
  readonly count?: number;
  readonly nextLink?: string;
}

/** The raw `name=value` pairs of a query string, values still percent-encoded, in order. */
export function rawOptions(search: string): [string, string][] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
}

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
};

/** Page size asked for: `Prefer: odata.maxpagesize=N`, else `B1S-PageSize: N`, else 20. */
export function pageSizeOf(prefer: string | undefined, legacy: string | undefined): number {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  const size = m?.[1] ?? (legacy !== undefined && /^\d+$/.test(legacy.trim()) ? legacy.trim() : undefined);
  return size === undefined ? 20 : Number(size);
}

/** A value as sortable text: numbers by their digits, anything that is not a scalar as ''. */
const textOf = (value: unknown): string =>
  value instanceof NumberText
    ? value.text
    : typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (a instanceof NumberText || b instanceof NumberText || typeof a === 'number') {
    const x = millionthsOf(textOf(a));
    const y = millionthsOf(textOf(b));
    if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = textOf(a);
  const y = textOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const count = (text: string | undefined): number | null | undefined => {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : null;
};

/**
 * Runs a collection read over the rows of an entity set. `entitySet` is the path the next link starts
 * with; `properties` the names $filter, $select and $orderby may use.
 */
export function runQuery(
  rows: readonly Row[],
  entitySet: string,
  properties: ReadonlySet<string>,
  search: string,
  page: { readonly size: number; readonly caseInsensitive: boolean },
): QueryAnswer | B1Refusal {
  const raw = rawOptions(search);
  const options = new Map<string, string>();
  for (const [name, value] of raw) {
    const decoded = decode(value);
    const key = decode(name);
    if (decoded === undefined || key === undefined) return REFUSALS.badFilter();
    options.set(key, decoded);
  }
  let selected = [...rows];
  const filter = options.get('$filter');
  if (filter !== undefined && filter.trim() !== '') {
    const predicate = parseFilter(filter, properties, page.caseInsensitive);
    if (isRefusal(predicate)) return predicate;
    selected = selected.filter(predicate);
  }
  const orderby = options.get('$orderby');
  if (orderby !== undefined && orderby.trim() !== '') {
    const keys: { name: string; desc: boolean }[] = [];
    for (const item of orderby.split(',')) {
      const [name = '', direction = 'asc', ...extra] = item.trim().split(/\s+/);
      if (!properties.has(name)) return REFUSALS.badQueryProperty(name);
      if (extra.length > 0 || !/^(asc|desc)$/i.test(direction)) return REFUSALS.badFilter();
      keys.push({ name, desc: direction.toLowerCase() === 'desc' });
    }
    selected.sort((a, b) => {
      for (const key of keys) {
        const c = compareValues(a[key.name], b[key.name]);
        if (c !== 0) return key.desc ? -c : c;
      }
      return 0;
    });
  }
  const select = options.get('$select');
  const fields =
    select === undefined || select.trim() === '' ? undefined : select.split(',').map((f) => f.trim());
  for (const field of fields ?? []) if (!properties.has(field)) return REFUSALS.badQueryProperty(field);
  const top = count(options.get('$top'));
  const skip = count(options.get('$skip'));
  if (top === null || skip === null) return REFUSALS.badFilter();
  const total = selected.length;
  const from = skip ?? 0;
  const wanted = top ?? Infinity;
  const take = page.size > 0 ? Math.min(page.size, wanted) : wanted;
  const pageRows = selected.slice(from, from + take);
  const left = wanted - take;
  const full = page.size > 0 && take === page.size && pageRows.length === take && left > 0;
  const repeated = raw.filter(([name]) => name !== '$skip' && name !== '$top').map(([n, v]) => `${n}=${v}`);
  const nextLink = full
    ? `${entitySet}?${[...repeated, ...(top === undefined ? [] : [`$top=${left}`]), `$skip=${from + take}`].join('&')}`
    : undefined;
  const inline = options.get('$inlinecount') === 'allpages' || options.get('$count') === 'true';
  return {
    rows:
      fields === undefined ? pageRows : pageRows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]]))),
    ...(inline ? { count: total } : {}),
    ...(nextLink === undefined ? {} : { nextLink }),
  };
}

/** `GET <set>/$count?$filter=…`: the number of rows the filter keeps. */
export function countRows(
  rows: readonly Row[],
  properties: ReadonlySet<string>,
  search: string,
  caseInsensitive: boolean,
): number | B1Refusal {
  const filter = rawOptions(search).find(([name]) => name === '$filter');
  if (filter === undefined) return rows.length;
  const text = decode(filter[1]);
  if (text === undefined) return REFUSALS.badFilter();
  const predicate = parseFilter(text, properties, caseInsensitive);
  return isRefusal(predicate) ? predicate : rows.filter(predicate).length;
}

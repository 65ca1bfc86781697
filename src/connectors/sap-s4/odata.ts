/**
 * OData v2 values as SAP Gateway writes and reads them (§1.4 "Value encoding"): `Edm.DateTime` as
 * `/Date(<ms since epoch UTC>)/` (date-only fields at midnight UTC), `Edm.DateTimeOffset` as
 * `/Date(<ms>+0000)/`, `Edm.Time` as an ISO-8601 duration `PT10H15M01S`, decimals as strings; and the
 * `$filter` literals of the same types. Pure; the client and the simulator share it.
 */

const DATE_VALUE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const TIME_VALUE = /^PT(?:(\d{1,2})H)?(?:(\d{1,2})M)?(?:(\d{1,2})(?:\.\d+)?S)?$/;

/** `2026-11-28` → `/Date(1795737600000)/` (a calendar date is midnight UTC). */
export const odataDate = (isoDate: string): string => `/Date(${Date.parse(`${isoDate}T00:00:00Z`)})/`;

/** `/Date(ms)/` or `/Date(ms+0000)/` → milliseconds since the epoch (UTC), or undefined. */
export function odataMillis(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_VALUE.exec(value);
  if (m === null) return undefined;
  // the ticks are UTC; an offset (`/Date(ms+0000)/`) only tells the zone it was written in
  const ms = Number(m[1]);
  return Number.isFinite(ms) ? ms : undefined;
}

/** An OData date value as `YYYY-MM-DD` (the UTC calendar day), or undefined. */
export function isoDateOf(value: unknown): string | undefined {
  const ms = odataMillis(value);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** An OData date-time value as `YYYY-MM-DDTHH:MM:SS` (UTC, seconds), or undefined. */
export function isoDateTimeOf(value: unknown): string | undefined {
  const ms = odataMillis(value);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 19);
}

/** `PT10H15M01S` → `10:15:01`, or undefined. */
export function clockOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIME_VALUE.exec(value);
  if (m === null) return undefined;
  const two = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  return `${two(m[1])}:${two(m[2])}:${two(m[3])}`;
}

/** `10:15:01` → `PT10H15M01S`. */
export const odataTime = (clock: string): string => {
  const [h = '00', m = '00', s = '00'] = clock.split(':');
  return `PT${h}H${m}M${s}S`;
};

/** A string literal of `$filter`: single quotes, a quote inside doubled. */
export const stringLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** `datetime'2026-11-28T10:15:01'` from `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`. */
export const dateTimeLiteral = (iso: string): string =>
  `datetime'${iso.length === 10 ? `${iso}T00:00:00` : iso.slice(0, 19)}'`;
/** `datetimeoffset'2026-11-28T10:15:01Z'`. */
export const dateTimeOffsetLiteral = (iso: string): string => `datetimeoffset'${iso.slice(0, 19)}Z'`;
/** `time'PT10H15M01S'` from `HH:MM:SS`. */
export const timeLiteral = (clock: string): string => `time'${odataTime(clock)}'`;

/** A query string of system query options, values percent-encoded (spaces as %20, never `+`). */
export function queryOf(options: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One page of a collection answer `{"d":{"results":[…],"__count":"n","__next":"…"}}`. */
export interface Collection {
  readonly results: readonly Readonly<Record<string, unknown>>[];
  readonly count?: number;
  readonly next?: string;
}

/** Reads `d.results` (v2 JSON); undefined when the body is not that shape. */
export function collectionOf(body: unknown): Collection | undefined {
  const d = isRecord(body) ? body['d'] : undefined;
  if (!isRecord(d)) return undefined;
  const results = Array.isArray(d) ? d : d['results'];
  if (!Array.isArray(results)) return undefined;
  const count = typeof d['__count'] === 'string' ? Number(d['__count']) : undefined;
  const next = typeof d['__next'] === 'string' ? d['__next'] : undefined;
  return {
    results: results.filter(isRecord),
    ...(count === undefined || !Number.isFinite(count) ? {} : { count }),
    ...(next === undefined ? {} : { next }),
  };
}

/** Reads a single entity answer `{"d":{…}}`; undefined when the body is not that shape. */
export function entityOf(body: unknown): Readonly<Record<string, unknown>> | undefined {
  const d = isRecord(body) ? body['d'] : undefined;
  return isRecord(d) && !Array.isArray(d['results']) ? d : undefined;
}

/** A string property, '' when absent or not a string. */
export const textOf = (row: Readonly<Record<string, unknown>>, name: string): string => {
  const value = row[name];
  return typeof value === 'string' ? value : '';
};

import type { ODataVersion } from './client.ts';

/**
 * OData query text as the Service Layer reads it (§2.3): string literals in single quotes (a quote
 * doubled), query options percent-encoded, collections under `value` with the next page's link in
 * `odata.nextLink` (v1) or `@odata.nextLink` (v2), relative to the service root.
 */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * A date literal for `$filter`: v1 takes the quoted `'2026-11-28'` ([observed] for v1 dates); v2 the
 * OData v4 date-time `2026-11-28T00:00:00Z` ([inferred] from its Edm.DateTimeOffset properties).
 */
export const dateLiteral = (version: ODataVersion, date: string): string =>
  version === 'v1' ? literal(date) : `${date}T00:00:00Z`;

/** `$filter=…&$select=…` with each value percent-encoded; options without a value are left out. */
export function queryString(options: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(options)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a collection answer and the link to its next page, if any. */
export function collectionOf(body: Readonly<Record<string, unknown>> | undefined): {
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly next: string | undefined;
} {
  const value = body?.['value'];
  const rows = Array.isArray(value) ? value.filter(isRecord) : [];
  const next = body?.['odata.nextLink'] ?? body?.['@odata.nextLink'];
  return { rows, next: typeof next === 'string' && next !== '' ? next : undefined };
}

/**
 * A next-page link as a resource of the service: B1 writes it relative to the service root; an
 * absolute link is accepted when it points into the same service, and anything else refused.
 */
export function resourceOfLink(link: string, root: string): string | undefined {
  if (/^https?:\/\//i.test(link))
    return link.startsWith(`${root}/`) ? link.slice(root.length + 1) : undefined;
  const path = new URL(root).pathname;
  if (link.startsWith('/')) return link.startsWith(`${path}/`) ? link.slice(path.length + 1) : undefined;
  return link;
}

import { sql, type RawBuilder } from 'kysely';

/** Case-insensitive "contains" that treats % and _ in the user's text literally, on both engines. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/**
 * One page of rows read in id order with `limit + 1`: the extra row only tells that there is a next
 * page, which starts after the page's last id.
 */
export function pageById<T extends { readonly id: string }>(
  rows: readonly T[],
  limit: number,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

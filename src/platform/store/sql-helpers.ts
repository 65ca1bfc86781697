import { sql, type RawBuilder } from 'kysely';

/** Case-insensitive "contains" that treats % and _ in the user's text literally, on both engines. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

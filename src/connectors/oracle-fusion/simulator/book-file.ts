import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BookSnapshot } from './book.ts';

/**
 * The simulator's book on disk (`finbridge sim oracle-fusion --book FILE`): one JSON file, written to a
 * temporary file and renamed over the old one, so a crash leaves either the old book or the new one.
 */
export function loadBook(file: string): BookSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file} is not a readable simulator book: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const marks = parsed as { erp?: unknown; version?: unknown } | null;
  if (marks?.erp !== 'oracle-fusion' || marks.version !== 1)
    throw new Error(
      `${file} is not an Oracle Fusion simulator book (erp ${JSON.stringify(marks?.erp)}, version ${JSON.stringify(marks?.version)})`,
    );
  return parsed as BookSnapshot;
}

export function saveBook(file: string, snapshot: BookSnapshot): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, file);
}

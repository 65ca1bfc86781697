import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * A simulator book kept in one JSON file (`finbridge sim sap-b1 --book FILE`): read once at start,
 * written whole after every commit to a temporary file that then replaces the old one, so a crash
 * leaves either the old book or the new one, never half of one.
 */
export const BOOK_FORMAT = 'finbridge-sap-b1-simulator/1';

export function readBookFile(file: string): unknown {
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== BOOK_FORMAT
  )
    throw new Error(`${file} is not a SAP Business One simulator book (${BOOK_FORMAT})`);
  return parsed;
}

export function writeBookFile(file: string, contents: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(contents));
  renameSync(temporary, file);
}

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BookState } from './documents.ts';

/**
 * A simulator book kept in a JSON file (`finbridge sim sap-s4 --book FILE`): read on start, so the
 * documents posted before a restart are still there and numbering goes on; written whole after every
 * posting to a temporary file that is then renamed over the old one, so a crash leaves either the old
 * book or the new one, never half of one.
 */
export class BookFile {
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  load(): BookState | undefined {
    if (!existsSync(this.path)) return undefined;
    const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<BookState> & { version?: number };
    if (parsed.version !== 1)
      throw new Error(`${this.path}: not a sap-s4 simulator book (version ${String(parsed.version)})`);
    return { journalEntries: parsed.journalEntries ?? [], supplierInvoices: parsed.supplierInvoices ?? [] };
  }

  save(state: BookState): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, ...state }));
    renameSync(temporary, this.path);
  }
}

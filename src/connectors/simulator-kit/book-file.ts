import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * A simulator's book file (`SimulatorStartOptions.bookFile`, `finbridge sim … --book FILE`), whichever
 * ERP it simulates: which simulator wrote a file, so one ERP's simulator refuses another's book (or a
 * corrupt one) with a clear message instead of starting on it; and the JSON snapshot that simulators
 * keeping their book in memory (Yonyou U8+, YonBIP) write after every committed change — a temporary
 * file renamed over the book, so a crash leaves either the old book or the new one, never half of one.
 * A simulator keeping its book in SQLite (Kingdee's, kingdee/simulator/book-store.ts) records its ERP
 * in a `book_meta` table; a JSON book names its ERP in `erp`.
 */
export const SQLITE_HEADER = 'SQLite format 3\0';

/** What a book file holds before a simulator opens it. */
export type BookFileContents =
  /** No file, or an empty one: a new book. */
  | { readonly kind: 'none' }
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'other' };

/** The message a refused book file is reported with: `book file <path> <why>`. */
export class BookFileError extends Error {
  constructor(path: string, why: string) {
    super(`book file ${path} ${why}`);
    this.name = 'BookFileError';
  }
}

export function inspectBookFile(path: string): BookFileContents {
  if (!existsSync(path)) return { kind: 'none' };
  if (!statSync(path).isFile()) return { kind: 'other' };
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return { kind: 'none' };
  if (read === head.length && head.toString('latin1') === SQLITE_HEADER) return { kind: 'sqlite' };
  const text = readFileSync(path, 'utf8');
  return text.trimStart().startsWith('{') ? { kind: 'json', text } : { kind: 'other' };
}

/** The ERP an SQLite book names in its `book_meta`, or undefined when it names none (or cannot be read). */
export function sqliteBookErp(path: string): string | undefined {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 100 });
    try {
      const row = db.prepare("select value from book_meta where key = 'erp'").get() as
        { value: string } | undefined;
      return row?.value;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** Why a file that is not `erp`'s book is refused, for a file `inspectBookFile` has looked at. */
export function foreignBook(path: string, erp: string, contents: BookFileContents): BookFileError {
  const written = (other: string) =>
    other === erp
      ? corrupt(path, `it names ${erp} but is not in the layout the ${erp} simulator writes`)
      : new BookFileError(path, `was written by the ${other} simulator; the ${erp} simulator cannot open it`);
  switch (contents.kind) {
    case 'sqlite': {
      const other = sqliteBookErp(path);
      return other === undefined
        ? new BookFileError(path, `is an SQLite database but no simulator book (no book_meta naming its ERP)`)
        : written(other);
    }
    case 'json': {
      const other = jsonErp(contents.text);
      return other === undefined
        ? corrupt(path, 'JSON without an "erp" naming its simulator')
        : written(other);
    }
    case 'none':
    case 'other':
      return corrupt(path, 'neither a JSON nor an SQLite book');
  }
}

export const corrupt = (path: string, detail: string): BookFileError =>
  new BookFileError(path, `is corrupt or not a simulator book (${detail})`);

/** A book that is not in its simulator's layout, naming the first few fields that are wrong. */
export const misshapen = (
  path: string,
  failures: readonly { pointer: string; code: string }[],
): BookFileError =>
  corrupt(
    path,
    failures
      .slice(0, 5)
      .map((f) => `${f.pointer || '/'}: ${f.code}`)
      .join(', ') + (failures.length > 5 ? `, and ${failures.length - 5} more` : ''),
  );

const jsonErp = (text: string): string | undefined => {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as { erp?: unknown }).erp === 'string'
      ? (value as { erp: string }).erp
      : undefined;
  } catch {
    return undefined;
  }
};

/** The envelope of a JSON book: which simulator wrote it, in which layout, and the book itself. */
interface JsonBookEnvelope {
  readonly erp: string;
  readonly format: number;
  readonly book: unknown;
}

/**
 * Reads a JSON book written by `erp`'s simulator in layout `format`: its `book`, or undefined when the
 * file does not exist yet (or is empty). Anything else — another ERP's book, an SQLite book, a
 * truncated or hand-broken file, another layout — is refused with a BookFileError.
 */
export function readJsonBook(path: string, erp: string, format: number): unknown {
  const contents = inspectBookFile(path);
  if (contents.kind === 'none') return undefined;
  if (contents.kind !== 'json') throw foreignBook(path, erp, contents);
  let value: unknown;
  try {
    value = JSON.parse(contents.text);
  } catch (error) {
    throw corrupt(path, error instanceof Error ? error.message : String(error));
  }
  const envelope = value as Partial<JsonBookEnvelope>;
  if (typeof envelope.erp !== 'string') throw corrupt(path, 'no "erp" naming its simulator');
  if (envelope.erp !== erp) throw foreignBook(path, erp, contents);
  if (envelope.format !== format)
    throw new BookFileError(
      path,
      `has layout ${String(envelope.format)}; this ${erp} simulator reads layout ${format}`,
    );
  if (typeof envelope.book !== 'object' || envelope.book === null) throw corrupt(path, 'no "book"');
  return envelope.book;
}

/** Writes a JSON book atomically: a temporary file beside it, renamed over it. */
export function writeJsonBook(path: string, erp: string, format: number, book: unknown): void {
  const envelope: JsonBookEnvelope = { erp, format, book };
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(envelope)}\n`);
  renameSync(temporary, path);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BookFileError, corrupt, foreignBook, inspectBookFile } from '../../simulator-kit/book-file.ts';

/**
 * Where the simulated data centre keeps its documents: an SQLite file of its own, as the real K/3 Cloud
 * keeps them in its database rather than in the web server's memory. A book of 100,000s of vouchers
 * then costs the process nothing but a small page cache, and the simulator's memory stays flat however
 * long a run. Without a book file the database lives in a fresh temporary directory removed on close;
 * with one (`bookFile`) it is that file, kept and opened again on the next start. Besides the
 * documents it keeps `book_meta` (which ERP wrote it, and the ledger's counters) and the base data.
 */
export const KINGDEE_BOOK = { erp: 'kingdee-k3cloud', format: 1 } as const;

export class BookStore {
  /** The temporary directory of a scratch book, removed on close. */
  readonly #scratch: string | undefined;
  readonly #db: Database.Database;
  /** The book file, when the book outlives the process. */
  readonly file: string | undefined;
  /** True when the file already held a book at start. */
  readonly reopened: boolean;
  readonly #getMeta: Database.Statement<[string], { value: string }>;
  readonly #putMeta: Database.Statement<[string, string]>;

  constructor(file?: string) {
    this.file = file;
    if (file === undefined) {
      this.#scratch = mkdtempSync(join(tmpdir(), 'finbridge-kingdee-sim-'));
      this.#db = new Database(join(this.#scratch, 'book.db'));
      // A scratch book that only this process opens: nothing to recover after a crash, so no journal on
      // disk and no fsync, and the file lock is taken once instead of per statement.
      this.#db.pragma('locking_mode = EXCLUSIVE');
      this.#db.pragma('journal_mode = MEMORY');
      this.#db.pragma('synchronous = OFF');
      this.reopened = false;
    } else {
      this.#scratch = undefined;
      this.#db = openBookFile(file);
      this.reopened = isBook(this.#db);
      if (!this.reopened && hasTables(this.#db)) {
        this.#db.close();
        throw foreignBook(file, KINGDEE_BOOK.erp, { kind: 'sqlite' });
      }
    }
    this.#db.exec('create table if not exists book_meta (key text primary key, value text not null)');
    this.#getMeta = this.#db.prepare('select value from book_meta where key = ?');
    this.#putMeta = this.#db.prepare('insert or replace into book_meta (key, value) values (?, ?)');
    if (this.reopened) this.#checkIdentity();
    else {
      this.setMeta('erp', KINGDEE_BOOK.erp);
      this.setMeta('format', String(KINGDEE_BOOK.format));
    }
  }

  /** A table of documents with an id, a number (unique within its form) and a JSON body. */
  table<T extends Numbered>(name: string, codec: Codec<T>): DocumentTable<T> {
    return new DocumentTable(this.#db, name, codec);
  }

  /** A table of base-data records (form, number, JSON body) kept in id order. */
  baseTable(): BaseTable {
    return new BaseTable(this.#db);
  }

  meta(key: string): string | undefined {
    return this.#getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#putMeta.run(key, value);
  }

  /** Runs `work` as one transaction (a BatchSave commits all its documents at once). */
  atomically<R>(work: () => R): R {
    return this.#db.transaction(work)();
  }

  close(): void {
    this.#db.close();
    if (this.#scratch !== undefined) rmSync(this.#scratch, { recursive: true, force: true });
  }

  #checkIdentity(): void {
    const file = this.file ?? '';
    const erp = this.meta('erp');
    if (erp !== KINGDEE_BOOK.erp) {
      this.#db.close();
      throw foreignBook(file, KINGDEE_BOOK.erp, { kind: 'sqlite' });
    }
    const format = this.meta('format');
    if (format !== String(KINGDEE_BOOK.format)) {
      this.#db.close();
      throw new BookFileError(
        file,
        `has layout ${format ?? '(none)'}; this ${KINGDEE_BOOK.erp} simulator reads layout ${KINGDEE_BOOK.format}`,
      );
    }
  }
}

/**
 * Opens a book file for this process alone (an exclusive lock, so a second simulator on the same file
 * is refused), write-ahead logged so a killed simulator loses nothing it answered for; refuses a file
 * that is not an SQLite database (another simulator's JSON book) or a damaged one.
 */
function openBookFile(file: string): Database.Database {
  const contents = inspectBookFile(file);
  if (contents.kind !== 'none' && contents.kind !== 'sqlite')
    throw foreignBook(file, KINGDEE_BOOK.erp, contents);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 100 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check: unknown = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(file, `quick_check: ${String(check)}`);
    db.exec('begin exclusive; commit');
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof BookFileError) throw error;
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new BookFileError(file, 'is open in another simulator (the database is locked)');
    if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')))
      throw corrupt(file, message);
    throw new BookFileError(file, `cannot be opened (${message})`);
  }
}

const hasTables = (db: Database.Database): boolean =>
  db.prepare("select 1 from sqlite_master where type = 'table' limit 1").get() !== undefined;

const isBook = (db: Database.Database): boolean =>
  db.prepare("select 1 from sqlite_master where type = 'table' and name = 'book_meta'").get() !== undefined;

interface Numbered {
  readonly id: number;
  readonly billNo: string;
}

/** How a document is kept: as JSON (amounts in fen as strings), and the form its number is unique in. */
export interface Codec<T> {
  encode(value: T): unknown;
  decode(stored: unknown): T;
  formOf?(value: T): string;
}

/** Documents of one kind, read and written like a Map keyed by id. */
export class DocumentTable<T extends Numbered> {
  readonly #get: Database.Statement<[number], { body: string }>;
  readonly #put: Database.Statement<[number, string, string, string]>;
  readonly #delete: Database.Statement<[number]>;
  readonly #all: Database.Statement<[], { body: string }>;
  readonly #count: Database.Statement<[], { n: number }>;
  readonly #byNumber: Database.Statement<[string, string], { body: string }>;
  readonly #codec: Codec<T>;

  constructor(db: Database.Database, name: string, codec: Codec<T>) {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`bad table name ${name}`);
    db.exec(
      `create table if not exists ${name} (id integer primary key, form text not null, bill_no text not null, body text not null);
       create index if not exists ${name}_number on ${name} (form, bill_no);`,
    );
    this.#get = db.prepare(`select body from ${name} where id = ?`);
    this.#put = db.prepare(`insert or replace into ${name} (id, form, bill_no, body) values (?, ?, ?, ?)`);
    this.#delete = db.prepare(`delete from ${name} where id = ?`);
    this.#all = db.prepare(`select body from ${name} order by id`);
    this.#count = db.prepare(`select count(*) as n from ${name}`);
    this.#byNumber = db.prepare(`select body from ${name} where form = ? and bill_no = ? limit 1`);
    this.#codec = codec;
  }

  get size(): number {
    return this.#count.get()?.n ?? 0;
  }

  get(id: number): T | undefined {
    const row = this.#get.get(id);
    return row === undefined ? undefined : this.#decode(row.body);
  }

  /** Stores a new document, or the changed state of one read earlier. */
  set(id: number, value: T): void {
    this.#put.run(
      id,
      this.#codec.formOf?.(value) ?? '',
      value.billNo,
      JSON.stringify(this.#codec.encode(value)),
    );
  }

  delete(id: number): boolean {
    return this.#delete.run(id).changes === 1;
  }

  /** The document of a form with this number (vouchers have no form). */
  byNumber(billNo: string, form = ''): T | undefined {
    const row = this.#byNumber.get(form, billNo);
    return row === undefined ? undefined : this.#decode(row.body);
  }

  /** Every document in id order, read as the caller goes. */
  *values(): IterableIterator<T> {
    for (const row of this.#all.iterate()) yield this.#decode(row.body);
  }

  #decode(body: string): T {
    return this.#codec.decode(JSON.parse(body));
  }
}

/** Base-data records as kept: the form, and the record as JSON; read back in id (creation) order. */
export class BaseTable {
  readonly #put: Database.Statement<[number, string, string]>;
  readonly #all: Database.Statement<[], { form: string; body: string }>;

  constructor(db: Database.Database) {
    db.exec(
      'create table if not exists base_records (id integer primary key, form text not null, body text not null)',
    );
    this.#put = db.prepare('insert or replace into base_records (id, form, body) values (?, ?, ?)');
    this.#all = db.prepare('select form, body from base_records order by id');
  }

  put(id: number, form: string, body: unknown): void {
    this.#put.run(id, form, JSON.stringify(body));
  }

  all(): { form: string; body: unknown }[] {
    return this.#all.all().map((row) => ({ form: row.form, body: JSON.parse(row.body) as unknown }));
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Where the simulated data centre keeps its documents: an SQLite file of its own, as the real K/3 Cloud
 * keeps them in its database rather than in the web server's memory. A book of 100,000s of vouchers
 * then costs the process nothing but a small page cache, and the simulator's memory stays flat however
 * long a run. The file lives in a fresh temporary directory and is removed on close.
 */
export class BookStore {
  readonly #dir: string;
  readonly #db: Database.Database;

  constructor() {
    this.#dir = mkdtempSync(join(tmpdir(), 'finbridge-kingdee-sim-'));
    this.#db = new Database(join(this.#dir, 'book.db'));
    // A scratch book that only this process opens: nothing to recover after a crash, so no journal on
    // disk and no fsync, and the file lock is taken once instead of per statement.
    this.#db.pragma('locking_mode = EXCLUSIVE');
    this.#db.pragma('journal_mode = MEMORY');
    this.#db.pragma('synchronous = OFF');
  }

  /** A table of documents with an id, a number (unique within its form) and a JSON body. */
  table<T extends Numbered>(name: string, codec: Codec<T>): DocumentTable<T> {
    return new DocumentTable(this.#db, name, codec);
  }

  /** Runs `work` as one transaction (a BatchSave commits all its documents at once). */
  atomically<R>(work: () => R): R {
    return this.#db.transaction(work)();
  }

  close(): void {
    this.#db.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

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

import { renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MasterObject } from '../layout/presets.ts';
import type { MasterLayout } from '../layout/schema.ts';
import { writeCsv } from '../layout/csv.ts';
import { encodeText } from '../layout/encoding.ts';
import type { Folders } from '../settings.ts';
import type { MasterRecord, SimulatedBook } from './book.ts';

/**
 * The simulated ERP's master-data export: at start a full list of each object, then a file of the
 * records that changed each time one does (`touch`) — the way scheduled exports drop files. Each file
 * is named from the layout's pattern (its `*` becomes a time stamp) and written under a temporary name
 * first; its modification time is the ERP's clock.
 */
const stampOf = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export class MasterFiles {
  readonly #directory: string;
  readonly #folder: string;
  readonly #layouts: Readonly<Record<MasterObject, MasterLayout>>;
  readonly #book: SimulatedBook;
  readonly #now: () => Date;
  #lastMs = 0;
  #files = 0;

  constructor(
    directory: string,
    folders: Folders,
    layouts: Readonly<Record<MasterObject, MasterLayout>>,
    book: SimulatedBook,
    now: () => Date,
  ) {
    this.#directory = directory;
    this.#folder = folders.master;
    this.#layouts = layouts;
    this.#book = book;
    this.#now = now;
  }

  /** A time after every earlier one, whole seconds (the watermark must move on). */
  #next(): number {
    const now = Math.floor(this.#now().getTime() / 1000) * 1000;
    this.#lastMs = Math.max(now, this.#lastMs + 1000);
    return this.#lastMs;
  }

  #records(object: MasterObject): Map<string, MasterRecord> {
    return object === 'accounts'
      ? this.#book.accounts
      : object === 'suppliers'
        ? this.#book.suppliers
        : this.#book.departments;
  }

  #write(object: MasterObject, codes: readonly string[], ms: number): void {
    const layout = this.#layouts[object];
    const records = this.#records(object);
    const rows = [...codes].sort().map((code) => {
      const record = records.get(code);
      return layout.columns.map((column) => {
        if (record === undefined) return '';
        if (column.field === 'number') return code;
        if (column.field === 'name') return record.name;
        if (column.field === 'usable') return record.usable ? (layout.usableValues[0] ?? '1') : '停用';
        if (column.field === 'modifiedAt') return record.modifiedAt;
        return record.extra[column.field.replace(/^data\./, '')] ?? '';
      });
    });
    const bytes = encodeText(
      writeCsv([layout.columns.map((c) => c.title), ...rows], {
        delimiter: layout.delimiter,
        lineEnding: 'crlf',
      }),
      layout.encoding,
    );
    this.#files += 1;
    const name = layout.fileName.replace('*', `${stampOf(ms).replace(/\D/g, '')}_${this.#files}`);
    const path = join(this.#directory, this.#folder, name);
    writeFileSync(join(this.#directory, this.#folder, `.${name}.tmp`), bytes);
    renameSync(join(this.#directory, this.#folder, `.${name}.tmp`), path);
    utimesSync(path, ms / 1000, ms / 1000);
  }

  /** The full list of every object. */
  writeAll(): void {
    const ms = this.#next();
    for (const object of Object.keys(this.#layouts) as MasterObject[]) {
      const records = this.#records(object);
      for (const record of records.values()) record.modifiedAt = stampOf(ms);
      this.#write(object, [...records.keys()], ms);
    }
  }

  /** Changes one record (the one with the lowest code) and drops a file of it; returns its code. */
  touch(object: MasterObject): string {
    const records = this.#records(object);
    const [code] = [...records.keys()].sort();
    const record = code === undefined ? undefined : records.get(code);
    if (code === undefined || record === undefined) throw new Error(`no ${object} to change`);
    const ms = this.#next();
    record.modifiedAt = stampOf(ms);
    const everything = !this.#layouts[object].fileName.includes('*');
    this.#write(object, everything ? [...records.keys()] : [code], ms);
    return code;
  }
}

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AckLayout, VoucherLayout } from '../layout/schema.ts';
import { writeTable } from '../layout/table-file.ts';
import { ackFileName, matchesPattern } from '../map/names.ts';
import { ackRows } from '../map/ack.ts';
import type { Folders } from '../settings.ts';
import type { SimulatedBook } from './book.ts';
import type { FileExchangeDice, ImportPlan } from './faults.ts';
import { checkVoucher } from './validate.ts';
import { readVoucherFile } from './voucher-read.ts';

/**
 * The simulated ERP's import job: it looks at the outbox every few milliseconds, reads each finished
 * voucher file (names starting with a dot are someone's temporary files), imports every voucher that
 * passes its checks, moves the file to the archive and writes an acknowledgement per file — one row
 * per voucher: our reference, OK or ERROR, its voucher number, its message. Faults may leave a file
 * for later, write the acknowledgement late, or write it cut off, in the wrong encoding, in two halves
 * or locked for a while.
 */
export interface ImporterOptions {
  readonly directory: string;
  readonly folders: Folders;
  readonly layout: VoucherLayout;
  readonly ack: AckLayout;
  readonly book: SimulatedBook;
  readonly faults: FileExchangeDice;
  readonly now: () => Date;
  readonly scanMs: number;
  readonly stats: Record<string, number>;
  /** Locks a file against reading for a while (the SFTP server refuses to open it). */
  readonly lock: (path: string, ms: number) => void;
}

interface AckEntry {
  readonly reference: string;
  readonly ok: boolean;
  readonly erpNumber: string;
  readonly erpId: string;
  readonly message: string;
}

export class Importer {
  readonly #o: ImporterOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #postponed = new Map<string, number>();
  #running = false;
  #stopped = false;
  #held = false;

  constructor(options: ImporterOptions) {
    this.#o = options;
    for (const folder of Object.values(options.folders) as string[])
      mkdirSync(join(options.directory, folder), { recursive: true });
  }

  #path(folder: keyof Folders, name = ''): string {
    return join(this.#o.directory, this.#o.folders[folder], name);
  }

  #later(ms: number, work: () => void | Promise<void>): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#stopped) void Promise.resolve(work()).catch(() => {});
    }, ms);
    this.#timers.add(timer);
  }

  start(): void {
    this.#recover();
    const tick = () => {
      if (this.#stopped) return;
      void this.scan().finally(() => this.#later(this.#o.scanMs, tick));
    };
    tick();
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  /** Acknowledges archived files whose acknowledgement a crash lost, from the book. */
  #recover(): void {
    for (const name of readdirSync(this.#path('archive'))) {
      if (existsSync(this.#path('ack', ackFileName(this.#o.ack.fileName, name)))) continue;
      const entries = this.#o.book.vouchers
        .filter((v) => v.file === name)
        .map((v) => ({
          reference: v.reference,
          ok: true,
          erpNumber: v.number,
          erpId: v.id,
          message: '引入成功',
        }));
      if (entries.length > 0) void this.#writeAck(name, entries, 'whole');
    }
  }

  /** The voucher files waiting in the outbox, oldest name first. */
  #waiting(): string[] {
    const pattern = this.#o.layout.fileName.replace('{reference}', '*');
    return readdirSync(this.#path('outbox'))
      .filter((name) => !name.startsWith('.') && matchesPattern(name, pattern))
      .sort();
  }

  /** Holds the import job (the ERP's scheduler is paused), or lets it run again. */
  hold(held: boolean): void {
    this.#held = held;
  }

  async scan(): Promise<void> {
    if (this.#running || this.#held) return;
    this.#running = true;
    try {
      for (const name of this.#waiting()) {
        if (this.#stopped) return;
        if ((this.#postponed.get(name) ?? 0) > performance.now()) continue;
        const plan = this.#o.faults.importing();
        if (plan.postpone) {
          this.#postponed.set(name, performance.now() + this.#o.faults.postponeMs);
          this.#o.stats['postponed'] = (this.#o.stats['postponed'] ?? 0) + 1;
          continue;
        }
        this.#postponed.delete(name);
        await this.#import(name, plan);
      }
    } finally {
      this.#running = false;
    }
  }

  async #import(name: string, plan: ImportPlan): Promise<void> {
    const { book, stats, now } = this.#o;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#path('outbox', name));
    } catch {
      return;
    }
    const read = await readVoucherFile(bytes, this.#o.layout);
    const entries: AckEntry[] =
      'error' in read
        ? [{ reference: '', ok: false, erpNumber: '', erpId: '', message: read.error }]
        : read.vouchers.map((voucher): AckEntry => {
            const checked = checkVoucher(book, voucher);
            if (!checked.ok) {
              stats['refused'] = (stats['refused'] ?? 0) + 1;
              return {
                reference: voucher.reference,
                ok: false,
                erpNumber: '',
                erpId: '',
                message: checked.message,
              };
            }
            const stored = book.add({
              reference: voucher.reference,
              date: voucher.date ?? '',
              period: checked.period,
              word: voucher.word,
              currency: voucher.currency,
              file: name,
              importedAt: now().toISOString(),
              entries: checked.entries,
            });
            stats['committed'] = (stats['committed'] ?? 0) + 1;
            return {
              reference: voucher.reference,
              ok: true,
              erpNumber: stored.number,
              erpId: stored.id,
              message: '引入成功',
            };
          });
    renameSync(this.#path('outbox', name), this.#path('archive', name));
    stats['files'] = (stats['files'] ?? 0) + 1;
    if (plan.lateAck) {
      stats['lateAcks'] = (stats['lateAcks'] ?? 0) + 1;
      this.#later(this.#o.faults.lateAckMs, () => this.#writeAck(name, entries, plan.ack));
    } else await this.#writeAck(name, entries, plan.ack);
  }

  async #writeAck(file: string, entries: readonly AckEntry[], shape: ImportPlan['ack']): Promise<void> {
    const layout = this.#o.ack;
    const name = ackFileName(layout.fileName, file);
    const path = this.#path('ack', name);
    const rows = ackRows(layout, entries);
    // the wrong encoding: what a Windows tool writes in ANSI (GBK) for a UTF-8 layout, and back
    const encoding =
      shape !== 'wrong-encoding' ? layout.encoding : layout.encoding === 'gbk' ? 'utf-8-bom' : 'gbk';
    const whole = await writeTable(rows, { format: 'csv', encoding, delimiter: layout.delimiter });
    const stats = this.#o.stats;
    if (shape !== 'whole') stats[`${shape}Acks`] = (stats[`${shape}Acks`] ?? 0) + 1;
    if (shape === 'truncated' || shape === 'partial') {
      // cut inside the last row: what a reader sees of a file still being written, or of one a crash cut off
      writeFileSync(path, whole.subarray(0, Math.max(1, whole.length - Math.ceil(whole.length / 4))));
      if (shape === 'partial') this.#later(this.#o.faults.partialMs, () => writeFileSync(path, whole));
      return;
    }
    if (shape === 'locked') this.#o.lock(`${this.#o.folders.ack}/${name}`, this.#o.faults.lockMs);
    const temporary = this.#path('ack', `.${name}.tmp`);
    writeFileSync(temporary, whole);
    renameSync(temporary, path);
  }
}

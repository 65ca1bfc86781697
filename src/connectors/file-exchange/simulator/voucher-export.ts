import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VoucherListLayout } from '../layout/schema.ts';
import {
  doneFile,
  doneFileName,
  partFile,
  partFileName,
  readRequest,
  type ExportEntry,
} from '../map/voucher-list.ts';
import { matchesPattern } from '../map/names.ts';
import type { SimulatedBook, StoredVoucher } from './book.ts';
import type { FileExchangeDice } from './faults.ts';

/**
 * The simulated ERP's voucher-list export job (对账): it looks for request files in the vouchers
 * folder, and answers each with the period's vouchers from its book — those our pushes imported, with
 * the reference they came with — in parts of at most `partVouchers` whole vouchers, each written under
 * a temporary name and renamed, then the done file, then it removes the request. Under the common
 * error rate it leaves a request for a later run, as the import job a file.
 */
export interface ExporterOptions {
  readonly directory: string;
  readonly folder: string;
  readonly layout: VoucherListLayout;
  readonly book: SimulatedBook;
  readonly faults: FileExchangeDice;
  readonly scanMs: number;
  readonly partVouchers: number;
  readonly stats: Record<string, number>;
}

export function exportEntries(voucher: StoredVoucher): ExportEntry[] {
  return voucher.entries.map((e) => ({
    erpId: voucher.id,
    erpNumber: voucher.number,
    word: voucher.word,
    date: voucher.date,
    period: voucher.period,
    reference: voucher.reference,
    account: e.account,
    debitMinor: BigInt(e.debit),
    creditMinor: BigInt(e.credit),
    currency: voucher.currency,
    reversed: false,
  }));
}

export class VoucherExporter {
  readonly #o: ExporterOptions;
  readonly #postponed = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: ExporterOptions) {
    this.#o = options;
  }

  start(): void {
    const tick = () => {
      if (this.#stopped) return;
      void this.scan()
        .catch(() => {})
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(tick, this.#o.scanMs);
        });
    };
    tick();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }

  #path(name: string): string {
    return join(this.#o.directory, this.#o.folder, name);
  }

  async scan(): Promise<void> {
    const { layout } = this.#o;
    const pattern = layout.requestFile.replace('{period}', '*').replace('{request}', '*');
    const requests = readdirSync(join(this.#o.directory, this.#o.folder))
      .filter((name) => !name.startsWith('.') && matchesPattern(name, pattern))
      .sort();
    for (const name of requests) {
      if (this.#stopped) return;
      if ((this.#postponed.get(name) ?? 0) > performance.now()) continue;
      if (this.#o.faults.exporting().postpone) {
        this.#postponed.set(name, performance.now() + this.#o.faults.postponeMs);
        this.#o.stats['exportsPostponed'] = (this.#o.stats['exportsPostponed'] ?? 0) + 1;
        continue;
      }
      this.#postponed.delete(name);
      await this.#answer(name);
    }
  }

  #write(name: string, bytes: Buffer): void {
    const temporary = this.#path(`.${name}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, this.#path(name));
  }

  async #answer(name: string): Promise<void> {
    const { layout, book, stats } = this.#o;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#path(name));
    } catch {
      return;
    }
    const request = await readRequest(bytes, layout);
    // a request it cannot read is set aside, as an ERP's job would log and skip it
    if ('error' in request) {
      renameSync(this.#path(name), this.#path(`${name}.error`));
      stats['badExportRequests'] = (stats['badExportRequests'] ?? 0) + 1;
      return;
    }
    const vouchers = book.vouchers.filter((v) => v.period === request.period);
    const size = Math.max(1, this.#o.partVouchers);
    const parts = Math.ceil(vouchers.length / size);
    for (let part = 1; part <= parts; part++) {
      const chunk = vouchers.slice((part - 1) * size, part * size).flatMap(exportEntries);
      this.#write(partFileName(layout, request.period, request.request, part), await partFile(layout, chunk));
    }
    this.#write(
      doneFileName(layout, request.period, request.request),
      await doneFile(layout, parts, vouchers.length),
    );
    rmSync(this.#path(name), { force: true });
    stats['exports'] = (stats['exports'] ?? 0) + 1;
  }
}

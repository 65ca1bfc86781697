import { randomUUID } from 'node:crypto';
import type { SimulatorMasterData } from '../../contract.ts';

export interface VoucherLine {
  readonly description: string;
  readonly account: string;
  readonly debitFen: bigint;
  readonly creditFen: bigint;
  readonly auxiliary: readonly { readonly filedCode: string; readonly valueCode: string }[];
}

export interface SavedVoucher {
  readonly id: string;
  readonly accbookCode: string;
  readonly voucherTypeCode: string;
  readonly period: string;
  /** 凭证号 within book, period and voucher type. */
  readonly billCode: number;
  readonly makeTime: string;
  readonly description: string;
  readonly businessId: string;
  readonly externalSourceDataId: string;
  /** When it was saved, `yyyy-MM-dd HH:mm:ss` China time. */
  readonly ts: string;
  readonly lines: readonly VoucherLine[];
}

export interface Vendor {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly creditcode: string;
  readonly pubts: string;
  /** The using orgs it is assigned to: one list row each. */
  readonly orgs: readonly string[];
}

/**
 * The simulated tenant's ledger: seeded master data, account books, closed periods, saved vouchers —
 * in memory, and when it is kept in a file (book-file.ts) written there after every change through
 * `onChange`.
 */
export class YonBook {
  readonly accounts = new Map<string, { name: string; postable: boolean }>();
  readonly vendors = new Map<string, Vendor>();
  readonly departments = new Set<string>();
  readonly employees = new Set<string>();
  readonly accbooks = new Map([['0001', '示例科技']]);
  readonly voucherTypes = new Map([
    ['1', '记'],
    ['2', '收'],
    ['3', '付'],
    ['4', '转'],
  ]);
  readonly closedPeriods = new Set<string>();
  readonly vouchers: SavedVoucher[] = [];
  #changed: () => void = () => {};

  constructor(master: SimulatorMasterData, seededAt: string) {
    for (const a of master.accounts) this.accounts.set(a.code, { name: a.name, postable: a.postable });
    for (const d of master.departments) this.departments.add(d.code);
    for (const e of master.employees) this.employees.add(e.code);
    master.suppliers.forEach((s, i) => {
      // every third vendor is also assigned to a second using org, as the list then repeats it
      const orgs = i % 3 === 0 ? ['666666', '666667'] : ['666666'];
      this.vendors.set(s.code, {
        id: String(2016415922573568 + i),
        code: s.code,
        name: s.name,
        creditcode: s.taxId,
        pubts: seededAt,
        orgs,
      });
    });
  }

  byReference(reference: string): SavedVoucher | undefined {
    return this.vouchers.find((v) => v.businessId === reference || v.externalSourceDataId === reference);
  }

  save(voucher: Omit<SavedVoucher, 'id' | 'billCode'>): SavedVoucher {
    const billCode =
      1 +
      this.vouchers.filter(
        (v) =>
          v.accbookCode === voucher.accbookCode &&
          v.period === voucher.period &&
          v.voucherTypeCode === voucher.voucherTypeCode,
      ).length;
    const saved = { ...voucher, id: randomUUID().toUpperCase(), billCode };
    this.vouchers.push(saved);
    this.#changed();
    return saved;
  }

  /**
   * A user's change behind the integration's back (reconciliation tests): the voucher with our
   * reference deleted, or its first line moved to `account`, or (no account) its first debit and
   * first credit line each raised by one fen. False when the book holds no such voucher.
   */
  tamper(reference: string, change: 'delete' | 'alter', account?: string): boolean {
    const at = this.vouchers.findIndex(
      (v) => v.businessId === reference || v.externalSourceDataId === reference,
    );
    const voucher = this.vouchers[at];
    if (voucher === undefined) return false;
    if (change === 'delete') this.vouchers.splice(at, 1);
    else {
      const debit = voucher.lines.findIndex((l) => l.debitFen !== 0n);
      const credit = voucher.lines.findIndex((l) => l.creditFen !== 0n);
      const lines = voucher.lines.map((l, i) => {
        if (account !== undefined) return i === 0 ? { ...l, account } : l;
        if (i === debit) return { ...l, debitFen: l.debitFen + 1n };
        if (i === credit) return { ...l, creditFen: l.creditFen + 1n };
        return l;
      });
      this.vouchers[at] = { ...voucher, lines };
    }
    this.#changed();
    return true;
  }

  /** Calls `listener` after each committed change (the book file's writer). */
  onChange(listener: () => void): void {
    this.#changed = listener;
  }

  /** Changes a vendor (its pubts moves to `at`), as an edit in the tenant would. */
  touchVendor(code: string, at: string): void {
    const vendor = this.vendors.get(code);
    if (vendor === undefined) return;
    this.vendors.set(code, { ...vendor, name: `${vendor.name}*`, pubts: at });
    this.#changed();
  }
}

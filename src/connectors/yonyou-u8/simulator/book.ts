import type { SimulatorMasterData } from '../../contract.ts';

/** One entry as U8 keeps it (GL_accvouch: ccode, cdigest, md, mc and the auxiliary columns). */
export interface StoredEntry {
  readonly entryId: number;
  readonly account: string;
  readonly abstract: string;
  readonly debitFen: bigint;
  readonly creditFen: bigint;
  readonly auxiliary: Readonly<Record<string, string>>;
}

export interface StoredVoucher {
  /** The id `voucher/add` answers with. */
  readonly id: string;
  readonly type: string;
  readonly year: number;
  readonly period: number;
  /** 凭证号 within the period and voucher type. */
  readonly number: number;
  readonly date: string;
  readonly enter: string;
  readonly makingSystem: string;
  readonly reserve2: string;
  readonly entries: readonly StoredEntry[];
}

/**
 * The simulated account set: its master data (seeded from `SimulatorMasterData`), its open periods and
 * the vouchers it holds, in memory — and, when it is kept in a file (book-file.ts), written there after
 * every committed change through `onChange`.
 */
export class U8Book {
  readonly accounts = new Map<string, { name: string; postable: boolean }>();
  readonly vendors = new Map<string, { name: string; taxId: string; seedDate: string }>();
  readonly departments = new Map<string, string>();
  readonly persons = new Map<string, string>();
  readonly voucherTypes = new Set(['记', '收', '付', '转']);
  /** `YYYY-MM` periods that are closed (已结账). */
  readonly closedPeriods = new Set<string>();
  readonly vouchers: StoredVoucher[] = [];
  private nextId = 1_000_000_001;
  #changed: () => void = () => {};

  constructor(master: SimulatorMasterData, today: string) {
    for (const a of master.accounts) this.accounts.set(a.code, { name: a.name, postable: a.postable });
    for (const s of master.suppliers)
      this.vendors.set(s.code, { name: s.name, taxId: s.taxId, seedDate: today });
    for (const d of master.departments) this.departments.set(d.code, d.name);
    for (const e of master.employees) this.persons.set(e.code, e.name);
  }

  /** The external (CDM) voucher with this reserve2, if any. */
  byReserve2(reserve2: string): StoredVoucher | undefined {
    return this.vouchers.find((v) => v.makingSystem === 'CDM' && v.reserve2 === reserve2);
  }

  /** Stores a validated voucher under the next id and the next number of its period and type. */
  add(voucher: Omit<StoredVoucher, 'id' | 'number'>): StoredVoucher {
    const number =
      this.vouchers.filter(
        (v) => v.year === voucher.year && v.period === voucher.period && v.type === voucher.type,
      ).length + 1;
    const stored = { ...voucher, id: String(this.nextId++), number };
    this.vouchers.push(stored);
    this.#changed();
    return stored;
  }

  /**
   * A user's change behind the integration's back (reconciliation tests): the voucher with this
   * reserve2 deleted, or its first entry moved to `account`, or (no account) its first debit and first
   * credit entry each raised by one fen. False when the book holds no such voucher.
   */
  tamper(reserve2: string, change: 'delete' | 'alter', account?: string): boolean {
    const at = this.vouchers.findIndex((v) => v.reserve2 === reserve2);
    const voucher = this.vouchers[at];
    if (voucher === undefined) return false;
    if (change === 'delete') this.vouchers.splice(at, 1);
    else {
      const debit = voucher.entries.findIndex((e) => e.debitFen !== 0n);
      const credit = voucher.entries.findIndex((e) => e.creditFen !== 0n);
      const entries = voucher.entries.map((e, i) => {
        if (account !== undefined) return i === 0 ? { ...e, account } : e;
        if (i === debit) return { ...e, debitFen: e.debitFen + 1n };
        if (i === credit) return { ...e, creditFen: e.creditFen + 1n };
        return e;
      });
      this.vouchers[at] = { ...voucher, entries };
    }
    this.#changed();
    return true;
  }

  /** Calls `listener` after each committed change (the book file's writer). */
  onChange(listener: () => void): void {
    this.#changed = listener;
  }

  /** The next id `add` gives, for the book file. */
  get nextVoucherId(): number {
    return this.nextId;
  }

  /** Numbering goes on from `id` (a book opened again from its file). */
  continueFrom(id: number): void {
    this.nextId = id;
  }
}

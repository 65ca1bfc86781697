import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SimulatorMasterData } from '../../contract.ts';
import type { SimulatedDocument } from '../../simulator-admin.ts';

/**
 * The simulated ERP's ledger: its master data (seeded from `SimulatorMasterData`), its closed periods,
 * and the vouchers it imported with the reference each came with. With a book file the vouchers are
 * kept in it (JSON, written to a temporary name and renamed, so a crash leaves the old or the new
 * book, never half of one) and read back at the next start: numbering goes on where it stopped.
 */
export interface StoredEntry {
  readonly row: number;
  readonly account: string;
  readonly summary: string;
  /** Minor units, as decimal text (JSON has no bigint). */
  readonly debit: string;
  readonly credit: string;
  readonly aux: Readonly<Record<string, string>>;
}

export interface StoredVoucher {
  readonly id: string;
  /** `2026-11-记-0001`: period, word and number within them. */
  readonly number: string;
  readonly reference: string;
  readonly date: string;
  readonly period: string;
  readonly word: string;
  readonly currency: string;
  /** The file it came in, so that an acknowledgement lost in a crash can be written after a restart. */
  readonly file: string;
  readonly importedAt: string;
  readonly entries: readonly StoredEntry[];
}

interface Saved {
  readonly nextId: number;
  readonly vouchers: readonly StoredVoucher[];
}

export interface MasterRecord {
  readonly name: string;
  readonly usable: boolean;
  readonly extra: Readonly<Record<string, string>>;
  modifiedAt: string;
}

export class SimulatedBook {
  readonly accounts = new Map<string, MasterRecord & { readonly postable: boolean }>();
  readonly suppliers = new Map<string, MasterRecord>();
  readonly departments = new Map<string, MasterRecord>();
  readonly employees = new Map<string, string>();
  readonly words = new Set(['记', '收', '付', '转']);
  /** `YYYY-MM` periods that are closed (已结账). */
  readonly closedPeriods = new Set<string>();
  readonly #vouchers: StoredVoucher[] = [];
  readonly #byReference = new Map<string, StoredVoucher>();
  readonly #file: string | undefined;
  #nextId = 1_000_001;

  constructor(master: SimulatorMasterData, stamp: string, file?: string) {
    for (const a of master.accounts)
      this.accounts.set(a.code, {
        name: a.name,
        usable: true,
        postable: a.postable,
        extra: {
          postable: a.postable ? '1' : '0',
          balanceDirection: a.balanceDirection === 'debit' ? '借' : '贷',
        },
        modifiedAt: stamp,
      });
    for (const s of master.suppliers)
      this.suppliers.set(s.code, {
        name: s.name,
        usable: true,
        extra: { taxId: s.taxId },
        modifiedAt: stamp,
      });
    for (const d of master.departments)
      this.departments.set(d.code, { name: d.name, usable: true, extra: {}, modifiedAt: stamp });
    for (const e of master.employees) this.employees.set(e.code, e.name);
    this.#file = file;
    if (file !== undefined && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
      this.#nextId = saved.nextId;
      for (const v of saved.vouchers) this.#remember(v);
    }
  }

  #remember(voucher: StoredVoucher): void {
    this.#vouchers.push(voucher);
    if (voucher.reference !== '') this.#byReference.set(voucher.reference, voucher);
  }

  byReference(reference: string): StoredVoucher | undefined {
    return this.#byReference.get(reference);
  }

  get vouchers(): readonly StoredVoucher[] {
    return this.#vouchers;
  }

  /** Stores a checked voucher under the next id and the next number of its period and word. */
  add(voucher: Omit<StoredVoucher, 'id' | 'number'>): StoredVoucher {
    const sequence =
      this.#vouchers.filter((v) => v.period === voucher.period && v.word === voucher.word).length + 1;
    const stored: StoredVoucher = {
      ...voucher,
      id: String(this.#nextId++),
      number: `${voucher.period}-${voucher.word}-${String(sequence).padStart(4, '0')}`,
    };
    this.#remember(stored);
    this.#save();
    return stored;
  }

  /**
   * A user's change behind the integration's back (reconciliation tests): the voucher with our
   * reference deleted, or its first entry moved to `account`, or (no account) its first debit and
   * first credit entry each raised by one minor unit. False when the book holds no such voucher.
   */
  tamper(reference: string, change: 'delete' | 'alter', account?: string): boolean {
    const voucher = this.#byReference.get(reference);
    if (voucher === undefined) return false;
    const at = this.#vouchers.indexOf(voucher);
    if (change === 'delete') {
      this.#vouchers.splice(at, 1);
      this.#byReference.delete(reference);
    } else {
      const debit = voucher.entries.findIndex((e) => e.debit !== '0');
      const credit = voucher.entries.findIndex((e) => e.credit !== '0');
      const entries = voucher.entries.map((e, i) => {
        if (account !== undefined) return i === 0 ? { ...e, account } : e;
        if (i === debit) return { ...e, debit: String(BigInt(e.debit) + 1n) };
        if (i === credit) return { ...e, credit: String(BigInt(e.credit) + 1n) };
        return e;
      });
      const altered = { ...voucher, entries };
      this.#vouchers[at] = altered;
      this.#byReference.set(reference, altered);
    }
    this.#save();
    return true;
  }

  #save(): void {
    if (this.#file === undefined) return;
    const saved: Saved = { nextId: this.#nextId, vouchers: this.#vouchers };
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(saved));
    renameSync(temporary, this.#file);
  }

  documents(): SimulatedDocument[] {
    return this.#vouchers.map((v) => ({
      kind: 'voucher',
      erpId: v.id,
      erpNumber: v.number,
      reference: v.reference,
    }));
  }
}

import { corrupt } from '../../simulator-kit/book-file.ts';
import { BookStore, type BaseTable, type Codec, type DocumentTable } from './book-store.ts';

/**
 * The simulated K/3 Cloud book: base data (accounts, currencies, voucher groups, account books,
 * departments, employees, suppliers) in memory, and vouchers and bills with their status machine
 * Z/A → B → C → A in the book's own database (book-store.ts). Amounts are integer fen. Data and
 * rules; the HTTP layer is in http.ts. A document read from the book is a copy: a change to it is
 * kept by setting it back. The counters (ids, 凭证号 per book, period and group) are kept in the
 * database as they move, and the base data as it is added and on close, so a book kept in a file
 * (`bookFile`) opens again where it stopped — and then holds its own base data, not the seed's.
 */
export type DocumentStatus = 'Z' | 'A' | 'B' | 'C' | 'D';

export interface VoucherEntry {
  readonly entryId: number;
  readonly explanation: string;
  readonly account: string;
  readonly currency: string;
  readonly debit: bigint;
  readonly credit: bigint;
  readonly busNo: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface StoredVoucher {
  readonly id: number;
  readonly billNo: string;
  readonly book: string;
  readonly date: string;
  readonly year: number;
  readonly period: number;
  readonly group: string;
  readonly groupNo: number;
  readonly attachments: number;
  status: DocumentStatus;
  readonly entries: readonly VoucherEntry[];
  readonly createdAt: string;
  modifiedAt: string;
}

export type BillForm = 'AP_Payable' | 'AP_PAYBILL';

/** An AP_Payable (应付单) or AP_PAYBILL (付款单). */
export interface StoredBill {
  readonly id: number;
  readonly form: BillForm;
  readonly billNo: string;
  readonly billType: string;
  readonly date: string;
  readonly counterpartyType: string;
  readonly counterparty: string;
  readonly currency: string;
  readonly total: bigint;
  readonly tax: bigint;
  readonly remark: string;
  readonly entries: number;
  status: DocumentStatus;
  readonly createdAt: string;
  modifiedAt: string;
}

export interface BaseRecord {
  readonly id: number;
  readonly number: string;
  readonly name: string;
  readonly extra: Readonly<Record<string, string | number>>;
  modifiedAt: string;
}

export type BaseForm = 'BD_Account' | 'BD_Currency' | 'BD_Department' | 'BD_Empinfo' | 'BD_Supplier';

/** The base-data forms the book keeps. */
export const BASE_FORMS: readonly BaseForm[] = [
  'BD_Account',
  'BD_Currency',
  'BD_Department',
  'BD_Empinfo',
  'BD_Supplier',
];

export interface LedgerSeed {
  readonly accounts: readonly { number: string; name: string; detail: boolean; dc: 1 | -1 }[];
  readonly departments: readonly { number: string; name: string }[];
  readonly employees: readonly { number: string; name: string }[];
  readonly suppliers: readonly { number: string; name: string; uscc: string }[];
}

export class Ledger {
  readonly books = new Set(['001']);
  readonly voucherGroups = new Map([
    ['PRE001', '记'],
    ['PRE002', '收'],
    ['PRE003', '付'],
    ['PRE004', '转'],
  ]);
  readonly closedPeriods = new Set<string>();
  readonly base = new Map<BaseForm, Map<string, BaseRecord>>();
  readonly #store: BookStore;
  readonly #baseTable: BaseTable;
  readonly vouchers: DocumentTable<StoredVoucher>;
  readonly bills: DocumentTable<StoredBill>;
  /** The one organisation (settlement and payment org) of the simulated data centre. */
  readonly orgNumber = '100';
  private nextId = 100_001;
  private nextBill = 300_001;
  private nextBaseId = 200_001;
  private readonly groupCounters = new Map<string, number>();

  /** A new book from `seed`, or — given a file that already holds one — that book as it was left. */
  constructor(seed: LedgerSeed, now: string, bookFile?: string) {
    this.#store = new BookStore(bookFile);
    this.#baseTable = this.#store.baseTable();
    this.vouchers = this.#store.table('vouchers', VOUCHER_CODEC);
    this.bills = this.#store.table('bills', BILL_CODEC);
    for (const form of BASE_FORMS) this.base.set(form, new Map());
    if (this.#store.reopened) {
      this.#restore();
      return;
    }
    this.#store.atomically(() => {
      for (const [number, name, iso] of [
        ['PRE001', '人民币', 'CNY'],
        ['PRE002', '香港元', 'HKD'],
        ['PRE007', '美元', 'USD'],
      ] as const) {
        this.addBase('BD_Currency', number, name, { FCODE: iso, FPRICEDIGITS: 2 }, now);
      }
      for (const a of seed.accounts)
        this.addBase('BD_Account', a.number, a.name, { FIsDetail: a.detail ? 1 : 0, FDC: a.dc }, now);
      for (const d of seed.departments) this.addBase('BD_Department', d.number, d.name, {}, now);
      for (const e of seed.employees) this.addBase('BD_Empinfo', e.number, e.name, {}, now);
      for (const s of seed.suppliers)
        this.addBase('BD_Supplier', s.number, s.name, { FSOCIALCRECODE: s.uscc }, now);
    });
  }

  /** True when the book was opened again from its file rather than seeded. */
  get reopened(): boolean {
    return this.#store.reopened;
  }

  addBase(
    form: BaseForm,
    number: string,
    name: string,
    extra: Record<string, string | number>,
    now: string,
  ): BaseRecord {
    const record: BaseRecord = { id: this.nextBaseId++, number, name, extra, modifiedAt: now };
    this.base.get(form)?.set(number, record);
    this.#baseTable.put(record.id, form, record);
    this.#saveCounters();
    return record;
  }

  baseRecord(form: BaseForm, number: string): BaseRecord | undefined {
    return this.base.get(form)?.get(number);
  }

  nextBillId(): number {
    const id = this.nextBill++;
    this.#saveCounters();
    return id;
  }

  findBillByNo(form: BillForm, billNo: string): StoredBill | undefined {
    return this.bills.byNumber(billNo, form);
  }

  nextVoucherId(): number {
    const id = this.nextId++;
    this.#saveCounters();
    return id;
  }

  /** 凭证号: sequential per account book, period and voucher group. */
  nextGroupNumber(book: string, year: number, period: number, group: string): number {
    const key = `${book}|${year}|${period}|${group}`;
    const next = (this.groupCounters.get(key) ?? 0) + 1;
    this.groupCounters.set(key, next);
    this.#saveCounters();
    return next;
  }

  findVoucherByBillNo(billNo: string): StoredVoucher | undefined {
    return this.vouchers.byNumber(billNo);
  }

  /** Several changes to the book as one (a BatchSave). */
  atomically<R>(work: () => R): R {
    return this.#store.atomically(work);
  }

  /**
   * Closes the book: a kept one first records the base data and closed periods as they are now (a
   * test may have changed a record in place); a scratch one is removed.
   */
  close(): void {
    if (this.#store.file !== undefined)
      this.#store.atomically(() => {
        for (const [form, records] of this.base)
          for (const record of records.values()) this.#baseTable.put(record.id, form, record);
        this.#store.setMeta('closedPeriods', JSON.stringify([...this.closedPeriods]));
      });
    this.#store.close();
  }

  #saveCounters(): void {
    const counters: KeptCounters = {
      nextId: this.nextId,
      nextBill: this.nextBill,
      nextBaseId: this.nextBaseId,
      groupCounters: Object.fromEntries(this.groupCounters),
    };
    this.#store.setMeta('counters', JSON.stringify(counters));
  }

  /** Reads the counters, base data and closed periods of a reopened book; a damaged one is refused. */
  #restore(): void {
    const file = this.#store.file ?? '';
    try {
      const counters = JSON.parse(this.#store.meta('counters') ?? 'null') as KeptCounters | null;
      if (
        counters === null ||
        ![counters.nextId, counters.nextBill, counters.nextBaseId].every(Number.isSafeInteger) ||
        typeof counters.groupCounters !== 'object'
      )
        throw new Error('no counters in book_meta');
      this.nextId = counters.nextId;
      this.nextBill = counters.nextBill;
      this.nextBaseId = counters.nextBaseId;
      for (const [key, n] of Object.entries(counters.groupCounters)) {
        if (!Number.isSafeInteger(n)) throw new Error(`voucher number counter ${key} is not an integer`);
        this.groupCounters.set(key, n);
      }
      for (const { form, body } of this.#baseTable.all()) {
        const record = body as BaseRecord;
        const records = this.base.get(form as BaseForm);
        if (records === undefined || typeof record.number !== 'string')
          throw new Error(`base record of unknown form ${form}`);
        records.set(record.number, record);
      }
      const closed = JSON.parse(this.#store.meta('closedPeriods') ?? '[]') as unknown;
      for (const period of Array.isArray(closed) ? closed : []) this.closedPeriods.add(String(period));
    } catch (error) {
      this.#store.close();
      throw corrupt(file, error instanceof Error ? error.message : String(error));
    }
  }
}

/** The counters as `book_meta` keeps them. */
interface KeptCounters {
  readonly nextId: number;
  readonly nextBill: number;
  readonly nextBaseId: number;
  readonly groupCounters: Readonly<Record<string, number>>;
}

const VOUCHER_CODEC: Codec<StoredVoucher> = {
  encode: (v) => ({
    ...v,
    entries: v.entries.map((e) => ({ ...e, debit: e.debit.toString(), credit: e.credit.toString() })),
  }),
  decode: (stored) => {
    const v = stored as Omit<StoredVoucher, 'entries'> & {
      entries: (Omit<VoucherEntry, 'debit' | 'credit'> & { debit: string; credit: string })[];
    };
    return {
      ...v,
      entries: v.entries.map((e) => ({ ...e, debit: BigInt(e.debit), credit: BigInt(e.credit) })),
    };
  },
};

const BILL_CODEC: Codec<StoredBill> = {
  encode: (b) => ({ ...b, total: b.total.toString(), tax: b.tax.toString() }),
  decode: (stored) => {
    const b = stored as Omit<StoredBill, 'total' | 'tax'> & { total: string; tax: string };
    return { ...b, total: BigInt(b.total), tax: BigInt(b.tax) };
  },
  formOf: (b) => b.form,
};

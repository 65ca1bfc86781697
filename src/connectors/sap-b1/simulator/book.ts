import type { SimulatorMasterData } from '../../contract.ts';
import type { SimulatedDocument, VoucherTamper } from '../../simulator-admin.ts';
import { exponentOf, isCurrencyCode } from '../../../model/currencies.ts';
import { amountText, millionthsOf } from './exact-json.ts';
import { BOOK_FORMAT, readBookFile, writeBookFile } from './book-file.ts';

/** One journal-entry row as B1 keeps it (JDT1); amounts as B1's number text. */
export interface StoredJournalLine {
  readonly Line_ID: number;
  readonly AccountCode: string;
  readonly ShortName: string;
  readonly Debit: string;
  readonly Credit: string;
  readonly LineMemo: string;
  /** CostingCode … CostingCode5, ProjectCode. */
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface StoredJournalEntry {
  readonly JdtNum: number;
  readonly Number: number;
  readonly ReferenceDate: string;
  readonly TaxDate: string;
  readonly DueDate: string;
  readonly Memo: string;
  readonly Reference: string;
  readonly Reference2: string;
  readonly Reference3: string;
  readonly lines: readonly StoredJournalLine[];
}

export interface StoredDocumentLine {
  readonly LineNum: number;
  readonly ItemDescription: string;
  readonly AccountCode: string;
  readonly LineTotal: string;
  readonly VatSum: string;
  /** The tax field the line was written with (VatGroup or TaxCode) and its code. */
  readonly taxField: string;
  readonly taxCode: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface StoredPurchaseInvoice {
  readonly DocEntry: number;
  readonly DocNum: number;
  readonly DocType: string;
  readonly DocDate: string;
  readonly DocDueDate: string;
  readonly TaxDate: string;
  readonly CardCode: string;
  readonly CardName: string;
  readonly NumAtCard: string;
  readonly DocCurrency: string;
  readonly Comments: string;
  readonly DocTotal: string;
  readonly VatSum: string;
  readonly lines: readonly StoredDocumentLine[];
}

export interface StoredVendorPayment {
  readonly DocEntry: number;
  readonly DocNum: number;
  readonly DocType: string;
  readonly DocDate: string;
  readonly TaxDate: string;
  readonly CardCode: string;
  readonly CardName: string;
  readonly DocCurrency: string;
  readonly CashAccount: string;
  readonly CashSum: string;
  readonly TransferAccount: string;
  readonly TransferSum: string;
  readonly TransferDate: string;
  readonly Remarks: string;
  readonly JournalRemarks: string;
}

export interface Partner {
  readonly name: string;
  readonly type: 'cSupplier' | 'cCustomer';
  readonly taxId: string;
  updateDate: string;
  updateTime: string;
  readonly createDate: string;
}

interface Counters {
  jdtNum: number;
  jeNumber: number;
  invoiceEntry: number;
  invoiceNum: number;
  paymentEntry: number;
  paymentNum: number;
}

const FIRST: Counters = {
  jdtNum: 1001,
  jeNumber: 1,
  invoiceEntry: 1,
  invoiceNum: 25000001,
  paymentEntry: 1,
  paymentNum: 26000001,
};

/** What a rollback returns to: the length of each document list and the counters. */
export interface Mark {
  readonly lengths: readonly [number, number, number];
  readonly counters: Counters;
}

/** How the company treats a vendor reference (NumAtCard) used twice on A/P invoices (§2.5). */
export type VendorRefCheck = 'none' | 'block';

export interface BookOptions {
  /** B1's local stamp of "a while ago", `YYYY-MM-DDTHH:MM:SS`: when the seeded partners were last changed. */
  readonly seededAt: string;
  readonly localCurrency: string;
  /** VAT group / tax code → rate ("0.06"). */
  readonly taxCodes: Readonly<Record<string, string>>;
  readonly closedPeriods: readonly string[];
  readonly vendorRefCheck: VendorRefCheck;
  readonly file?: string;
}

/**
 * The simulated company database: master data seeded from `SimulatorMasterData` (G/L accounts,
 * suppliers as business partners, departments as profit centres of cost-accounting dimension 1), the
 * open periods, and the documents posted — in memory, or kept in a file when the simulator has one.
 */
export class B1Book {
  readonly accounts = new Map<
    string,
    { readonly name: string; readonly postable: boolean; readonly direction: string }
  >();
  readonly partners = new Map<string, Partner>();
  /** Profit centre code → its dimension (1 … 5). */
  readonly profitCenters = new Map<string, { readonly name: string; readonly dimension: number }>();
  readonly taxCodes: ReadonlyMap<string, string>;
  readonly closedPeriods: Set<string>;
  readonly localCurrency: string;
  vendorRefCheck: VendorRefCheck;
  journalEntries: StoredJournalEntry[] = [];
  purchaseInvoices: StoredPurchaseInvoice[] = [];
  vendorPayments: StoredVendorPayment[] = [];
  private counters: Counters = { ...FIRST };
  private readonly file: string | undefined;

  constructor(master: SimulatorMasterData, options: BookOptions) {
    const [date = '', time = ''] = options.seededAt.split('T');
    for (const a of master.accounts)
      this.accounts.set(a.code, { name: a.name, postable: a.postable, direction: a.balanceDirection });
    for (const s of master.suppliers)
      this.partners.set(s.code, {
        name: s.name,
        type: 'cSupplier',
        taxId: s.taxId,
        updateDate: date,
        updateTime: time,
        createDate: date,
      });
    for (const d of master.departments) this.profitCenters.set(d.code, { name: d.name, dimension: 1 });
    this.taxCodes = new Map(Object.entries(options.taxCodes));
    this.closedPeriods = new Set(options.closedPeriods);
    this.localCurrency = options.localCurrency;
    this.vendorRefCheck = options.vendorRefCheck;
    this.file = options.file;
    if (this.file !== undefined) this.load(this.file);
  }

  private load(file: string): void {
    const saved = readBookFile(file) as
      | {
          counters?: Partial<Counters>;
          journalEntries?: StoredJournalEntry[];
          purchaseInvoices?: StoredPurchaseInvoice[];
          vendorPayments?: StoredVendorPayment[];
        }
      | undefined;
    if (saved === undefined) return;
    this.journalEntries = saved.journalEntries ?? [];
    this.purchaseInvoices = saved.purchaseInvoices ?? [];
    this.vendorPayments = saved.vendorPayments ?? [];
    this.counters = { ...FIRST, ...saved.counters };
  }

  /** Writes the book to its file, if it has one (after every commit). */
  save(): void {
    if (this.file === undefined) return;
    writeBookFile(this.file, {
      format: BOOK_FORMAT,
      counters: this.counters,
      journalEntries: this.journalEntries,
      purchaseInvoices: this.purchaseInvoices,
      vendorPayments: this.vendorPayments,
    });
  }

  mark(): Mark {
    return {
      lengths: [this.journalEntries.length, this.purchaseInvoices.length, this.vendorPayments.length],
      counters: { ...this.counters },
    };
  }

  /** Undoes everything added since the mark (a failed changeset, §2.6). */
  rollback(mark: Mark): void {
    this.journalEntries.length = mark.lengths[0];
    this.purchaseInvoices.length = mark.lengths[1];
    this.vendorPayments.length = mark.lengths[2];
    this.counters = { ...mark.counters };
  }

  addJournalEntry(entry: Omit<StoredJournalEntry, 'JdtNum' | 'Number'>): StoredJournalEntry {
    const stored = { ...entry, JdtNum: this.counters.jdtNum++, Number: this.counters.jeNumber++ };
    this.journalEntries.push(stored);
    return stored;
  }

  addPurchaseInvoice(invoice: Omit<StoredPurchaseInvoice, 'DocEntry' | 'DocNum'>): StoredPurchaseInvoice {
    const stored = { ...invoice, DocEntry: this.counters.invoiceEntry++, DocNum: this.counters.invoiceNum++ };
    this.purchaseInvoices.push(stored);
    return stored;
  }

  addVendorPayment(payment: Omit<StoredVendorPayment, 'DocEntry' | 'DocNum'>): StoredVendorPayment {
    const stored = { ...payment, DocEntry: this.counters.paymentEntry++, DocNum: this.counters.paymentNum++ };
    this.vendorPayments.push(stored);
    return stored;
  }

  /**
   * A journal entry changed behind the integration's back, as a B1 user would (`POST
   * /__sim/documents/tamper`): deleted, or altered — its first line moved to another account, or its
   * first debit and first credit line each raised by one minor unit of the local currency.
   */
  tamper(change: VoucherTamper): boolean {
    const at = this.journalEntries.findIndex((e) => e.Reference2 === change.reference);
    const entry = this.journalEntries[at];
    if (entry === undefined) return false;
    if (change.change === 'delete') this.journalEntries.splice(at, 1);
    else {
      const digits = isCurrencyCode(this.localCurrency) ? exponentOf(this.localCurrency) : 2;
      const unit = 10n ** BigInt(6 - digits);
      const amount = (text: string) => millionthsOf(text) ?? 0n;
      const debit = entry.lines.findIndex((l) => amount(l.Debit) !== 0n);
      const credit = entry.lines.findIndex((l) => amount(l.Credit) !== 0n);
      const { account } = change;
      const lines = entry.lines.map((l, i) => {
        if (account !== undefined)
          return i === 0
            ? { ...l, AccountCode: account, ShortName: l.ShortName === l.AccountCode ? account : l.ShortName }
            : l;
        if (i === debit) return { ...l, Debit: amountText(amount(l.Debit) + unit) };
        if (i === credit) return { ...l, Credit: amountText(amount(l.Credit) + unit) };
        return l;
      });
      this.journalEntries[at] = { ...entry, lines };
    }
    this.save();
    return true;
  }

  /** Whether a posting date falls in a locked period (`YYYY-MM` of the date). */
  isLocked(date: string): boolean {
    return this.closedPeriods.has(date.slice(0, 7));
  }

  /** Marks a partner changed at a stamp after every other partner's (its update stamp moves on). */
  touchPartner(code: string, stamp: string): void {
    const partner = this.partners.get(code);
    if (partner === undefined) throw new Error(`no business partner ${code}`);
    const latest =
      [...this.partners.values()]
        .map((p) => `${p.updateDate}T${p.updateTime}`)
        .sort()
        .at(-1) ?? '';
    let at = stamp;
    if (at <= latest) at = new Date(Date.parse(`${latest}Z`) + 1000).toISOString().slice(0, 19);
    [partner.updateDate, partner.updateTime] = at.split('T') as [string, string];
  }

  /** Every document with our reference, as `GET /__sim/documents` lists them. */
  documents(): SimulatedDocument[] {
    return [
      ...this.journalEntries.map((e) => ({
        kind: 'voucher' as const,
        erpId: String(e.JdtNum),
        erpNumber: String(e.Number),
        reference: e.Reference2,
      })),
      ...this.purchaseInvoices.map((d) => ({
        kind: 'supplier_bill' as const,
        erpId: String(d.DocEntry),
        erpNumber: String(d.DocNum),
        reference: d.NumAtCard,
      })),
      ...this.vendorPayments.map((p) => ({
        kind: 'payment' as const,
        erpId: String(p.DocEntry),
        erpNumber: String(p.DocNum),
        reference: p.Remarks,
      })),
    ];
  }
}

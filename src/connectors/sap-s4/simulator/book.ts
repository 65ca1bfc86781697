import type { SimulatorMasterData } from '../../contract.ts';
import { BookFile } from './book-file.ts';
import type { JournalEntryDoc, SupplierInvoiceDoc } from './documents.ts';
import type { TaxProcedure } from './tax-codes.ts';

export type {
  InvoiceItem,
  InvoiceTax,
  JournalEntryDoc,
  JournalItem,
  SupplierInvoiceDoc,
} from './documents.ts';

/**
 * The simulated S/4 tenant's books: one company code with its chart of accounts and controlling area,
 * master data seeded from `SimulatorMasterData` (G/L accounts, suppliers as business partners,
 * departments as cost centres), open and closed posting periods, and the documents posted — journal
 * entries (from SOAP, and the accounting documents of supplier invoices) and supplier invoices.
 */
export interface Company {
  readonly companyCode: string;
  readonly chartOfAccounts: string;
  readonly controllingArea: string;
  readonly currency: string;
  /** The logical system SAP names in its log notes (`BKPFF … S4HCLNT100`). */
  readonly logicalSystem: string;
  /** The reconciliation account of every supplier (what a `CreditorItem` posts to). */
  readonly reconciliationAccount: string;
  /** Where invoice verification posts input tax. */
  readonly inputTaxAccount: string;
  /** The tax calculation procedure of the company code's country, with its tax codes and rates. */
  readonly taxProcedure: TaxProcedure;
}

export interface GlAccount {
  readonly name: string;
  readonly blocked: boolean;
  readonly balanceSheet: boolean;
  readonly createdAt: number;
  changedAt: number;
}

export interface Supplier {
  readonly name: string;
  readonly taxId: string;
  readonly blocked: boolean;
  readonly createdAt: number;
  changedAt: number;
}

export interface CostCenter {
  readonly name: string;
  readonly validFrom: string;
  readonly validTo: string;
}

/** Number ranges: G/L documents `01…`, invoice verification's accounting documents `51…`, invoices `5105…`. */
const RANGES = { journal: 100_000_000, invoiceDocument: 5_100_000_000, invoice: 5_105_600_000 } as const;
type Range = keyof typeof RANGES;

export class S4Book {
  readonly company: Company;
  readonly glAccounts = new Map<string, GlAccount>();
  readonly suppliers = new Map<string, Supplier>();
  readonly costCenters = new Map<string, CostCenter>();
  /** `YYYY-MM` periods closed for posting. */
  readonly closedPeriods = new Set<string>();
  readonly journalEntries: JournalEntryDoc[] = [];
  readonly supplierInvoices: SupplierInvoiceDoc[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly file: BookFile | undefined;

  constructor(master: SimulatorMasterData, company: Company, seededAt: number, file?: string) {
    this.company = company;
    for (const a of master.accounts)
      this.glAccounts.set(a.code, {
        name: a.name,
        // a summary account of a Chinese chart is not postable: S/4 knows it as blocked for posting
        blocked: !a.postable,
        balanceSheet: /^[1-4]/.test(a.code),
        createdAt: seededAt,
        changedAt: seededAt,
      });
    for (const s of master.suppliers)
      this.suppliers.set(s.code, {
        name: s.name,
        taxId: s.taxId,
        blocked: false,
        createdAt: seededAt,
        changedAt: seededAt,
      });
    for (const d of master.departments)
      this.costCenters.set(d.code, { name: d.name, validFrom: '2000-01-01', validTo: '9999-12-31' });
    this.file = file === undefined ? undefined : new BookFile(file);
    const state = this.file?.load();
    if (state !== undefined) {
      this.journalEntries.push(...state.journalEntries);
      this.supplierInvoices.push(...state.supplierInvoices);
      for (const d of state.journalEntries)
        this.seen(
          d.origin === 'BKPFF' ? 'journal' : 'invoiceDocument',
          `${d.companyCode}/${d.fiscalYear}`,
          d.accountingDocument,
        );
      for (const i of state.supplierInvoices) this.seen('invoice', i.fiscalYear, i.supplierInvoice);
    }
  }

  private seen(range: Range, scope: string, number: string): void {
    const key = `${range}/${scope}`;
    this.numbers.set(key, Math.max(this.numbers.get(key) ?? RANGES[range], Number(number)));
  }

  /** The next number of a range within its scope (company code and fiscal year), ten digits. */
  nextNumber(range: Range, scope: string): string {
    const key = `${range}/${scope}`;
    const next = (this.numbers.get(key) ?? RANGES[range]) + 1;
    this.numbers.set(key, next);
    return String(next).padStart(10, '0');
  }

  /** Whether the posting period of a date (`YYYY-MM-DD`) is open. */
  isOpen(date: string): boolean {
    return !this.closedPeriods.has(date.slice(0, 7));
  }

  post(doc: JournalEntryDoc): void {
    this.journalEntries.push(doc);
    this.save();
  }

  postInvoice(invoice: SupplierInvoiceDoc, accounting: JournalEntryDoc): void {
    this.supplierInvoices.push(invoice);
    this.journalEntries.push(accounting);
    this.save();
  }

  /** Replaces (or, given undefined, removes) a journal entry — a user's change behind the integration's back. */
  replaceEntry(doc: JournalEntryDoc, next: JournalEntryDoc | undefined): void {
    const at = this.journalEntries.indexOf(doc);
    if (at < 0) return;
    if (next === undefined) this.journalEntries.splice(at, 1);
    else this.journalEntries[at] = next;
    this.save();
  }

  private save(): void {
    this.file?.save({ journalEntries: this.journalEntries, supplierInvoices: this.supplierInvoices });
  }

  /** Changes one master record (its change time moves past every other); returns its number. */
  touch(object: 'suppliers' | 'accounts', at: number): string {
    const map: Map<string, { changedAt: number }> = object === 'suppliers' ? this.suppliers : this.glAccounts;
    const latest = Math.max(...[...map.values()].map((r) => r.changedAt));
    const [first] = [...map.keys()].sort();
    const record = first === undefined ? undefined : map.get(first);
    if (first === undefined || record === undefined) throw new Error(`no ${object} to touch`);
    // whole seconds, as S/4 keeps change times; always after the latest change
    record.changedAt = Math.max(Math.floor(at / 1000) * 1000, latest + 1000);
    return first;
  }
}

import type { SimulatedDocument, VoucherTamper } from '../../simulator-admin.ts';
import { exponentOf, isCurrencyCode } from '../../../model/currencies.ts';
import { formatMinor, parseMoney } from '../../../model/money.ts';
import type { SimulatorMasterData } from '../../contract.ts';
import type { GlColumn } from '../map/gl-interface.ts';

/**
 * What the simulated tenant holds: suppliers, Payables invoices, journal batches created by Journal
 * Import, the GL_INTERFACE rows not (or not yet) imported, and ESS requests with their logs. Amounts
 * are kept as the decimal text Oracle shows ("1713.30"); ids count on from Oracle-like starting points.
 */
export interface StoredSupplier {
  readonly SupplierId: number;
  readonly SupplierNumber: string;
  readonly Supplier: string;
  readonly TaxpayerId: string;
  readonly Status: string;
  readonly CreationDate: string;
  LastUpdateDate: string;
}

export interface StoredInvoiceLine {
  readonly LineNumber: number;
  readonly LineType: string;
  readonly LineAmount: string;
  readonly Description: string;
  readonly DistributionCombination: string | null;
  readonly TaxRateCode: string | null;
  readonly distributions: readonly {
    readonly DistributionLineNumber: number;
    readonly DistributionAmount: string;
    readonly DistributionCombination: string;
  }[];
}

export interface StoredInvoice {
  readonly InvoiceId: number;
  readonly InvoiceNumber: string;
  readonly InvoiceCurrency: string;
  readonly PaymentCurrency: string;
  readonly InvoiceAmount: string;
  readonly InvoiceDate: string;
  readonly AccountingDate: string;
  readonly BusinessUnit: string;
  readonly Supplier: string;
  readonly SupplierNumber: string;
  readonly SupplierSite: string;
  readonly InvoiceType: string;
  readonly InvoiceSource: string | null;
  readonly InvoiceGroup: string | null;
  readonly Description: string | null;
  readonly PaymentTerms: string | null;
  readonly CreationDate: string;
  readonly lines: readonly StoredInvoiceLine[];
}

export interface StoredJournalLine {
  readonly lineNumber: number;
  readonly segments: readonly string[];
  readonly enteredDr: string;
  readonly enteredCr: string;
  readonly description: string;
}

export interface StoredJournal {
  readonly JeHeaderId: number;
  readonly JournalName: string;
  readonly Description: string;
  /** REFERENCE6: the journal reference (our external reference). */
  readonly Reference: string;
  readonly Category: string;
  readonly Currency: string;
  readonly AccountingDate: string;
  readonly lines: readonly StoredJournalLine[];
}

export interface StoredBatch {
  readonly JeBatchId: number;
  readonly BatchName: string;
  readonly BatchDescription: string;
  readonly DefaultPeriodName: string;
  readonly Source: string;
  readonly LedgerId: string;
  readonly GroupId: string;
  readonly RequestId: string;
  readonly CreationDate: string;
  readonly journals: readonly StoredJournal[];
}

/** A GL_INTERFACE row: NEW until imported (then gone), or left with its error codes (or P). */
export interface InterfaceRow {
  readonly loadRequestId: string;
  status: string;
  description: string;
  readonly cells: Readonly<Record<GlColumn, string>> & { readonly SEGMENTS: readonly string[] };
}

export interface EssJob {
  readonly requestId: string;
  readonly childId: string;
  readonly jobName: string;
  readonly fileName: string;
  readonly parameters: readonly string[];
  /** Sim-clock ms of submission. */
  readonly submittedAt: number;
  /** Status polls still answered WAIT/RUNNING before the job runs. */
  pollsLeft: number;
  polls: number;
  status: string;
  finished: boolean;
  /** Log and output files by name. */
  readonly files: Record<string, string>;
}

export interface BookSnapshot {
  /** Whose book it is: a file of another simulator is refused. */
  readonly erp: 'oracle-fusion';
  readonly version: 1;
  readonly counters: Record<string, number>;
  readonly suppliers: readonly StoredSupplier[];
  readonly invoices: readonly StoredInvoice[];
  readonly batches: readonly StoredBatch[];
  readonly interfaceRows: readonly InterfaceRow[];
  readonly jobs: readonly EssJob[];
  readonly keys?: { readonly privateKey: string; readonly certificate: string };
}

/** Oracle-like id ranges, so ids look the part and tests can assert them. */
const FIRST = {
  supplier: 300000047414571,
  invoice: 300100187053845,
  batch: 2485750,
  header: 2484750,
  request: 1234567,
};

export class OracleBook {
  readonly suppliers = new Map<string, StoredSupplier>();
  readonly invoices: StoredInvoice[] = [];
  readonly batches: StoredBatch[] = [];
  interfaceRows: InterfaceRow[] = [];
  readonly jobs = new Map<string, EssJob>();
  keys: { readonly privateKey: string; readonly certificate: string } | undefined;
  private counters: Record<string, number> = { ...FIRST };

  constructor(master: SimulatorMasterData, seededAt: Date) {
    // LastUpdateDate a minute apart, in the master's order (not number order), as a real history would be
    master.suppliers.forEach((s, i) => {
      const at = stamp(new Date(seededAt.getTime() - 86_400_000 + i * 60_000));
      this.suppliers.set(s.code, {
        SupplierId: this.next('supplier'),
        SupplierNumber: s.code,
        Supplier: s.name,
        TaxpayerId: s.taxId,
        Status: 'ACTIVE',
        CreationDate: at,
        LastUpdateDate: at,
      });
    });
  }

  next(counter: keyof typeof FIRST): number {
    const value = this.counters[counter] ?? FIRST[counter];
    this.counters[counter] = value + 1;
    return value;
  }

  supplierNamed(name: string): StoredSupplier | undefined {
    for (const s of this.suppliers.values()) if (s.Supplier === name) return s;
    return undefined;
  }

  /**
   * A journal changed behind the integration's back, as a GL user would (`POST
   * /__sim/documents/tamper`): deleted (its batch with it when it was the only one), or altered — its
   * first line moved to another natural account (the segment at `accountSegment`, 0-based), or its
   * first debit and first credit line each raised by one minor unit.
   */
  tamper(change: VoucherTamper, accountSegment: number): boolean {
    const at = this.batches.findIndex((b) => b.journals.some((j) => j.Reference === change.reference));
    const batch = this.batches[at];
    if (batch === undefined) return false;
    const journals = batch.journals.flatMap((journal): StoredJournal[] => {
      if (journal.Reference !== change.reference) return [journal];
      if (change.change === 'delete') return [];
      const raised = (text: string): string => {
        const parsed = parseMoney(text, journal.Currency);
        return parsed.ok && isCurrencyCode(journal.Currency)
          ? formatMinor(parsed.value.minor + 1n, exponentOf(journal.Currency))
          : text;
      };
      const nonZero = (text: string) => /[1-9]/.test(text);
      const debit = journal.lines.findIndex((l) => nonZero(l.enteredDr));
      const credit = journal.lines.findIndex((l) => nonZero(l.enteredCr));
      const { account } = change;
      const lines = journal.lines.map((l, i) => {
        if (account !== undefined)
          return i === 0
            ? { ...l, segments: l.segments.map((s, n) => (n === accountSegment ? account : s)) }
            : l;
        if (i === debit) return { ...l, enteredDr: raised(l.enteredDr) };
        if (i === credit) return { ...l, enteredCr: raised(l.enteredCr) };
        return l;
      });
      return [{ ...journal, lines }];
    });
    if (journals.length === 0) this.batches.splice(at, 1);
    else this.batches[at] = { ...batch, journals };
    return true;
  }

  /** Every document with our reference, for GET /__sim/documents. */
  documents(): SimulatedDocument[] {
    return [
      ...this.invoices.map((i): SimulatedDocument => ({
        kind: 'supplier_bill',
        erpId: String(i.InvoiceId),
        erpNumber: String(i.InvoiceId),
        reference: i.InvoiceNumber,
      })),
      ...this.batches.flatMap((b) =>
        b.journals.map((j): SimulatedDocument => ({
          kind: 'voucher',
          erpId: String(b.JeBatchId),
          erpNumber: b.BatchName,
          reference: j.Reference,
        })),
      ),
    ];
  }

  snapshot(): BookSnapshot {
    return {
      erp: 'oracle-fusion',
      version: 1,
      counters: { ...this.counters },
      suppliers: [...this.suppliers.values()],
      invoices: this.invoices,
      batches: this.batches,
      interfaceRows: this.interfaceRows,
      jobs: [...this.jobs.values()],
      ...(this.keys === undefined ? {} : { keys: this.keys }),
    };
  }

  restore(snapshot: BookSnapshot): void {
    this.counters = { ...FIRST, ...snapshot.counters };
    for (const s of snapshot.suppliers) this.suppliers.set(s.SupplierNumber, { ...s });
    this.invoices.push(...snapshot.invoices);
    this.batches.push(...snapshot.batches);
    this.interfaceRows = snapshot.interfaceRows.map((r) => ({ ...r }));
    for (const job of snapshot.jobs) this.jobs.set(job.requestId, { ...job, files: { ...job.files } });
    this.keys = snapshot.keys;
  }
}

/** An instant as Oracle writes it: ISO-8601 with milliseconds and the +00:00 offset. */
export const stamp = (at: Date): string => at.toISOString().replace('Z', '+00:00');

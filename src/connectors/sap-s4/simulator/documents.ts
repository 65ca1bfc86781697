/** The documents of the simulated tenant's books, as the book keeps them (and its file stores them). */
export interface JournalItem {
  readonly item: number;
  readonly glAccount: string;
  /** The supplier of a creditor item, '' otherwise. */
  readonly supplier: string;
  /** Signed, in the transaction currency: debit positive, credit negative. */
  readonly amount: string;
  readonly debitCredit: 'S' | 'H';
  readonly text: string;
  readonly costCenter: string;
  readonly wbsElement: string;
}

export interface JournalEntryDoc {
  readonly companyCode: string;
  readonly fiscalYear: string;
  readonly accountingDocument: string;
  readonly documentType: string;
  readonly documentDate: string;
  readonly postingDate: string;
  /** `011`: the posting period, three digits. */
  readonly fiscalPeriod: string;
  /** BKPF-XBLNR: `DocumentReferenceID` of a journal entry, `SupplierInvoiceIDByInvcgParty` of an invoice. */
  readonly reference: string;
  readonly headerText: string;
  readonly createdByUser: string;
  readonly messageId: string;
  readonly currency: string;
  /** `BKPFF` posted through the journal-entry API, `RMRP` by invoice verification. */
  readonly origin: 'BKPFF' | 'RMRP';
  readonly items: readonly JournalItem[];
  readonly postedAt: number;
}

export interface InvoiceItem {
  readonly item: string;
  readonly glAccount: string;
  readonly costCenter: string;
  readonly amount: string;
  readonly taxCode: string;
  readonly debitCredit: string;
  readonly text: string;
}

export interface InvoiceTax {
  readonly taxCode: string;
  readonly amount: string;
  readonly base: string;
}

export interface SupplierInvoiceDoc {
  readonly supplierInvoice: string;
  readonly fiscalYear: string;
  readonly companyCode: string;
  readonly documentDate: string;
  readonly postingDate: string;
  readonly reference: string;
  readonly invoicingParty: string;
  readonly currency: string;
  readonly gross: string;
  /** `TaxIsCalculatedAutomatically` of the create (absent in books written before it was kept). */
  readonly taxIsCalculatedAutomatically?: boolean;
  readonly headerText: string;
  readonly assignment: string;
  readonly documentType: string;
  readonly netPaymentDays: string;
  readonly items: readonly InvoiceItem[];
  readonly taxes: readonly InvoiceTax[];
  /** The accounting document invoice verification posted for it. */
  readonly accountingDocument: string;
  readonly createdAt: number;
}

export interface BookState {
  readonly journalEntries: readonly JournalEntryDoc[];
  readonly supplierInvoices: readonly SupplierInvoiceDoc[];
}

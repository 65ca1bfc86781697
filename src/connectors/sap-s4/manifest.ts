import type { ConnectorManifest } from '../contract.ts';
import { DEFAULT_S4_SETTINGS, S4ProfileSettings } from './map/profile.ts';

/** Journal entries per `JournalEntryBulkCreateRequest` (one integrator caps at 10, §1.3 [unsure]). */
export const JOURNAL_ENTRIES_PER_CALL = 10;

/** SAP S/4HANA through SOAP and OData v2 — see docs/connectors/sap-s4.md and the wire-format reference §1. */
export const SAP_S4_MANIFEST: ConnectorManifest = {
  id: 'sap-s4',
  names: { zh: 'SAP S/4HANA', en: 'SAP S/4HANA' },
  versions: [
    'S/4HANA Cloud public edition: Journal Entry – Post (Synchronous), SAP_COM_0002',
    'S/4HANA on-premise / private edition 2020 and later (SOAMANAGER binding of JournalEntryCreateRequestConfirmation_In)',
    'OData V2 (SAP Gateway, dataserviceversion 2.0): API_SUPPLIERINVOICE_PROCESS_SRV, API_BUSINESS_PARTNER, API_JOURNALENTRYITEMBASIC_SRV',
  ],
  authKinds: ['basic', 'oauth-client-credentials'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      erpObject: 'JournalEntry',
      // the synchronous service posts in one step; its confirmation carries the document number
      lifecycle: ['JournalEntryCreateRequestConfirmation_In'],
      batchLimit: JOURNAL_ENTRIES_PER_CALL,
      reference: {
        field:
          'JournalEntry/DocumentReferenceID (BKPF-XBLNR, 16 characters; a longer reference as its digest)',
        lookup:
          "GET API_JOURNALENTRYITEMBASIC_SRV/A_JournalEntryItemBasic?$filter=DocumentReferenceID eq '<reference>' (A_OperationalAcctgDocItemCube where AccountingDocument is missing)",
      },
    },
    supplier_bill: {
      canonical: 'SupplierBill',
      erpObject: 'A_SupplierInvoice',
      lifecycle: ['POST A_SupplierInvoice (posted)'],
      // one deep insert a call; $batch is not used
      batchLimit: 1,
      reference: {
        field: 'SupplierInvoiceIDByInvcgParty (XBLNR, 16 characters; a longer reference as its digest)',
        lookup:
          "GET API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice?$filter=SupplierInvoiceIDByInvcgParty eq '<reference>'",
      },
    },
  },
  pulls: {
    suppliers: {
      canonical: 'Supplier',
      erpObject: 'A_BusinessPartner',
      watermarkField: 'LastChangeDate + LastChangeTime',
      pageLimit: 1000,
    },
    accounts: {
      canonical: 'Account',
      erpObject: 'A_GLAccountInChartOfAccounts',
      watermarkField: 'LastChangeDateTime',
      pageLimit: 1000,
    },
    departments: {
      canonical: 'Department',
      erpObject: 'A_CostCenter',
      watermarkField: 'CostCenter',
      tracksChanges: false,
      pageLimit: 1000,
    },
  },
  // no published limits for API_* services (§1.9): a moderate default
  voucherList: {
    erpObject: 'API_JOURNALENTRYITEMBASIC_SRV/A_JournalEntryItemBasic',
    query:
      "GET A_JournalEntryItemBasic?$filter=Ledger eq '0L' and FiscalYear eq '<year>' and FiscalPeriod eq '<0MM>'&$orderby=…&$skip=<cursor>&$top=<limit>",
    pageLimit: 1000,
  },
  defaultRateLimitRps: 10,
  profileSettings: { schema: S4ProfileSettings, defaults: DEFAULT_S4_SETTINGS },
};

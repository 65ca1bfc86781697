import type { ConnectorManifest } from '../contract.ts';
import { DEFAULT_SAP_B1_SETTINGS, SapB1ProfileSettings } from './map/profile.ts';

/** One `$batch` call carries at most this many documents, one changeset each (see connector.ts). */
export const SAP_B1_BATCH_LIMIT = 20;

/** SAP Business One through its Service Layer — see docs/connectors/sap-b1.md and the wire-format reference §2. */
export const SAP_B1_MANIFEST: ConnectorManifest = {
  id: 'sap-b1',
  names: { zh: 'SAP Business One（服务层）', en: 'SAP Business One (Service Layer)' },
  versions: [
    'SAP Business One 10.0 Service Layer, /b1s/v1 (OData v3)',
    'SAP Business One 10.0 FP 2405 and later, /b1s/v2 (OData v4)',
  ],
  authKinds: ['password'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      erpObject: 'JournalEntries',
      lifecycle: ['POST JournalEntries'],
      batchLimit: SAP_B1_BATCH_LIMIT,
      reference: {
        field: 'Reference2 (OJDT.Ref2)',
        lookup: "GET JournalEntries?$filter=Reference2 eq '<reference>'&$select=JdtNum,Number,Reference2",
      },
    },
    supplier_bill: {
      canonical: 'SupplierBill',
      erpObject: 'PurchaseInvoices',
      lifecycle: ['POST PurchaseInvoices'],
      batchLimit: SAP_B1_BATCH_LIMIT,
      reference: {
        field: 'NumAtCard (OPCH.NumAtCard, vendor reference no.)',
        lookup: "GET PurchaseInvoices?$filter=NumAtCard eq '<reference>'&$select=DocEntry,DocNum,NumAtCard",
      },
    },
    payment: {
      canonical: 'Payment',
      erpObject: 'VendorPayments',
      lifecycle: ['POST VendorPayments'],
      batchLimit: SAP_B1_BATCH_LIMIT,
      reference: {
        field: 'Remarks (OVPM.Comments)',
        lookup: "GET VendorPayments?$filter=Remarks eq '<reference>'&$select=DocEntry,DocNum,Remarks",
      },
    },
  },
  pulls: {
    suppliers: {
      canonical: 'Supplier',
      erpObject: 'BusinessPartners',
      watermarkField: 'UpdateDate + UpdateTime',
      pageLimit: 500,
    },
    // the Service Layer's chart of accounts carries no update stamp: pages by Code, changes need a pull from the start
    accounts: {
      canonical: 'Account',
      erpObject: 'ChartOfAccounts',
      watermarkField: 'Code',
      pageLimit: 500,
      tracksChanges: false,
    },
  },
  // whole journal entries with their inline lines, keyset-paged on JdtNum (map/voucher-list.ts)
  voucherList: {
    erpObject: 'JournalEntries',
    query:
      "GET JournalEntries?$filter=ReferenceDate ge '<first day>' and ReferenceDate le '<last day>' and JdtNum gt <cursor>&$select=JdtNum,Number,ReferenceDate,Reference2,JournalEntryLines&$orderby=JdtNum&$top=<limit>",
    pageLimit: 100,
  },
  // an on-premises server with one licence-bound session per connection: stay moderate
  defaultRateLimitRps: 10,
  profileSettings: { schema: SapB1ProfileSettings, defaults: DEFAULT_SAP_B1_SETTINGS },
};

import type { ConnectorManifest } from '../contract.ts';
import { DEFAULT_ORACLE_SETTINGS, OracleProfileSettings } from './map/profile.ts';

/** Oracle Fusion Cloud ERP through fscmRestApi and FBDI Journal Import — see docs/connectors/oracle-fusion.md. */
export const ORACLE_FUSION_MANIFEST: ConnectorManifest = {
  id: 'oracle-fusion',
  names: { zh: 'Oracle Fusion Cloud ERP', en: 'Oracle Fusion Cloud ERP' },
  versions: [
    'fscmRestApi 11.13.18.05 (REST-Framework-Version 4)',
    'Oracle Fusion Cloud ERP 24C–25D: Payables invoices, suppliers, ERP Integrations, journal batches',
    'Journal Import FBDI template GlInterface.csv (25c, 149 columns)',
  ],
  versionPatterns: ['^11\\.13\\.18\\.05\\b'],
  authKinds: ['basic', 'jwt-bearer'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      // there is no REST create for GL journals (§3.5): FBDI Journal Import, then a read of the batch
      erpObject: 'journalBatches',
      lifecycle: [
        'importBulkData (GlInterface.zip)',
        'JournalImportLauncher',
        'getESSJobStatus',
        'downloadESSJobExecutionDetails',
      ],
      // several journals in one file, one interface group each, imported by one request
      batchLimit: 25,
      reference: {
        field:
          'journal batch and journal name (GL_INTERFACE REFERENCE1, REFERENCE4) derived from the reference; the full reference in REFERENCE6',
        lookup: "GET /journalBatches?q=BatchName LIKE '<batch name>%' (Journal Import appends its suffix)",
      },
    },
    supplier_bill: {
      canonical: 'SupplierBill',
      erpObject: 'invoices',
      lifecycle: ['POST /invoices'],
      // POST /invoices creates one invoice a call
      batchLimit: 1,
      reference: {
        field: 'InvoiceNumber (Payables refuses a second invoice with the same number for the supplier)',
        lookup: "GET /invoices?q=InvoiceNumber='<reference>'",
      },
    },
  },
  pulls: {
    suppliers: {
      canonical: 'Supplier',
      erpObject: 'suppliers',
      watermarkField: 'LastUpdateDate',
      pageLimit: 500,
    },
  },
  // each journal of the period's batches, lines expanded in the same answer (map/voucher-list.ts)
  voucherList: {
    erpObject: 'journalBatches (journalHeaders, journalLines)',
    query:
      "GET /journalBatches?q=DefaultPeriodName = '<period name>' and JeBatchId > <cursor>&orderBy=JeBatchId:asc&expand=journalHeaders.journalLines&onlyData=true&limit=<limit>",
    pageLimit: 100,
  },
  // no published per-resource limit; community guidance is a few thousand calls an hour per user (§3.8)
  defaultRateLimitRps: 5,
  profileSettings: { schema: OracleProfileSettings, defaults: DEFAULT_ORACLE_SETTINGS },
};

import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-28T0800-foundation.ts';
import * as security from './2026-11-28T1000-security.ts';
import * as hub from './2026-11-28T1200-hub.ts';
import * as profilesSync from './2026-11-28T1400-profiles-sync.ts';
import * as expenses from './2026-11-28T1600-expenses.ts';
import * as auditPending from './2026-11-28T1700-audit-pending.ts';
import * as queueIndexes from './2026-11-28T1800-queue-indexes.ts';
import * as leanQueue from './2026-11-28T2000-lean-queue.ts';
import * as reversals from './2026-12-02T1900-reversals.ts';
import * as erpVersions from './2026-12-02T1930-erp-versions.ts';
import * as rejectionReasons from './2026-12-03T0800-rejection-reasons.ts';
import * as eventsWebhooks from './2026-12-03T1000-events-webhooks.ts';
import * as postingQueue from './2026-12-03T1100-posting-queue.ts';
import * as bankStatements from './2026-12-03T1300-bank-statements.ts';
import * as erpReconciliation from './2026-12-03T1510-erp-reconciliation.ts';
import * as approvalInbox from './2026-12-03T1400-approval-inbox.ts';
import * as archiveBlobs from './2026-12-03T1520-archive-blobs.ts';
import * as payments from './2026-12-03T1500-payments.ts';
import * as analytics from './2026-12-03T1550-analytics.ts';
import * as governance from './2026-12-03T1540-governance.ts';
import * as postAudit from './2026-12-03T1530-post-audit.ts';
import * as connectionHealth from './2026-12-03T1600-connection-health.ts';
import * as dataQuality from './2026-12-03T1610-data-quality.ts';
import * as supplierBills from './2026-12-03T1620-supplier-bills.ts';
import * as historicalImport from './2026-12-04T1100-historical-import.ts';
import * as duplicateValues from './2026-12-04T1300-duplicate-values.ts';

/**
 * Every migration, in order. Names are timestamps; migrations are forward-only (no `down`): a change is
 * undone by a new migration. Append here when you add a file.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-28T0800-foundation': foundation,
  '2026-11-28T1000-security': security,
  '2026-11-28T1200-hub': hub,
  '2026-11-28T1400-profiles-sync': profilesSync,
  '2026-11-28T1600-expenses': expenses,
  '2026-11-28T1700-audit-pending': auditPending,
  '2026-11-28T1800-queue-indexes': queueIndexes,
  '2026-11-28T2000-lean-queue': leanQueue,
  '2026-12-02T1900-reversals': reversals,
  '2026-12-02T1930-erp-versions': erpVersions,
  '2026-12-03T0800-rejection-reasons': rejectionReasons,
  '2026-12-03T1000-events-webhooks': eventsWebhooks,
  '2026-12-03T1100-posting-queue': postingQueue,
  '2026-12-03T1300-bank-statements': bankStatements,
  '2026-12-03T1400-approval-inbox': approvalInbox,
  '2026-12-03T1520-archive-blobs': archiveBlobs,
  '2026-12-03T1500-payments': payments,
  '2026-12-03T1540-governance': governance,
  '2026-12-03T1550-analytics': analytics,
  '2026-12-03T1530-post-audit': postAudit,
  '2026-12-03T1510-erp-reconciliation': erpReconciliation,
  '2026-12-03T1600-connection-health': connectionHealth,
  '2026-12-03T1610-data-quality': dataQuality,
  '2026-12-03T1620-supplier-bills': supplierBills,
  '2026-12-04T1100-historical-import': historicalImport,
  '2026-12-04T1300-duplicate-values': duplicateValues,
};

import type { LineageLinkProvider } from './types.ts';
import { approvalTaskLinks, expenseLinks, invoiceLinks, voucherLinks } from './expense-links.ts';
import { bankLinks } from './bank-links.ts';
import { archiveLinks } from '../archive/lineage.ts';
import { paymentLinks } from '../payments/lineage.ts';

/**
 * Every lineage link provider the walker asks, in order. A module that keeps records of its own
 * (payments, archive) adds its provider here — one line each; the walker merges duplicate links.
 */
export const LINEAGE_PROVIDERS: readonly LineageLinkProvider[] = [
  expenseLinks,
  invoiceLinks,
  approvalTaskLinks,
  voucherLinks,
  bankLinks,
  paymentLinks,
  archiveLinks,
];

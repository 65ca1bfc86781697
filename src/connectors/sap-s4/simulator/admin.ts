import type { SimulatorFaults } from '../../contract.ts';
import { answerAdmin, type SimulatedDocument } from '../../simulator-admin.ts';
import type { S4Book } from './book.ts';
import { parseAllFaults, type Faults, type S4Faults } from './faults.ts';
import type { Gate } from './gate.ts';
import type { Sessions } from './sessions.ts';

/**
 * The simulator's control surface under `/__sim/` (not part of S/4's API): the common controls of
 * `answerAdmin` — stats, documents, faults — with S/4's own fault keys accepted by the same
 * `PUT /__sim/faults`, and three actions: `POST /__sim/s4/expire-csrf-tokens`,
 * `POST /__sim/s4/expire-sessions` and `POST /__sim/s4/expire-oauth-tokens`.
 */
export interface AdminParts {
  readonly book: S4Book;
  readonly faults: Faults;
  readonly sessions: Sessions;
  readonly gate: Gate;
  readonly stats: Readonly<Record<string, number>>;
  /** Copies the closed periods of the faults into the book. */
  readonly applyPeriods: () => void;
}

/** Every document of the book with our reference as S/4 stores it (XBLNR). */
export const simulatedDocuments = (book: S4Book): SimulatedDocument[] => [
  ...book.journalEntries
    .filter((d) => d.origin === 'BKPFF')
    .map((d) => ({
      kind: 'voucher' as const,
      erpId: `${d.accountingDocument}${d.companyCode}${d.fiscalYear}`,
      erpNumber: d.accountingDocument,
      reference: d.reference,
    })),
  ...book.supplierInvoices.map((i) => ({
    kind: 'supplier_bill' as const,
    erpId: `${i.supplierInvoice}${i.fiscalYear}`,
    erpNumber: i.supplierInvoice,
    reference: i.reference,
  })),
];

const OWN_KEYS = new Set<string>([
  'sessionTtlS',
  'csrfTokenTtlS',
  'soapFaultRate',
  'serverPageSize',
  'journalItemsWithoutAccountingDocument',
  'duplicateInvoiceCheck',
  'closedPeriods',
]);

/** A change of faults from code (tests): the common ones and S/4's own, each where it belongs. */
export function applyFaults(parts: AdminParts, next: SimulatorFaults & Partial<S4Faults>): void {
  const entries = Object.entries(next).filter(([, v]) => v !== undefined);
  parts.faults.set(
    Object.fromEntries(entries.filter(([k]) => !OWN_KEYS.has(k))),
    Object.fromEntries(entries.filter(([k]) => OWN_KEYS.has(k))),
  );
  parts.applyPeriods();
}

export function answerS4Admin(
  parts: AdminParts,
  method: string,
  path: string,
  body: string,
): { status: number; body: unknown } | undefined {
  const { book, faults, sessions, gate } = parts;
  const actions: Record<string, () => number> = {
    '/__sim/s4/expire-csrf-tokens': () => sessions.expireTokens(),
    '/__sim/s4/expire-sessions': () => sessions.expireSessions(),
    '/__sim/s4/expire-oauth-tokens': () => gate.expireTokens(),
  };
  const action = Object.hasOwn(actions, path) ? actions[path] : undefined;
  if (action !== undefined && method === 'POST') return { status: 200, body: { expired: action() } };
  let forwarded = body;
  if (path === '/__sim/faults' && method === 'PUT') {
    const parsed = parseAllFaults(body);
    if ('error' in parsed) return { status: 400, body: { error: parsed.error } };
    faults.set({}, parsed.s4);
    parts.applyPeriods();
    forwarded = JSON.stringify(parsed.common);
  }
  return answerAdmin(method, path, forwarded, {
    stats: () => ({
      ...parts.stats,
      journalEntries: book.journalEntries.filter((d) => d.origin === 'BKPFF').length,
      supplierInvoices: book.supplierInvoices.length,
    }),
    documents: () => simulatedDocuments(book),
    faults: () => faults.current,
    setFaults: (next) => faults.set(next),
  });
}

import type { SimulatorFaults } from '../../contract.ts';
import { answerAdmin, type SimulatedDocument, type VoucherTamper } from '../../simulator-admin.ts';
import { pickFaults } from '../../simulator-kit/fault-keys.ts';
import type { FaultDice } from '../../simulator-kit/faults.ts';
import type { S4Book } from './book.ts';
import { S4_FAULT_KEYS, type S4Faults } from './faults.ts';
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
  readonly faults: FaultDice<S4Faults>;
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

/** A change of faults: the common ones and S/4's own, each where it belongs. */
export function applyFaults(parts: AdminParts, common: SimulatorFaults, own: Partial<S4Faults>): void {
  parts.faults.set(common, own);
  parts.applyPeriods();
}

/** A change of faults from code (tests), common and own keys mixed. */
export const applyFaultsFromCode = (parts: AdminParts, next: SimulatorFaults & Partial<S4Faults>): void =>
  applyFaults(parts, next, pickFaults(next, S4_FAULT_KEYS));

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
  return answerAdmin(
    method,
    path,
    body,
    {
      stats: () => ({
        ...parts.stats,
        journalEntries: book.journalEntries.filter((d) => d.origin === 'BKPFF').length,
        supplierInvoices: book.supplierInvoices.length,
      }),
      documents: () => simulatedDocuments(book),
      faults: () => faults.current,
      setFaults: (common, own) => applyFaults(parts, common, own),
      tamper: (change) => tamperEntry(book, change),
    },
    S4_FAULT_KEYS,
  );
}

/** A user's change to a journal entry, behind the integration's back (reconciliation tests). */
function tamperEntry(book: S4Book, change: VoucherTamper): boolean {
  const doc = book.journalEntries.find((d) => d.origin === 'BKPFF' && d.reference === change.reference);
  if (doc === undefined) return false;
  if (change.change === 'delete') {
    book.replaceEntry(doc, undefined);
    return true;
  }
  const debit = doc.items.findIndex((i) => i.debitCredit === 'S');
  const credit = doc.items.findIndex((i) => i.debitCredit === 'H');
  const bump = (amount: string, by: string): string => {
    const [units = '0', cents = ''] = amount.replace('-', '').split('.');
    const minor = BigInt(units + cents.padEnd(2, '0')) + 1n;
    const text = minor.toString().padStart(3, '0');
    return `${by}${text.slice(0, -2)}.${text.slice(-2)}`;
  };
  const items = doc.items.map((item, i) => {
    if (change.account !== undefined) return i === 0 ? { ...item, glAccount: change.account } : item;
    if (i === debit) return { ...item, amount: bump(item.amount, '') };
    if (i === credit) return { ...item, amount: bump(item.amount, '-') };
    return item;
  });
  book.replaceEntry(doc, { ...doc, items });
  return true;
}

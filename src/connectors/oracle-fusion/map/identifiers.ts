import { createHash } from 'node:crypto';
import { entryOf } from '../../contract.ts';

/**
 * The names FinBridge gives what it sends Oracle, all derived from our external reference so that a
 * lost answer can be resolved by a read: a journal's batch and journal name (GL_INTERFACE REFERENCE1
 * and REFERENCE4), its interface group, and the invoice number. Journal Import appends its own suffix
 * to the batch name (`<REFERENCE1> <source> A <group> <request> N`, observed on a pod), so a batch is
 * found by the name followed by a space.
 */

/** REFERENCE1 keeps its first 50 characters in the batch name (Journal Import's rule, [inferred] for Fusion). */
const BATCH_NAME_MAX = 50;
const SAFE = /^[A-Za-z0-9._:-]+$/;

const digest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The batch (and journal) name of the journal carrying `reference`: the reference itself when it is short and plain, else a hash. */
export function batchNameOf(reference: string): string {
  return reference.length <= BATCH_NAME_MAX && SAFE.test(reference)
    ? reference
    : `FB-${digest(reference).slice(0, 32)}`;
}

/** True when Oracle's batch name is the one Journal Import made from our name. */
export const isBatchOf = (oracleName: string, ours: string): boolean =>
  oracleName === ours || oracleName.startsWith(`${ours} `);

/** A 15-digit GROUP_ID from the reference: the same document always lands in the same interface group. */
export function groupIdOf(reference: string): string {
  const hash = BigInt(`0x${digest(`group:${reference}`).slice(0, 16)}`);
  return (100_000_000_000_000n + (hash % 900_000_000_000_000n)).toString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The Oracle period name of a `YYYY-MM` period: the profile's name for it, else the common Fusion
 * calendar's `Mon-YY` (Nov-26); adjusting periods 13–16 as `Adj<n>-YY` ([inferred]: calendars differ).
 */
export function periodNameOf(period: string, names: Readonly<Record<string, string>>): string {
  const named = entryOf(names, period);
  if (named !== undefined) return named;
  const year = period.slice(2, 4);
  const month = Number(period.slice(5));
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1] ?? ''}-${year}` : `Adj${month}-${year}`;
}

/** A calendar date as FBDI writes it: YYYY/MM/DD. */
export const fbdiDate = (date: string): string => date.replace(/-/g, '/');

/** A string literal of a `q` row-match expression (REST framework 2+): single quotes doubled. */
export const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A file-name-safe tag of a name (UCM keeps the file under it). */
export const fileTag = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);

import { DomainError, type Failure } from '../../model/result.ts';
import type { Direction } from './tables.ts';

/**
 * What every statement reader produces — camt.053 (camt053.ts), MT940 (mt940.ts) and bank CSV exports
 * (csv.ts) — before anything is stored: plain data, amounts in minor units, dates as YYYY-MM-DD. A
 * reader either returns the whole file or refuses it with every wrong line named (`FileFaults`).
 */
export type StatementFormat = 'mt940' | 'csv' | 'camt.053' | `camt.053.001.${string}`;

export interface ParsedLine {
  /** Position in its statement, from 1. */
  readonly seq: number;
  /** The line of the file it was read from (for messages). */
  readonly fileLine: number;
  readonly bookedOn: string;
  readonly valueOn: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly direction: Direction;
  readonly counterpartyName: string | null;
  readonly counterpartyAccount: string | null;
  readonly reference: string | null;
  readonly description: string | null;
  readonly bankTxnId: string | null;
  readonly balanceMinor: bigint | null;
}

export interface StatedBalance {
  readonly minor: bigint;
  /** The day the balance is for. */
  readonly on: string;
}

export interface ParsedStatement {
  /** The account number as the file states it (spaces and hyphens removed); null when it does not. */
  readonly accountNumber: string | null;
  readonly currency: string | null;
  /** The statement's own id (camt Stmt/Id, MT940 :20: and :28C:). */
  readonly ref: string | null;
  readonly fromOn: string;
  readonly toOn: string;
  /** The balance before the first line. */
  readonly opening: StatedBalance | null;
  /** The balance at the end of the day `on`. */
  readonly closing: StatedBalance | null;
  readonly lines: readonly ParsedLine[];
  /** Entries the file lists but that are not booked (camt PDNG / INFO), left out. */
  readonly skipped: number;
}

export interface ParsedFile {
  readonly format: StatementFormat;
  /** The CSV layout the file was read with. */
  readonly layout: string | null;
  readonly encoding: string;
  readonly statements: readonly ParsedStatement[];
}

/** One wrong place in a file: its line, the field (as the file names it) and why, in both languages. */
export interface Fault {
  readonly line: number;
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/** The most faults a refusal lists (the count says how many there were). */
const MAX_LISTED = 50;

/** Collects faults while a reader goes on, so one refusal names every wrong line. */
export class FileFaults {
  readonly list: Fault[] = [];
  add(line: number, field: string, zh: string, en: string): void {
    this.list.push({ line, field, zh, en });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  /** Throws the refusal when there is anything to refuse. */
  check(): void {
    if (this.list.length > 0) throw fileInvalid(this.list);
  }
}

export function fileInvalid(faults: readonly Fault[]): DomainError {
  const first = faults[0] ?? { line: 0, field: '', zh: '', en: '' };
  const failures: Failure[] = faults.slice(0, MAX_LISTED).map((f) => ({
    code: 'bank_line_invalid',
    pointer: '/content',
    params: { line: f.line, field: f.field, reason: f.zh, reasonEn: f.en },
  }));
  return new DomainError(
    'bank_file_invalid',
    { count: faults.length, line: first.line, field: first.field, reason: first.zh, reasonEn: first.en },
    failures,
  );
}

export const unreadable = (zh: string, en: string): DomainError =>
  new DomainError('bank_file_unreadable', { reason: zh, reasonEn: en });

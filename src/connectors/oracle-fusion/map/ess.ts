import { strFromU8, unzipSync } from 'fflate';

/**
 * Enterprise Scheduler (ESS) requests as ERP Integrations reports them (§3.5): the status of
 * `finder=ESSJobStatusRF;requestId=` and the zip `downloadESSJobExecutionDetails` returns.
 */

/** Statuses after which the request does nothing more ([observed]: SUCCEEDED, WARNING, ERROR, CANCELLED). */
const FINISHED = new Set([
  'SUCCEEDED',
  'WARNING',
  'ERROR',
  'CANCELLED',
  'EXPIRED',
  'ERROR_MANUAL_RECOVERY',
  'VALIDATION_FAILED',
  'FINISHED',
]);

/** Finished or still going (WAIT, READY, RUNNING, BLOCKED, COMPLETED, ERROR_AUTO_RETRY, … and anything unknown). */
export const isFinished = (status: string): boolean => FINISHED.has(status.toUpperCase());

/** The text files of a base64 zip (log and output files), or undefined when it is not one. */
export function zipTexts(base64: string): Map<string, string> | undefined {
  try {
    const files = unzipSync(Buffer.from(base64, 'base64'));
    return new Map(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  } catch {
    return undefined;
  }
}

/** Journal Import's error codes: EP01, EU02, EF04, EC06, ECW1, … ([observed] code table). */
const ERROR_CODE = /\b(E[A-Z][A-Z0-9]\d)\b/;

export interface JournalError {
  readonly code: string;
  readonly message: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The error Journal Import reported for each of our journals: a line of the log naming the journal
 * (as a whole word) with an error code; the message is the rest of the line after the code. The log's
 * layout is not documented ([inferred]), so nothing else of it is relied on.
 */
export function journalErrors(
  texts: Iterable<string>,
  journalNames: readonly string[],
): Map<string, JournalError> {
  const lines = [...texts].flatMap((text) => text.split(/\r?\n/));
  const found = new Map<string, JournalError>();
  for (const name of journalNames) {
    const mentions = new RegExp(`(^|[\\s:'"(\\[])${escape(name)}($|[\\s:,'")\\]])`);
    for (const line of lines) {
      const mention = mentions.exec(line);
      if (mention === null) continue;
      // the code comes after the name: a name may itself hold something shaped like a code
      const rest = line.slice(mention.index + mention[0].length);
      const code = ERROR_CODE.exec(rest);
      if (code?.[1] === undefined) continue;
      const message = rest.slice(code.index + code[1].length).trim();
      found.set(name, { code: code[1], message: `${code[1]} ${message}`.trim() });
      break;
    }
  }
  return found;
}

/** The first line of a log that reports the request itself failing (an ERROR line naming no journal). */
export const requestError = (texts: Iterable<string>): string | undefined =>
  [...texts]
    .flatMap((text) => text.split(/\r?\n/))
    .find((line) => /^\s*(ERROR|ORA-\d+|JBO-\d+)/.test(line))
    ?.trim();

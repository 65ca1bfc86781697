import type { ErrorCode } from './error-codes.ts';

/** A failure a domain function reports instead of throwing: a stable code, the field it concerns, values for the message. */
export interface Failure {
  readonly code: ErrorCode;
  /** JSON pointer of the offending field, relative to the document being checked ('' = the whole document). */
  readonly pointer: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failures: readonly Failure[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  pointer = '',
  params?: Readonly<Record<string, string | number>>,
): { ok: false; failures: Failure[] } => ({
  ok: false,
  failures: [params === undefined ? { code, pointer } : { code, pointer, params }],
});

/** Prefixes every failure's pointer, for checks of a nested part of a document. */
export function under<T>(prefix: string, result: Result<T>): Result<T> {
  if (result.ok) return result;
  return { ok: false, failures: result.failures.map((f) => ({ ...f, pointer: prefix + f.pointer })) };
}

import { ERROR_CODES, renderMessage, type ErrorCode } from './error-codes.ts';

/** A failure a domain function reports instead of throwing: a stable code, the field it concerns, values for the message. */
export interface Failure {
  readonly code: ErrorCode;
  /** JSON pointer of the offending field, relative to the document being checked ('' = the whole document). */
  readonly pointer: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failures: readonly Failure[] };

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

/**
 * A refusal with a registered code, thrown across layers (domain → API/CLI). It carries the
 * field-level failures; the API turns it into problem+json, the CLI into a readable message.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly failures: readonly Failure[];
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    params: Readonly<Record<string, string | number>> = {},
    failures: readonly Failure[] = [],
    extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(renderMessage(code, 'en-US', params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.failures = failures;
    this.extensions = extensions;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** A document that failed checks: one failure on the whole document keeps its own code; otherwise 422 validation_failed. */
export function refusal(failures: readonly Failure[]): DomainError {
  const only = failures.length === 1 ? failures[0] : undefined;
  return only !== undefined && only.pointer === ''
    ? new DomainError(only.code, only.params ?? {}, failures)
    : new DomainError('validation_failed', {}, failures);
}

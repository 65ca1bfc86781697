import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure } from '../contract.ts';

/**
 * Service Layer answers → the closed set of outcome classes (§2.1, §2.2). B1 errors come as
 * `{"error":{"code":-5002,"message":{"lang":"en-us","value":"…"}}}` (v1, numeric code) or
 * `{"error":{"code":"-5002","message":"…","details":[…]}}` (v2, text). What decides the class:
 *
 * - 401 with code 301 (`Invalid session or session already timeout.`) → auth_expired: the session is
 *   checked before anything else, so nothing was done and the call can be made again after a login;
 * - 500 with code 299 (`SAML Login Failed`, parallel logins) → transient: no session was made;
 * - any other B1 error below 500 (-5002 validation, -10 duplicate key, -1000 unknown property,
 *   -2028 not found, 201 bad query, -304/-306 login refused, …) → rejected, B1's text verbatim;
 * - a B1 error of 500 and above → ambiguous (B1 says it failed, but a write may have gone part way);
 * - HTTP 429 → throttled (B1 has no throttle of its own; a gateway in front of it answers so);
 * - anything else — an HTML `502 Proxy Error` page from the balancer, a truncated or non-JSON body, a
 *   2xx without the JSON it should carry — → ambiguous, with the body kept in the message.
 */

/** A B1 error as either OData flavour writes it. */
export interface B1Error {
  readonly code: string;
  readonly message: string;
}

export type Classified =
  | {
      readonly ok: true;
      readonly status: number;
      /** The parsed JSON body; undefined for 204 and bodiless answers. */
      readonly body: Readonly<Record<string, unknown>> | undefined;
    }
  | { readonly ok: false; readonly status: number; readonly failure: ErpFailure; readonly b1?: B1Error };

const KEPT = 500;
const kept = (text: string): string => (text.length > KEPT ? `${text.slice(0, KEPT)}…` : text);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Number literals as the text B1 wrote (`1713.30` stays "1713.30"): amounts never pass through a float. */
const exactNumbers = (_key: string, value: unknown, context?: { readonly source?: string }): unknown =>
  typeof value === 'number' && context?.source !== undefined ? context.source : value;

const parseJson = (text: string, exact = false): unknown => {
  try {
    return exact ? JSON.parse(text, exactNumbers) : JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The B1 error in a body, v1 or v2 shape; undefined when the body is not one. */
export function readB1Error(text: string): B1Error | undefined {
  const parsed = parseJson(text);
  const error = isRecord(parsed) ? parsed['error'] : undefined;
  if (!isRecord(error)) return undefined;
  const code = error['code'];
  const message = error['message'];
  if (typeof code !== 'number' && typeof code !== 'string') return undefined;
  const value = typeof message === 'string' ? message : isRecord(message) ? message['value'] : undefined;
  if (typeof value !== 'string') return undefined;
  return { code: String(code), message: value };
}

/** The class of a B1 error answered with this HTTP status. */
export function classifyB1Error(status: number, error: B1Error): ErpFailure {
  const message = error.message === '' ? `B1 error ${error.code}` : error.message;
  if (status === 401 && error.code === '301') return { outcome: 'auth_expired', code: error.code, message };
  if (error.code === '299') return { outcome: 'transient', code: error.code, message };
  if (status === 429) return { outcome: 'throttled', code: error.code, message };
  if (status >= 500) return { outcome: 'ambiguous', code: error.code, message };
  const reason = rejectionReason(error.code, message);
  return { outcome: 'rejected', code: error.code, message, ...(reason === undefined ? {} : { reason }) };
}

/** B1 error codes whose meaning is the reason (§2.2). */
const REASON_BY_CODE: Readonly<Record<string, RejectionReason>> = {
  '-1004': 'invalid_value', // '…' is not a valid value / date / number for property '…'
  '-8112': 'invalid_value', // Value too long in property '…' of '…'
};

/**
 * B1's wording under its generic validation code -5002 (and -10, duplicate key or business rule), which
 * holds every other cause: first match wins.
 */
const REASON_BY_MESSAGE: readonly (readonly [RegExp, RejectionReason])[] = [
  [/Posting period locked/i, 'period_closed'],
  [/Invalid account code|Cannot post to a title account/i, 'unknown_account'],
  [/Invalid BP code|Code undefined\s*\[OCRD\.CardCode\]/i, 'unknown_partner'],
  [/Invalid distribution rule/i, 'unknown_dimension'],
  [/Unbalanced transaction/i, 'unbalanced'],
  [/(NumAtCard|reference).*(already (exists|assigned|used)|duplicate)/i, 'duplicate_reference'], // [unsure] wording
  [/Invalid tax code/i, 'invalid_value'],
];

/** Why B1 refused a document, by its code first and then its message; undefined when neither says. */
export function rejectionReason(code: string, message: string): RejectionReason | undefined {
  if (Object.hasOwn(REASON_BY_CODE, code)) return REASON_BY_CODE[code];
  if (code !== '-5002' && code !== '-10') return undefined;
  return REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

const isJsonType = (contentType: string | undefined) =>
  contentType === undefined || /\bjson\b/i.test(contentType);

/**
 * Reads one HTTP answer of the Service Layer. `expectBody` says whether a success must carry a JSON
 * object (a read, a POST answered 201) or may be empty (204, Logout); `exact`, whether the numbers of a
 * success are kept as the text B1 wrote them (strings) rather than read as JS numbers.
 */
export function classifyAnswer(
  status: number,
  contentType: string | undefined,
  text: string,
  expectBody: boolean,
  exact = false,
): Classified {
  if (status >= 200 && status < 300) {
    if (status === 204 || (!expectBody && text.trim() === '')) return { ok: true, status, body: undefined };
    const parsed = isJsonType(contentType) ? parseJson(text, exact) : undefined;
    if (isRecord(parsed)) return { ok: true, status, body: parsed };
    if (!expectBody) return { ok: true, status, body: undefined };
    return {
      ok: false,
      status,
      failure: {
        outcome: 'ambiguous',
        code: `HTTP ${status}`,
        message: `unreadable answer (${contentType ?? 'no content type'}): ${kept(text)}`,
      },
    };
  }
  const b1 = readB1Error(text);
  if (b1 !== undefined) return { ok: false, status, failure: classifyB1Error(status, b1), b1 };
  if (status === 429)
    return { ok: false, status, failure: { outcome: 'throttled', code: 'HTTP 429', message: kept(text) } };
  return {
    ok: false,
    status,
    failure: { outcome: 'ambiguous', code: `HTTP ${status}`, message: kept(text) },
  };
}

/**
 * Whether a refusal says the document's reference is taken: the company's "block duplicate vendor
 * reference" rule on `NumAtCard` ([unsure]: its wording through the Service Layer is not known; this
 * matches B1's usual duplicate phrasing). Journal entries and payments have no such rule in B1.
 */
export const isDuplicateReference = (failure: ErpFailure): boolean =>
  failure.outcome === 'rejected' && rejectionReason(failure.code, failure.message) === 'duplicate_reference';

/** A read that failed without an answer created nothing: resending it is safe. */
export const asRead = (failure: ErpFailure): ErpFailure =>
  failure.outcome === 'ambiguous' ? { ...failure, outcome: 'transient' } : failure;

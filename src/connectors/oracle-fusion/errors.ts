import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure } from '../contract.ts';

/**
 * Oracle Fusion REST answers → the closed set of outcome classes (§3.6). Errors arrive as plain text
 * (the default of many resources) or, when the client accepts `application/vnd.oracle.adf.error+json`,
 * as `{title, status, o:errorDetails[{detail, o:errorCode, o:errorPath}]}`. A 4xx Oracle wrote is a
 * refusal (with Oracle's text kept); 401 asks for new credentials; 429 is a throttle; 408 and 5xx may
 * have done the work. Anything that is not what Oracle writes — a proxy's HTML page, truncated JSON,
 * a success without a JSON object — is `ambiguous`, never a refusal and never a throw.
 */
export type Json = Readonly<Record<string, unknown>>;

export type Classified =
  | { readonly ok: true; readonly status: number; readonly body: Json }
  | { readonly ok: false; readonly failure: ErpFailure };

const KEPT = 500;
const kept = (text: string): string => text.slice(0, KEPT);

const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Number literals as the text Oracle wrote (`1713.30` stays "1713.30"): amounts never pass through a float. */
const exactNumbers = (_key: string, value: unknown, context?: { readonly source?: string }): unknown =>
  typeof value === 'number' && context?.source !== undefined ? context.source : value;

const parse = (text: string, exact = false): unknown => {
  try {
    return exact ? JSON.parse(text, exactNumbers) : JSON.parse(text);
  } catch {
    return undefined;
  }
};

const fail = (outcome: ErpFailure['outcome'], code: string, message: string): Classified => ({
  ok: false,
  failure: outcome === 'rejected' ? refusal(code, message) : { outcome, code, message },
});

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Oracle's own code and message(s) from a structured error body, if it is one. */
export function structuredError(body: unknown): { code: string; message: string } | undefined {
  if (!isJson(body)) return undefined;
  const details = Array.isArray(body['o:errorDetails']) ? body['o:errorDetails'].filter(isJson) : [];
  const messages = details.map((d) => str(d['detail'])).filter((m) => m !== '');
  const code = str(details[0]?.['o:errorCode']) || str(body['o:errorCode']);
  const message = messages.join(' | ') || str(body['detail']) || str(body['title']);
  return message === '' && code === '' ? undefined : { code, message };
}

/**
 * Reads one HTTP answer: success with its JSON object, or a classified failure. `exact` keeps the
 * numbers of a success as the text Oracle wrote them (strings) rather than JS numbers.
 */
export function classifyAnswer(status: number, contentType: string, text: string, exact = false): Classified {
  const type = contentType.toLowerCase();
  const html = type.includes('html') || /^\s*<(!doctype|html)/i.test(text);
  if (status >= 200 && status < 300) {
    const body = html ? undefined : parse(text, exact);
    return isJson(body)
      ? { ok: true, status, body }
      : fail('ambiguous', status === 204 ? 'HTTP 204' : 'unreadable_answer', kept(text));
  }
  if (status === 401) return fail('auth_expired', 'HTTP 401', kept(text) || 'Unauthorized');
  if (status === 429) return fail('throttled', 'HTTP 429', kept(text) || 'Too Many Requests');
  if (status === 408 || status >= 500 || status < 200 || (status >= 300 && status < 400))
    return fail('ambiguous', `HTTP ${status}`, kept(text));
  // a 4xx: Oracle's refusal, unless it is a page from something in between or unreadable
  if (html) return fail('ambiguous', `HTTP ${status}`, kept(text));
  if (type.includes('json')) {
    const error = structuredError(parse(text));
    if (error === undefined) return fail('ambiguous', `HTTP ${status}`, kept(text));
    return fail(
      'rejected',
      error.code === '' ? `HTTP ${status}` : `HTTP ${status}/${error.code}`,
      error.message || kept(text),
    );
  }
  return fail('rejected', `HTTP ${status}`, kept(text.trim()) || `HTTP ${status}`);
}

/**
 * Payables' refusal of an invoice number the supplier already has ([inferred] wording: the text is not
 * documented; these are the phrasings seen in Payables messages and the simulator's).
 */
const DUPLICATE = /already exists|already been used|duplicate invoice/i;

/**
 * Oracle's codes whose meaning is the reason: Journal Import's status codes (§3.5, its code table) and
 * the Payables `o:errorCode`s of a structured error (§3.6); `supplier_not_found` is this connector's
 * code for a SupplierNumber `/suppliers` does not have.
 */
const REASON_BY_CODE: Readonly<Record<string, RejectionReason>> = {
  EP01: 'period_closed', // This date is not in any open or future enterable period.
  EP02: 'period_closed', // This ledger does not have any open or future enterable periods.
  EF01: 'unknown_account', // This Accounting Flexfield is inactive for this accounting date.
  EF02: 'unknown_account', // Detail posting not allowed for this Accounting Flexfield.
  EF03: 'unknown_account', // Disabled Accounting Flexfield.
  EF04: 'unknown_account', // This is an invalid Accounting Flexfield. …
  EF05: 'unknown_account', // There is no Accounting Flexfield with this Code Combination ID.
  EU02: 'unbalanced', // The journal entry is unbalanced and suspense posting isn't allowed …
  EC08: 'invalid_value', // Invalid currency code.
  EC13: 'invalid_value', // The amount is too large or has more decimal places than the currency allows.
  'AP-810129': 'unknown_account', // The account … isn't valid.
  'AP-810400': 'unknown_partner', // The supplier … isn't valid.
  'AP-810402': 'unknown_partner', // The supplier site … isn't valid for the business unit …
  'AP-810069': 'duplicate_reference', // The invoice number … already exists for the supplier …
  supplier_not_found: 'unknown_partner',
  'HTTP 403': 'not_authorized', // authenticated, but without the privilege
};

/** Oracle's wording where it gives no code (plain-text errors, details without `o:errorCode`). */
const REASON_BY_MESSAGE: readonly (readonly [RegExp, RejectionReason])[] = [
  [/isn't in an open period|not in any open or future enterable period/i, 'period_closed'],
  [/\bThe account \S+ isn't valid/i, 'unknown_account'],
  [/\bThe supplier (site )?.+ isn't valid/i, 'unknown_partner'],
  [DUPLICATE, 'duplicate_reference'],
  [/\bThe [\w ]+ \S+ isn't valid\./i, 'invalid_value'],
];

/** Why Oracle refused something, by its code first and then its wording; undefined when neither says. */
export function rejectionReason(code: string, message: string): RejectionReason | undefined {
  const bare = code.replace(/^HTTP \d+\//, '');
  if (Object.hasOwn(REASON_BY_CODE, bare)) return REASON_BY_CODE[bare];
  if (/^(E[A-Z]\d\d|[A-Z]+-\d+)$/.test(bare)) return undefined; // a code of Oracle's that says something else
  return REASON_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

/** A definite refusal with Oracle's code and message, and the reason when Oracle's answer says one. */
export function refusal(code: string, message: string): ErpFailure {
  const reason = rejectionReason(code, message);
  return { outcome: 'rejected', code, message, ...(reason === undefined ? {} : { reason }) };
}

export const isDuplicateRefusal = (failure: ErpFailure): boolean =>
  failure.outcome === 'rejected' && DUPLICATE.test(failure.message);

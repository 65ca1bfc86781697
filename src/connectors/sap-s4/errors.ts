import type { IncomingHttpHeaders } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import type { RejectionReason } from '../../model/erp-rejections.ts';
import type { ErpFailure, PushResult } from '../contract.ts';
import { wellFormed } from './xml.ts';

/**
 * S/4HANA answers → the closed set of outcome classes (§1.3 "Business-error response", "Technical
 * failures", §1.4 "Error body"). SOAP posting errors arrive inside HTTP 200 as per-entry `Log` items
 * and are definite rejections with SAP's notes kept verbatim; a SOAP fault is a rejection when SAP
 * blames the request (`Client`) and ambiguous otherwise; OData errors carry `error.code` and
 * `error.message.value`. Anything unreadable — an HTML page from a proxy, cut-off XML or JSON, a
 * body of the wrong type — is `ambiguous`, never thrown.
 */

const KEPT = 500;
const kept = (text: string): string => text.slice(0, KEPT);

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): unknown[] =>
  value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];

/** Text content of a parsed element (an element with attributes keeps its text in `#text`). */
const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
};

/** A 403 that asks for a fresh CSRF token (§1.4): fetch one and retry once; any other 403 is final. */
export const needsCsrfToken = (status: number, headers: IncomingHttpHeaders): boolean =>
  status === 403 && header(headers, 'x-csrf-token').toLowerCase() === 'required';

/** Failures every answer shares, whatever the protocol; undefined when the body must decide. */
function byStatus(status: number, headers: IncomingHttpHeaders, text: string): ErpFailure | undefined {
  if (status === 401)
    return { outcome: 'auth_expired', code: 'HTTP 401', message: kept(text) || 'Unauthorized' };
  if (needsCsrfToken(status, headers))
    return { outcome: 'auth_expired', code: 'CSRF', message: kept(text) || 'CSRF token validation failed' };
  if (status === 429)
    return { outcome: 'throttled', code: 'HTTP 429', message: kept(text) || 'Too Many Requests' };
  return undefined;
}

const SOAP_PARSER = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name, jpath) =>
    (name === 'JournalEntryCreateConfirmation' &&
      String(jpath).endsWith('JournalEntryBulkCreateConfirmation.JournalEntryCreateConfirmation')) ||
    (name === 'Item' && String(jpath).endsWith('Log.Item')),
});

/** The parsed SOAP `Body`, or undefined when the text is not a well-formed SOAP envelope. */
function soapBody(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('<') || !wellFormed(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = SOAP_PARSER.parse(text);
  } catch {
    return undefined;
  }
  const envelope = isRecord(parsed) ? parsed['Envelope'] : undefined;
  const body = isRecord(envelope) ? envelope['Body'] : undefined;
  return isRecord(body) ? body : undefined;
}

interface LogItem {
  readonly typeId: string;
  readonly severity: number;
  readonly note: string;
}

const logItems = (log: unknown): LogItem[] =>
  isRecord(log)
    ? list(log['Item']).map((item) => ({
        typeId: isRecord(item) ? textOf(item['TypeID']) : '',
        severity: Number(isRecord(item) ? textOf(item['SeverityCode']) : '0') || 0,
        note: isRecord(item) ? textOf(item['Note']) : '',
      }))
    : [];

/** The generic first error of a failed entry; the real causes follow it (§1.3). */
const GENERIC_ERROR = '609(RW)';

/**
 * SAP messages (class/number) whose meaning is the reason (§1.3 "Typical real error texts", §1.4, §1.8).
 * SOAP log items write a message as `507(F5)`, OData as `F5/507`; both are looked up as `F5/507`.
 */
const REASON_BY_MESSAGE_ID: Readonly<Record<string, RejectionReason>> = {
  'F5/201': 'period_closed', // Posting period … is not open
  'F5/507': 'unknown_account', // G/L account … is not defined in chart of accounts …
  'FH/004': 'unknown_account', // Account … does not exist in chart of accounts …
  'F5/351': 'unknown_account', // Account … is blocked for posting
  'F5/104': 'unknown_partner', // Vendor … is not defined in company code …
  'F5/102': 'unknown_partner', // Customer … is not defined in company code …
  'KI/248': 'unknown_dimension', // Cost center …/… does not exist
  'F5/702': 'unbalanced', // Balance in transaction currency
  'M8/321': 'unbalanced', // Balance not zero: … debits: … credits: …
  'M8/108': 'duplicate_reference', // Check if invoice already entered under accounting doc. no. …
  '00/055': 'invalid_value', // Fill in all required entry fields
  'F5/808': 'invalid_value', // Field … is a required field for G/L account …
  'F5/165': 'invalid_value', // Company code … is not defined
  'F5/814': 'invalid_value', // Document type … is not defined
  'FF/713': 'invalid_value', // Tax code … country … does not exist in procedure …
  // a 403 that is not a CSRF token request, and Gateway's "service not granted" (§1.4, §1.7)
  'HTTP 403': 'not_authorized',
  '/IWFND/CM_CONSUMER/101': 'not_authorized',
};

/** Why S/4 refused something, by its message class and number; undefined for any other answer. */
export function rejectionReason(code: string): RejectionReason | undefined {
  const soap = /^(\w+)\((\w+)\)$/.exec(code);
  const id = soap === null ? code : `${soap[2] ?? ''}/${soap[1] ?? ''}`;
  return Object.hasOwn(REASON_BY_MESSAGE_ID, id) ? REASON_BY_MESSAGE_ID[id] : undefined;
}

/** A definite refusal with SAP's code and message, and the reason when SAP's code says one. */
function refusal(code: string, message: string): ErpFailure {
  const reason = rejectionReason(code);
  return { outcome: 'rejected', code, message, ...(reason === undefined ? {} : { reason }) };
}

/** SAP's notes of a failed entry, verbatim, each once, in order; the code is the first specific one. */
function rejectionOf(items: readonly LogItem[]): ErpFailure {
  const errors = items.filter((i) => i.severity >= 3);
  const shown = errors.length > 0 ? errors : items;
  const notes = [...new Set(shown.map((i) => i.note).filter((n) => n !== ''))];
  const specific = shown.find((i) => i.typeId !== GENERIC_ERROR && i.typeId !== '') ?? shown[0];
  return refusal(specific?.typeId || 'SOAP', notes.join('; ') || 'journal entry not posted (no log text)');
}

/**
 * One `JournalEntryCreateConfirmation` → the push result (§1.3): posted when the accounting document
 * is neither blank nor all zeros and no log item has severity 3; then erpId is SAP's object key
 * (document number + company code + fiscal year, as the `605(RW)` note prints it) and erpNumber the
 * document number.
 */
export function entryResult(confirmation: unknown): PushResult {
  if (!isRecord(confirmation))
    return { outcome: 'ambiguous', code: 'no_confirmation', message: 'empty journal entry confirmation' };
  const inner = confirmation['JournalEntryCreateConfirmation'];
  const fields = isRecord(inner) ? inner : {};
  const document = textOf(fields['AccountingDocument']).trim();
  const companyCode = textOf(fields['CompanyCode']).trim();
  const fiscalYear = textOf(fields['FiscalYear']).trim();
  const log = confirmation['Log'];
  const items = logItems(log);
  const maximum = Math.max(
    Number(isRecord(log) ? textOf(log['MaximumLogItemSeverityCode']) : '0') || 0,
    ...items.map((i) => i.severity),
  );
  const blank = document === '' || /^0+$/.test(document);
  if (!blank && maximum < 3)
    return { outcome: 'success', erpId: `${document}${companyCode}${fiscalYear}`, erpNumber: document };
  if (maximum >= 3) return rejectionOf(items);
  return {
    outcome: 'ambiguous',
    code: 'no_document',
    message: `no accounting document and no error: ${items.map((i) => i.note).join('; ')}`.slice(0, KEPT),
  };
}

/** A SOAP fault (1.1 `faultcode`/`faultstring` or 1.2 `Code/Value`/`Reason/Text`) → its failure. */
function faultFailure(fault: Record<string, unknown>, status: number): ErpFailure {
  const code11 = textOf(fault['faultcode']);
  const code12 = isRecord(fault['Code']) ? textOf(fault['Code']['Value']) : '';
  const reason = isRecord(fault['Reason']) ? textOf(fault['Reason']['Text']) : '';
  const code = (code11 || code12).replace(/^.*:/, '');
  const message = textOf(fault['faultstring']) || reason || `SOAP fault (HTTP ${status})`;
  // the sender's fault (malformed request, schema violation): the same message cannot pass
  const blamesRequest = code === 'Client' || code === 'Sender';
  return blamesRequest
    ? refusal(`SOAP ${code}`, message)
    : { outcome: 'ambiguous', code: `SOAP ${code || 'Fault'}`, message };
}

/**
 * The answer to a `JournalEntryBulkCreateRequest` → one result per request entry, in request order.
 * Confirmations are matched to entries by `MessageHeader/ReferenceID` (the echo of our message ID),
 * by position when SAP echoes none; an entry without a confirmation is ambiguous.
 */
export function classifySoapAnswer(
  status: number,
  headers: IncomingHttpHeaders,
  text: string,
  messageIds: readonly string[],
): PushResult[] {
  const all = (failure: ErpFailure): PushResult[] => messageIds.map(() => failure);
  const common = byStatus(status, headers, text);
  if (common !== undefined) return all(common);
  const body = soapBody(text);
  const type = header(headers, 'content-type').toLowerCase();
  const xml = type.includes('xml');
  if (body === undefined || !xml) {
    if (status === 403 || status === 404) return all(refusal(`HTTP ${status}`, kept(text)));
    return all({
      outcome: 'ambiguous',
      code: status === 200 ? 'unreadable_answer' : `HTTP ${status}`,
      message: kept(text) || `HTTP ${status} without a body`,
    });
  }
  const fault = body['Fault'];
  if (isRecord(fault)) return all(faultFailure(fault, status));
  const bulk = body['JournalEntryBulkCreateConfirmation'];
  if (status !== 200 || !isRecord(bulk))
    return all({ outcome: 'ambiguous', code: `HTTP ${status}`, message: kept(text) });
  const confirmations = list(bulk['JournalEntryCreateConfirmation']).filter(isRecord);
  const byId = new Map<string, Record<string, unknown>>();
  for (const c of confirmations) {
    const ref = isRecord(c['MessageHeader']) ? textOf(c['MessageHeader']['ReferenceID']) : '';
    if (ref !== '') byId.set(ref, c);
  }
  const bulkLog = logItems(bulk['Log']);
  return messageIds.map((id, i) => {
    const confirmation = byId.get(id) ?? (byId.size === 0 ? confirmations[i] : undefined);
    if (confirmation !== undefined) return entryResult(confirmation);
    // the whole message was refused, with the reason in the bulk-level log
    if (confirmations.length === 0 && bulkLog.some((l) => l.severity >= 3)) return rejectionOf(bulkLog);
    return { outcome: 'ambiguous', code: 'no_confirmation', message: `no confirmation for message ${id}` };
  });
}

/** A readable OData answer, or its failure. */
export type ODataAnswer =
  | {
      readonly ok: true;
      readonly status: number;
      readonly body: unknown;
      readonly headers: IncomingHttpHeaders;
    }
  | { readonly ok: false; readonly failure: ErpFailure };

/** The message of an OData v2 error body: `error.message.value`, plus any other error detail. */
function odataError(body: unknown): { code: string; message: string } | undefined {
  const error = isRecord(body) ? body['error'] : undefined;
  if (!isRecord(error)) return undefined;
  const message = isRecord(error['message']) ? textOf(error['message']['value']) : textOf(error['message']);
  const inner = isRecord(error['innererror']) ? error['innererror'] : {};
  const details = list(inner['errordetails'])
    .filter(isRecord)
    .filter((d) => textOf(d['severity']) === 'error')
    .map((d) => textOf(d['message']))
    .filter((m) => m !== '' && m !== message);
  return {
    code: textOf(error['code']) || 'ODATA',
    message: [message, ...new Set(details)].filter((m) => m !== '').join('; '),
  };
}

const parseJson = (text: string): { value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
};

/** An OData v2 (Gateway) answer: success with its JSON body, or a classified failure. */
export function classifyODataAnswer(status: number, headers: IncomingHttpHeaders, text: string): ODataAnswer {
  const common = byStatus(status, headers, text);
  if (common !== undefined) return { ok: false, failure: common };
  const json = header(headers, 'content-type').toLowerCase().includes('json');
  const parsed = json ? parseJson(text) : undefined;
  if (status >= 200 && status < 300) {
    if (status === 204) return { ok: true, status, body: undefined, headers };
    if (parsed === undefined)
      return {
        ok: false,
        failure: { outcome: 'ambiguous', code: 'unreadable_answer', message: kept(text) },
      };
    return { ok: true, status, body: parsed.value, headers };
  }
  const error = parsed === undefined ? undefined : odataError(parsed.value);
  if (status >= 500 || error === undefined) {
    // a refusal whose meaning does not depend on the body: nothing was done
    const definite = status === 403 || status === 404 || status === 405;
    const code = error?.code ?? `HTTP ${status}`;
    const message = error?.message ?? (kept(text) || `HTTP ${status}`);
    return {
      ok: false,
      failure: status < 500 && definite ? refusal(code, message) : { outcome: 'ambiguous', code, message },
    };
  }
  return { ok: false, failure: refusal(error.code, error.message) };
}

/** The duplicate-invoice message of MM invoice verification (§1.8, M8 108 [inferred number]). */
export const DUPLICATE_INVOICE = 'M8/108';

/** The `sap-message` header of a write (warnings such as the duplicate-invoice check), when present. */
export function sapMessage(headers: IncomingHttpHeaders): { code: string; message: string } | undefined {
  const raw = header(headers, 'sap-message');
  if (raw === '') return undefined;
  const parsed = parseJson(raw);
  if (parsed === undefined || !isRecord(parsed.value)) return { code: '', message: raw };
  return { code: textOf(parsed.value['code']), message: textOf(parsed.value['message']) };
}

import type { ODataVersion } from '../client.ts';

/**
 * What the simulated Service Layer says when it refuses, in B1's own shape (§2.2):
 * v1 `{"error":{"code":-5002,"message":{"lang":"en-us","value":"…"}}}`, v2
 * `{"error":{"code":"-5002","message":"…","details":[{"code":"","message":""}]}}`.
 *
 * Provenance of each text: [observed] = seen from a real Service Layer in public material (the
 * reference §2.1–§2.2, or public integration code); [inferred] = B1's wording pattern applied to a case
 * nobody recorded; [constructed] = simulator vocabulary.
 */
export interface B1Refusal {
  readonly status: number;
  readonly code: number;
  readonly message: string;
}

export const isRefusal = (value: unknown): value is B1Refusal =>
  typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value;

const refusal = (status: number, code: number, message: string): B1Refusal => ({ status, code, message });

/** A line-level message as B1 writes them: `<text> [<Collection>.<Property>][line: N] , '<value>'`. */
const atLine = (text: string, collection: string, property: string, line: number, value?: string) =>
  `${text} [${collection}.${property}][line: ${line}]${value === undefined ? '' : ` , '${value}'`}`;

export const REFUSALS = {
  /** [observed] §2.1, any call with a dead, unknown or garbage session. */
  invalidSession: () => refusal(401, 301, 'Invalid session or session already timeout.'),
  /** [observed] §2.1, wrong user or password. */
  badPassword: () => refusal(401, -304, 'Fail to NONE-SSO login from SLD.'),
  /** [observed] §2.1, unknown CompanyDB: same text, other code. */
  unknownCompany: () => refusal(401, -306, 'Fail to NONE-SSO login from SLD.'),
  /** [observed] §2.1, too many logins at once. */
  samlLoginFailed: () => refusal(500, 299, 'SAML Login Failed'),
  /** [observed] §2.2, read of a key that does not exist. */
  noRecord: () => refusal(404, -2028, 'No matching records found (ODBC -2028)'),
  /** [observed] §2.2, unknown property in a write body. */
  unknownProperty: (property: string, type: string) =>
    refusal(400, -1000, `Property '${property}' of '${type}' is invalid`),
  /** [observed] §2.2, unknown property in $filter / $select / $orderby. */
  badQueryProperty: (property: string) => refusal(400, 201, `Property '${property}' is invalid`),
  /** [observed] §2.2, $filter syntax error. */
  badFilter: () => refusal(400, 201, 'Query string error - Invalid filter condition'),
  /** [observed] §2.2, DELETE on a document. */
  notSupported: () => refusal(400, -5006, 'The requested action is not supported for this object.'),
  /** [observed] "Service Not Found" for an unknown entity set; the code is [constructed]. */
  serviceNotFound: () => refusal(400, -1, 'Service Not Found'),
  /** [constructed] a `$batch` body that is not multipart/mixed, or an empty changeset. */
  badBatch: () => refusal(400, -1, 'Invalid batch request'),
  /** [constructed] a body that is not JSON. */
  notJson: () => refusal(400, -1, 'Invalid json body'),
  /** [observed] text and code -8112 in public integration code. */
  tooLong: (property: string, type: string) =>
    refusal(400, -8112, `Value too long in property '${property}' of '${type}'`),
  /** [observed] text in public integration code; code [inferred] (the -5002 validation family). */
  periodLocked: () => refusal(400, -5002, 'Posting period locked; specify an alternative date'),
  /** [observed] text in public integration code; code [inferred]. */
  exchangeRate: () => refusal(400, -5002, 'Update the exchange rate'),
  /** [observed] form `Invalid BP code [OPDN.CardCode] , 'X'` (§2.2 and public integration code). */
  invalidBp: (where: string, code: string) => refusal(400, -5002, `Invalid BP code [${where}] , '${code}'`),
  /** [inferred] from B1's line-message form; the exact wording for accounts is not recorded. */
  invalidAccount: (collection: string, line: number, code: string) =>
    refusal(400, -5002, atLine('Invalid account code', collection, 'AccountCode', line, code)),
  /** [inferred] a header account field (a payment's cash or transfer account) that is not a G/L account. */
  invalidHeaderAccount: (where: string, code: string) =>
    refusal(400, -5002, `Invalid account code [${where}] , '${code}'`),
  /** [inferred] a title (non-postable) account. */
  titleAccount: (collection: string, line: number, code: string) =>
    refusal(400, -5002, atLine('Cannot post to a title account', collection, 'AccountCode', line, code)),
  /** [inferred] a line's business partner (ShortName) that does not exist. */
  invalidLineBp: (collection: string, line: number, code: string) =>
    refusal(400, -5002, atLine('Invalid BP code', collection, 'ShortName', line, code)),
  /** [constructed] a cost-accounting code that is not a profit centre of its dimension. */
  invalidCostCenter: (collection: string, property: string, line: number, code: string) =>
    refusal(400, -5002, atLine('Invalid distribution rule', collection, property, line, code)),
  /** [constructed] a VAT group / tax code the company does not have. */
  invalidTaxCode: (collection: string, property: string, line: number, code: string) =>
    refusal(400, -5002, atLine('Invalid tax code', collection, property, line, code)),
  /** [observed] form of the missing item code on an item-type document. */
  itemMissing: (line: number) =>
    refusal(
      400,
      -5002,
      atLine('Item number is missing; specify an item number', 'DocumentLines', 'ItemCode', line),
    ),
  /** [unsure] the reference records no text or code for an unbalanced journal entry (§7 question 4). */
  unbalanced: (debit: string, credit: string) =>
    refusal(400, -5002, `Unbalanced transaction; debit ${debit} is not equal to credit ${credit}`),
  /** [constructed] a document without lines. */
  noLines: (collection: string) => refusal(400, -5002, `Specify at least one row [${collection}]`),
  /** [constructed] a payment without an amount. */
  noPaymentAmount: () => refusal(400, -5002, 'Enter a payment amount greater than zero'),
  /** [unsure] the company's "block duplicate vendor reference number" rule: its text through the Service Layer is not known. */
  duplicateVendorRef: (numAtCard: string) =>
    refusal(400, -5002, `Vendor reference number '${numAtCard}' already exists [OPCH.NumAtCard]`),
  /** [constructed] a malformed date. */
  badDate: (property: string, type: string) =>
    refusal(400, -1004, `'${property}' of '${type}' is not a valid date`),
  /** [constructed] a malformed amount. */
  badAmount: (property: string, type: string) =>
    refusal(400, -1004, `'${property}' of '${type}' is not a valid number`),
} as const;

/** A refusal as the version's error body. */
export function errorBody(version: ODataVersion, r: B1Refusal): string {
  return version === 'v1'
    ? JSON.stringify({ error: { code: r.code, message: { lang: 'en-us', value: r.message } } })
    : JSON.stringify({
        error: { code: String(r.code), message: r.message, details: [{ code: '', message: '' }] },
      });
}

/** The content type of JSON answers: v1 is OData v3 JSON light, v2 OData v4. */
export const jsonType = (version: ODataVersion): string =>
  version === 'v1'
    ? 'application/json;odata=minimalmetadata;charset=utf-8'
    : 'application/json;odata.metadata=minimal;charset=utf-8';

/** The page a load balancer in front of the Service Layer gives when its backend fails (§5.4). */
export const proxyErrorPage = (method: string, path: string): string =>
  [
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">',
    '<html><head>',
    '<title>502 Proxy Error</title>',
    '</head><body>',
    '<h1>Proxy Error</h1>',
    '<p>The proxy server received an invalid response from an upstream server.<br />',
    `The proxy server could not handle the request <em>${method}&nbsp;${path}</em>.</p>`,
    '<p>Reason: <strong>Error reading from remote server</strong></p>',
    '</body></html>',
  ].join('\n');

/** [constructed] What a rate-limiting gateway in front of the Service Layer answers (B1 has no throttle). */
export const throttlePage =
  '<html><body><h1>429 Too Many Requests</h1>Rate limit exceeded; retry later.</body></html>';

import { randomBytes, randomUUID } from 'node:crypto';
import { SFIN } from '../../map/journal-entry.ts';
import { xmlElement, XML_DECLARATION, type XmlNode } from '../../xml.ts';

/**
 * The answers of the SOAP runtime (§1.3): a `JournalEntryBulkCreateConfirmation` under SAP's own
 * prefixes (`soap-env`, or `env` when the request came as SOAP 1.2; `n0` for the service namespace),
 * and the SOAP fault of a request that never reached the application.
 */
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

export interface SoapVersion {
  readonly prefix: 'soap-env' | 'env';
  readonly namespace: string;
  readonly contentType: string;
}

export const soapVersionOf = (request: string): SoapVersion =>
  request.includes(SOAP12)
    ? { prefix: 'env', namespace: SOAP12, contentType: 'application/soap+xml; charset=utf-8' }
    : { prefix: 'soap-env', namespace: SOAP11, contentType: 'text/xml; charset=utf-8' };

function envelope(version: SoapVersion, body: string): string {
  const p = version.prefix;
  return `${XML_DECLARATION}<${p}:Envelope xmlns:${p}="${version.namespace}"><${p}:Header/><${p}:Body>${body}</${p}:Body></${p}:Envelope>`;
}

/** `20261128101509`: the UTC timestamp SAP's SOAP runtime names in its faults. */
const stamp = (at: Date): string => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** The fault of a request the web service runtime could not process (HTTP 500). */
export function soapFault(version: SoapVersion, blame: 'Client' | 'Server', at: Date): string {
  const p = version.prefix;
  const text = `Web service processing error; more details in the web service error log on provider side (UTC timestamp ${stamp(at)}; Transaction ID ${randomBytes(16).toString('hex').toUpperCase()})`;
  const fault =
    version.prefix === 'env'
      ? `<${p}:Fault><${p}:Code><${p}:Value>${p}:${blame === 'Client' ? 'Sender' : 'Receiver'}</${p}:Value></${p}:Code>` +
        `<${p}:Reason><${p}:Text xml:lang="en">${text}</${p}:Text></${p}:Reason></${p}:Fault>`
      : `<${p}:Fault><faultcode>${p}:${blame}</faultcode><faultstring xml:lang="en">${text}</faultstring><detail/></${p}:Fault>`;
  return envelope(version, fault);
}

export interface LogItem {
  readonly typeId: string;
  readonly severity: 1 | 2 | 3;
  readonly note: string;
}

export interface EntryConfirmation {
  readonly referenceId: string | undefined;
  readonly document: { readonly number: string; readonly companyCode: string; readonly fiscalYear: string };
  readonly log: readonly LogItem[];
}

/** `2026-11-28T10:15:01.482113Z`: SAP writes microseconds. */
const created = (at: Date): string => `${at.toISOString().slice(0, 23)}000Z`;

const logNode = (log: readonly LogItem[]): XmlNode =>
  log.length === 0
    ? {}
    : {
        MaximumLogItemSeverityCode: String(Math.max(...log.map((l) => l.severity))),
        Item: log.map((l) => ({ TypeID: l.typeId, SeverityCode: String(l.severity), Note: l.note })),
      };

/** The confirmation: one `JournalEntryCreateConfirmation` per request entry, in request order. */
export function bulkConfirmation(
  version: SoapVersion,
  bulkReferenceId: string | undefined,
  entries: readonly EntryConfirmation[],
  system: string,
  at: Date,
): string {
  const bulk: XmlNode = {
    '@xmlns:n0': SFIN,
    '@xmlns:prx': `urn:sap.com:proxy:${system}:/1SAI/TAS5F6A0B1C2D3E4F5A6B7C8:806`,
    MessageHeader: {
      UUID: randomUUID(),
      ReferenceID: bulkReferenceId,
      CreationDateTime: created(at),
      SenderBusinessSystemID: system,
    },
    ConfirmationInterfaceOrignName: {},
    JournalEntryCreateConfirmation: entries.map((e) => ({
      MessageHeader: { UUID: randomUUID(), ReferenceID: e.referenceId, CreationDateTime: created(at) },
      JournalEntryCreateConfirmation: {
        AccountingDocument: e.document.number,
        CompanyCode: e.document.companyCode,
        FiscalYear: e.document.fiscalYear,
      },
      Log: logNode(e.log),
    })),
    Log: {},
  };
  return envelope(version, xmlElement('n0:JournalEntryBulkCreateConfirmation', bulk));
}

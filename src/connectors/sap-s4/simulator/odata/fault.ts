import { randomBytes } from 'node:crypto';
import { escapeXml } from '../../xml.ts';

/** A refusal of the OData layer, answered with SAP Gateway's error body (§1.4 "Error body"). */
export class ODataFault extends Error {
  readonly status: number;
  readonly code: string;
  /** Further messages (`errordetails`), e.g. the specific causes after a generic one. */
  readonly details: readonly { readonly code: string; readonly message: string }[];
  constructor(
    status: number,
    code: string,
    message: string,
    details: readonly { readonly code: string; readonly message: string }[] = [],
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** `20261128101509.9921880`: Gateway's error timestamp (UTC, 7 fraction digits). */
const gatewayTimestamp = (at: Date): string =>
  `${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.${String(at.getUTCMilliseconds()).padStart(3, '0')}0000`;

const RESOLUTION = {
  SAP_Transaction:
    'For backend administrators: use ADT feed reader "SAP Gateway Error Log" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details',
  SAP_Note: 'See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)',
};

export interface ErrorContext {
  readonly service: string;
  readonly component: string;
  readonly at: Date;
}

/** The JSON error body: `error.code`, `message{lang,value}`, `innererror` with `errordetails[]`. */
export function errorJson(fault: ODataFault, context: ErrorContext): unknown {
  const details = fault.details.length > 0 ? fault.details : [{ code: fault.code, message: fault.message }];
  return {
    error: {
      code: fault.code,
      message: { lang: 'en', value: fault.message },
      innererror: {
        application: {
          component_id: context.component,
          service_namespace: '/SAP/',
          service_id: context.service,
          service_version: '0001',
        },
        transactionid: randomBytes(16).toString('hex').toUpperCase(),
        timestamp: gatewayTimestamp(context.at),
        Error_Resolution: RESOLUTION,
        errordetails: details.map((d) => ({
          code: d.code,
          message: d.message,
          propertyref: '',
          severity: 'error',
          target: '',
          transition: false,
        })),
      },
    },
  };
}

/** The same error in XML, as Gateway answers a client that did not ask for JSON. */
export function errorXml(fault: ODataFault, context: ErrorContext): string {
  const details = (fault.details.length > 0 ? fault.details : [{ code: fault.code, message: fault.message }])
    .map(
      (d) =>
        `<errordetail><code>${escapeXml(d.code)}</code><message>${escapeXml(d.message)}</message>` +
        '<propertyref/><severity>error</severity><target/><transition>false</transition></errordetail>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">' +
    `<code>${escapeXml(fault.code)}</code><message xml:lang="en">${escapeXml(fault.message)}</message>` +
    `<innererror><application><component_id>${escapeXml(context.component)}</component_id>` +
    `<service_namespace>/SAP/</service_namespace><service_id>${escapeXml(context.service)}</service_id>` +
    '<service_version>0001</service_version></application>' +
    `<transactionid>${randomBytes(16).toString('hex').toUpperCase()}</transactionid>` +
    `<timestamp>${gatewayTimestamp(context.at)}</timestamp>` +
    `<errordetails>${details}</errordetails></innererror></error>`
  );
}

import { XMLParser } from 'fast-xml-parser';
import { parseDecimal, pow10 } from '../../../../model/decimal.ts';
import { wellFormed } from '../../xml.ts';
import type { JournalEntryDoc, JournalItem, S4Book } from '../book.ts';
import {
  bulkConfirmation,
  soapFault,
  soapVersionOf,
  type EntryConfirmation,
  type LogItem,
} from './envelope.ts';

/**
 * `JournalEntryCreateRequestConfirmation_In` as S/4 runs it (§1.3, §5.1): parse by local name
 * (unqualified children, any prefix, SOAP 1.1 or 1.2), process every `JournalEntryCreateRequest` on
 * its own (some may post while others fail: HTTP 200 either way), and answer one confirmation per entry.
 * Malformed XML or another root is a SOAP fault (HTTP 500). The synchronous service does not refuse a
 * `DocumentReferenceID` it has seen (§1.3, §1.8): a resend posts a second document — only the
 * connector's lookup prevents it. Vendor lines get the FI duplicate check's warning (F5 117).
 */
const PARSER = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'JournalEntryCreateRequest',
      'Item',
      'CreditorItem',
      'DebtorItem',
      'ProductTaxItem',
      'WithholdingTaxItem',
    ].includes(name),
});

/** The document types of a standard S/4 tenant this simulator knows. */
const DOCUMENT_TYPES = new Set(['SA', 'AB', 'KR', 'KG', 'DR', 'DG', 'RE', 'ZP', 'DZ', 'KZ']);

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => {
  if (typeof value === 'string') return value.trim();
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'].trim();
  return '';
};
const nodes = (value: unknown): Node[] =>
  Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];

export interface SoapReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly commits: boolean;
}

const error = (typeId: string, note: string): LogItem => ({ typeId, severity: 3, note });

/** `28.11.2026`, as S/4's English messages print a date. */
const sapDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

interface ParsedItem {
  readonly index: number;
  readonly glAccount: string;
  readonly supplier: string;
  readonly amount: { units: bigint; scale: number } | undefined;
  readonly amountText: string;
  readonly currency: string;
  readonly debitCredit: string;
  readonly text: string;
  readonly costCenter: string;
  readonly wbsElement: string;
}

function itemOf(node: Node, index: number, kind: 'gl' | 'creditor'): ParsedItem {
  const amountNode = node['AmountInTransactionCurrency'];
  const amountText = text(amountNode);
  const parsed = parseDecimal(amountText);
  const assignment = isNode(node['AccountAssignment']) ? node['AccountAssignment'] : {};
  return {
    index: Number(text(node['ReferenceDocumentItem'])) || index + 1,
    glAccount: kind === 'gl' ? text(node['GLAccount']) : '',
    supplier: kind === 'creditor' ? text(node['Creditor']) : '',
    amount: parsed.ok ? parsed.value : undefined,
    amountText,
    currency:
      isNode(amountNode) && typeof amountNode['@currencyCode'] === 'string'
        ? amountNode['@currencyCode']
        : '',
    debitCredit: text(node['DebitCreditCode']),
    text: text(node['DocumentItemText']),
    costCenter: text(assignment['CostCenter']),
    wbsElement: text(assignment['WBSElement']),
  };
}

/** The balance of signed amounts, exactly (every amount at the largest scale used). */
function balanceOf(items: readonly ParsedItem[]): bigint {
  const scale = Math.max(0, ...items.map((i) => i.amount?.scale ?? 0));
  return items.reduce(
    (sum, i) => sum + (i.amount === undefined ? 0n : i.amount.units * pow10(scale - i.amount.scale)),
    0n,
  );
}

/** Every check S/4 makes of one entry, in the order it reports them. */
function check(book: S4Book, header: Node, items: readonly ParsedItem[], today: string): LogItem[] {
  const { company } = book;
  const log: LogItem[] = [];
  const companyCode = text(header['CompanyCode']);
  const postingDate = text(header['PostingDate']).slice(0, 10);
  const documentType = text(header['AccountingDocumentType']);
  if (companyCode === '' || postingDate === '' || text(header['DocumentDate']) === '' || documentType === '')
    log.push(error('055(00)', 'Fill in all required entry fields'));
  if (companyCode !== '' && companyCode !== company.companyCode)
    log.push(error('165(F5)', `Company code ${companyCode} is not defined`));
  if (documentType !== '' && !DOCUMENT_TYPES.has(documentType))
    log.push(error('814(F5)', `Document type ${documentType} is not defined`));
  if (postingDate !== '' && !book.isOpen(postingDate))
    log.push(
      error(
        '201(F5)',
        `Posting period ${postingDate.slice(5, 7).padStart(3, '0')} ${postingDate.slice(0, 4)} is not open`,
      ),
    );
  if (items.length === 0) log.push(error('055(00)', 'Fill in all required entry fields'));
  for (const item of items) {
    if (item.supplier !== '') {
      if (!book.suppliers.has(item.supplier))
        log.push(
          error('104(F5)', `Vendor ${item.supplier} is not defined in company code ${company.companyCode}`),
        );
    } else {
      const account = book.glAccounts.get(item.glAccount);
      if (account === undefined)
        log.push(
          error(
            '507(F5)',
            `G/L account ${item.glAccount} is not defined in chart of accounts ${company.chartOfAccounts}`,
          ),
        );
      else if (account.blocked)
        log.push(error('351(F5)', `Account ${item.glAccount} ${company.companyCode} is blocked for posting`));
    }
    if (item.costCenter !== '' && !book.costCenters.has(item.costCenter))
      log.push(
        error(
          '248(KI)',
          `Cost center ${company.controllingArea}/${item.costCenter} does not exist on ${sapDate(postingDate || today)}`,
        ),
      );
  }
  if (balanceOf(items) !== 0n) log.push(error('702(F5)', 'Balance in transaction currency'));
  return log;
}

/** The FI duplicate-invoice check of vendor lines: a warning only (§1.3 "Idempotency", F5 117). */
function duplicateWarnings(
  book: S4Book,
  companyCode: string,
  reference: string,
  items: readonly ParsedItem[],
): LogItem[] {
  if (reference === '') return [];
  const suppliers = new Set(items.filter((i) => i.supplier !== '').map((i) => i.supplier));
  const earlier = book.journalEntries.find(
    (d) =>
      d.companyCode === companyCode &&
      d.reference === reference &&
      d.items.some((i) => suppliers.has(i.supplier)),
  );
  return earlier === undefined
    ? []
    : [
        {
          typeId: '117(F5)',
          severity: 2,
          note: `Check whether document has already been entered under number ${earlier.companyCode} ${earlier.accountingDocument} ${earlier.fiscalYear}`,
        },
      ];
}

function postEntry(
  book: S4Book,
  request: Node,
  now: Date,
  test: boolean,
): { confirmation: EntryConfirmation; posted: boolean } {
  const header = isNode(request['MessageHeader']) ? request['MessageHeader'] : {};
  const referenceId = text(header['ID']) || undefined;
  const entry = isNode(request['JournalEntry']) ? request['JournalEntry'] : {};
  const items = [
    ...nodes(entry['Item']).map((n, i) => itemOf(n, i, 'gl')),
    ...nodes(entry['CreditorItem']).map((n, i) => itemOf(n, i, 'creditor')),
  ].sort((a, b) => a.index - b.index);
  const today = now.toISOString().slice(0, 10);
  const { company } = book;
  const companyCode = text(entry['CompanyCode']);
  const postingDate = text(entry['PostingDate']).slice(0, 10);
  const log = check(book, entry, items, today);
  const logsys = company.logicalSystem;
  if (items.some((i) => i.amount === undefined))
    log.push(
      error(
        '035(FF)',
        `Amount ${items.find((i) => i.amount === undefined)?.amountText ?? ''} is not a valid amount`,
      ),
    );
  if (log.length > 0)
    return {
      confirmation: {
        referenceId,
        document: { number: '0000000000', companyCode, fiscalYear: '0000' },
        log: [error('609(RW)', `Error in document: BKPFF $ ${logsys}`), ...log],
      },
      posted: false,
    };
  const reference = text(entry['DocumentReferenceID']);
  const warnings = duplicateWarnings(book, companyCode, reference, items);
  const fiscalYear = postingDate.slice(0, 4);
  if (test)
    return {
      confirmation: {
        referenceId,
        document: { number: '', companyCode, fiscalYear },
        log: [
          ...warnings,
          { typeId: '614(RW)', severity: 1, note: `Document check - no errors: BKPFF $ ${logsys}` },
        ],
      },
      posted: false,
    };
  const number = book.nextNumber('journal', `${companyCode}/${fiscalYear}`);
  const journalItems: JournalItem[] = items.map((i) => ({
    item: i.index,
    glAccount: i.supplier === '' ? i.glAccount : company.reconciliationAccount,
    supplier: i.supplier,
    amount: i.amountText,
    debitCredit: i.amount !== undefined && i.amount.units < 0n ? 'H' : 'S',
    text: i.text,
    costCenter: i.costCenter,
    wbsElement: i.wbsElement,
  }));
  const doc: JournalEntryDoc = {
    companyCode,
    fiscalYear,
    accountingDocument: number,
    documentType: text(entry['AccountingDocumentType']),
    documentDate: text(entry['DocumentDate']).slice(0, 10),
    postingDate,
    fiscalPeriod: postingDate.slice(5, 7).padStart(3, '0'),
    reference,
    headerText: text(entry['DocumentHeaderText']),
    createdByUser: text(entry['CreatedByUser']),
    messageId: referenceId ?? '',
    currency: items[0]?.currency || company.currency,
    origin: 'BKPFF',
    items: journalItems,
    postedAt: now.getTime(),
  };
  book.post(doc);
  return {
    confirmation: {
      referenceId,
      document: { number, companyCode, fiscalYear },
      log: [
        ...warnings,
        {
          typeId: '605(RW)',
          severity: 1,
          note: `Document posted successfully: BKPFF ${number}${companyCode}${fiscalYear} ${logsys}`,
        },
      ],
    },
    posted: true,
  };
}

export interface SoapOptions {
  readonly now: Date;
  /** The business system id SAP names as sender (`S4H_100`). */
  readonly system: string;
  /** Answer with a server-side fault before anything is posted (the soapFault fault). */
  readonly fault: boolean;
}

/** Handles one POST of the journal-entry service. */
export function answerJournalEntries(book: S4Book, body: string, options: SoapOptions): SoapReply {
  const version = soapVersionOf(body);
  const fault = (blame: 'Client' | 'Server'): SoapReply => ({
    status: 500,
    contentType: version.contentType,
    body: soapFault(version, blame, options.now),
    commits: false,
  });
  if (options.fault) return fault('Server');
  if (!wellFormed(body)) return fault('Client');
  let parsed: unknown;
  try {
    parsed = PARSER.parse(body);
  } catch {
    return fault('Client');
  }
  const envelope = isNode(parsed) ? parsed['Envelope'] : undefined;
  const soapBody = isNode(envelope) ? envelope['Body'] : undefined;
  const bulk = isNode(soapBody) ? soapBody['JournalEntryBulkCreateRequest'] : undefined;
  if (!isNode(bulk)) return fault('Client');
  const bulkHeader = isNode(bulk['MessageHeader']) ? bulk['MessageHeader'] : {};
  const test = text(bulkHeader['TestDataIndicator']) === 'true';
  let posted = false;
  const confirmations = nodes(bulk['JournalEntryCreateRequest']).map((request) => {
    const entryHeader = isNode(request['MessageHeader']) ? request['MessageHeader'] : {};
    const result = postEntry(
      book,
      request,
      options.now,
      test || text(entryHeader['TestDataIndicator']) === 'true',
    );
    posted ||= result.posted;
    return result.confirmation;
  });
  return {
    status: 200,
    contentType: version.contentType,
    body: bulkConfirmation(
      version,
      text(bulkHeader['ID']) || undefined,
      confirmations,
      options.system,
      options.now,
    ),
    commits: posted,
  };
}

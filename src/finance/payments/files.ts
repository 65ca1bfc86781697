import iconv from 'iconv-lite';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { yuanOf } from '../../model/money.ts';
import { DomainError } from '../../model/result.ts';
import { decodeText, lineAt } from '../bank/decode.ts';
import { FILE_FORMATS, PAYMENT_CSV_LAYOUTS, RESULT_CSV_LAYOUT, type PaymentField } from './layouts.ts';

/**
 * Bank payment files (pure): a batch as the bank's batch-transfer CSV (GBK) or ISO 20022
 * pain.001.001.03 (CustomerCreditTransferInitiation, UTF-8); and what the bank sends back — a
 * pain.002 status report or a result CSV — read into one outcome per transfer, or refused whole,
 * naming the line and field.
 */
export interface FileBatch {
  readonly number: string;
  readonly createdAt: string;
  readonly executeOn: string;
  readonly currency: string;
  readonly totalMinor: bigint;
  readonly purpose: string | null;
  readonly payer: { readonly name: string; readonly account: string; readonly bank: string | null };
  readonly lines: readonly FileLine[];
}

export interface FileLine {
  readonly seq: number;
  readonly endToEndId: string;
  readonly payeeName: string;
  readonly payeeAccount: string;
  readonly payeeBank: string | null;
  readonly amountMinor: bigint;
  readonly purpose: string;
}

export interface PaymentFile {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly contentType: string;
}

export type FileFormat = (typeof FILE_FORMATS)[number];
export const isFileFormat = (v: string): v is FileFormat => (FILE_FORMATS as readonly string[]).includes(v);

export function buildPaymentFile(format: string, batch: FileBatch): PaymentFile {
  if (format === 'pain001')
    return {
      bytes: Buffer.from(pain001(batch), 'utf8'),
      fileName: `${batch.number}.pain001.xml`,
      contentType: 'application/xml',
    };
  const layout = PAYMENT_CSV_LAYOUTS.find((l) => l.name === format);
  if (layout === undefined)
    throw new DomainError('payment_layout_unknown', { layout: format, known: FILE_FORMATS.join(', ') });
  const value = (line: FileLine, field: PaymentField): string => {
    switch (field) {
      case 'seq':
        return String(line.seq);
      case 'payerAccount':
        return batch.payer.account;
      case 'payerName':
        return batch.payer.name;
      case 'payeeAccount':
        return line.payeeAccount;
      case 'payeeName':
        return line.payeeName;
      case 'payeeBank':
        return line.payeeBank ?? '';
      case 'amount':
        return yuanOf(line.amountMinor);
      case 'currency':
        return batch.currency === 'CNY' ? '人民币' : batch.currency;
      case 'executeOn':
        return batch.executeOn.replaceAll('-', '');
      case 'purpose':
        return line.purpose;
      case 'reference':
        return line.endToEndId;
    }
  };
  const rows = [
    layout.columns.map((c) => c.title),
    ...batch.lines.map((line) => layout.columns.map((c) => value(line, c.field))),
  ];
  const text = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return {
    bytes: iconv.encode(text, layout.encoding),
    fileName: `${batch.number}.${layout.name}.csv`,
    contentType: 'text/csv; charset=GBK',
  };
}

/** A CSV cell; quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// eslint-disable-next-line @typescript-eslint/no-deprecated -- fast-xml-parser 5 still ships its builder; its successor (the fast-xml-builder package) is not a direct dependency
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

/** pain.001.001.03 text: one PmtInf for the batch (one debtor account, one execution date). */
export function pain001(batch: FileBatch): string {
  const ctrlSum = yuanOf(batch.totalMinor);
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: batch.number,
          CreDtTm: batch.createdAt.slice(0, 19),
          NbOfTxs: String(batch.lines.length),
          CtrlSum: ctrlSum,
          InitgPty: { Nm: batch.payer.name },
        },
        PmtInf: {
          PmtInfId: batch.number,
          PmtMtd: 'TRF',
          BtchBookg: 'true',
          NbOfTxs: String(batch.lines.length),
          CtrlSum: ctrlSum,
          ReqdExctnDt: batch.executeOn,
          Dbtr: { Nm: batch.payer.name },
          DbtrAcct: { Id: { Othr: { Id: batch.payer.account } }, Ccy: batch.currency },
          DbtrAgt: {
            FinInstnId:
              batch.payer.bank === null ? { Othr: { Id: 'NOTPROVIDED' } } : { Nm: batch.payer.bank },
          },
          ChrgBr: 'SLEV',
          CdtTrfTxInf: batch.lines.map((line) => ({
            PmtId: { InstrId: `${batch.number}-${line.seq}`.slice(0, 35), EndToEndId: line.endToEndId },
            Amt: { InstdAmt: { '@_Ccy': batch.currency, '#text': yuanOf(line.amountMinor) } },
            ...(line.payeeBank === null ? {} : { CdtrAgt: { FinInstnId: { Nm: line.payeeBank } } }),
            Cdtr: { Nm: line.payeeName },
            CdtrAcct: { Id: { Othr: { Id: line.payeeAccount } } },
            RmtInf: { Ustrd: line.purpose.slice(0, 140) },
          })),
        },
      },
    },
  };
  return builder.build(doc);
}

/** One transfer's outcome as the bank reports it. */
export interface TransferOutcome {
  readonly line: number;
  readonly endToEndId: string;
  readonly outcome: 'paid' | 'returned' | 'pending';
  readonly reason: string | null;
}

export interface ResultFile {
  readonly format: 'pain002' | 'csv';
  /** The batch the file names (pain.002 OrgnlMsgId), when it names one. */
  readonly batchNumber: string | null;
  readonly outcomes: readonly TransferOutcome[];
}

const bad = (line: number, field: string, zh: string, en: string) =>
  new DomainError('payment_file_unreadable', { line, field, reason: zh, reasonEn: en });

/** Reads a bank's result file: pain.002 (any 001.NN) or a result CSV (GBK or UTF-8). */
export function parseResultFile(bytes: Uint8Array): ResultFile {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (error instanceof DomainError)
      throw bad(
        1,
        'encoding',
        String(error.params['reason'] ?? '编码无法识别'),
        String(error.params['reasonEn'] ?? 'unknown encoding'),
      );
    throw error;
  }
  const head = text.trimStart();
  if (head.startsWith('<')) return parsePain002(text);
  return parseResultCsv(text);
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['OrgnlPmtInfAndSts', 'TxInfAndSts', 'StsRsnInf', 'AddtlInf'].includes(name),
});

const PAIN002_PAID = new Set(['ACSC', 'ACCC']);
const PAIN002_PENDING = new Set(['ACTC', 'ACCP', 'ACSP', 'ACWC', 'PDNG', 'RCVD', 'PART']);

function parsePain002(text: string): ResultFile {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- as in bank/camt053.ts: it names the line of malformed XML
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw bad(valid.err.line, 'XML', `XML 格式错误：${valid.err.msg}`, `malformed XML: ${valid.err.msg}`);
  const root = parser.parse(text) as { Document?: { CstmrPmtStsRpt?: Record<string, unknown> } };
  const report = root.Document?.CstmrPmtStsRpt;
  if (report === undefined)
    throw bad(
      1,
      'Document/CstmrPmtStsRpt',
      '不是 pain.002 付款状态报告',
      'not a pain.002 payment status report',
    );
  const group = report['OrgnlGrpInfAndSts'] as { OrgnlMsgId?: string } | undefined;
  const infos = (report['OrgnlPmtInfAndSts'] ?? []) as { TxInfAndSts?: Record<string, unknown>[] }[];
  const positions = [...text.matchAll(/<(?:[A-Za-z0-9]+:)?TxInfAndSts[\s>]/g)].map((m) =>
    lineAt(text, m.index),
  );
  const outcomes: TransferOutcome[] = [];
  let n = 0;
  for (const info of infos)
    for (const tx of info.TxInfAndSts ?? []) {
      const line = positions[n] ?? 1;
      n += 1;
      const e2e = tx['OrgnlEndToEndId'];
      if (typeof e2e !== 'string' || e2e === '')
        throw bad(line, 'OrgnlEndToEndId', '缺少原端到端标识', 'OrgnlEndToEndId is missing');
      const status = tx['TxSts'];
      if (typeof status !== 'string') throw bad(line, 'TxSts', '缺少交易状态', 'TxSts is missing');
      const reasons = (tx['StsRsnInf'] ?? []) as { Rsn?: { Cd?: string }; AddtlInf?: string[] }[];
      const reason =
        reasons
          .flatMap((r) => [r.Rsn?.Cd, ...(r.AddtlInf ?? [])])
          .filter((x): x is string => typeof x === 'string' && x !== '')
          .join(' ') || null;
      const outcome = PAIN002_PAID.has(status)
        ? 'paid'
        : status === 'RJCT'
          ? 'returned'
          : PAIN002_PENDING.has(status)
            ? 'pending'
            : undefined;
      if (outcome === undefined)
        throw bad(line, 'TxSts', `未知的交易状态 ${status}`, `unknown transaction status ${status}`);
      outcomes.push({ line, endToEndId: e2e, outcome, reason });
    }
  if (outcomes.length === 0)
    throw bad(1, 'TxInfAndSts', '报告中没有逐笔交易状态', 'the report has no transaction statuses');
  return { format: 'pain002', batchNumber: group?.OrgnlMsgId ?? null, outcomes };
}

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c ?? '';
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c ?? '';
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function parseResultCsv(text: string): ResultFile {
  const rows = csvRows(text);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const find = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const ref = find(RESULT_CSV_LAYOUT.reference);
  const status = find(RESULT_CSV_LAYOUT.status);
  const reason = find(RESULT_CSV_LAYOUT.reason);
  if (ref === -1 || status === -1)
    throw bad(
      1,
      ref === -1 ? RESULT_CSV_LAYOUT.reference.join('/') : RESULT_CSV_LAYOUT.status.join('/'),
      '无法识别的回单版式：缺少此列（须为 GBK 或 UTF-8 编码的 CSV）',
      'unknown result layout: this column is missing (a CSV in GBK or UTF-8 is expected)',
    );
  const outcomes: TransferOutcome[] = [];
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const e2e = (cells[ref] ?? '').trim();
    const title = (k: number) => header[k] ?? '';
    if (e2e === '') throw bad(line, title(ref), '参考号为空', 'the reference is empty');
    const said = (cells[status] ?? '').trim();
    const outcome = (RESULT_CSV_LAYOUT.paid as readonly string[]).includes(said)
      ? 'paid'
      : (RESULT_CSV_LAYOUT.returned as readonly string[]).includes(said)
        ? 'returned'
        : (RESULT_CSV_LAYOUT.pending as readonly string[]).includes(said)
          ? 'pending'
          : undefined;
    if (outcome === undefined)
      throw bad(line, title(status), `无法识别的状态“${said}”`, `unknown status "${said}"`);
    const why = reason === -1 ? '' : (cells[reason] ?? '').trim();
    outcomes.push({ line, endToEndId: e2e, outcome, reason: why === '' ? null : why });
  });
  if (outcomes.length === 0)
    throw bad(2, title0(header), '回单没有明细行', 'the result file has no transfer lines');
  return { format: 'csv', batchNumber: null, outcomes };
}

const title0 = (header: readonly string[]) => header[0] ?? '';

import { parseCsv, writeCsv } from './csv.ts';
import { decodeText, encodeText } from './encoding.ts';
import type { Encoding } from './schema.ts';

/**
 * A table of text cells ⇄ the bytes of a CSV or xlsx file. Every cell is text, amounts too: an amount
 * is written digit for digit as the layout formats it and never becomes a spreadsheet number (a
 * float). Reading reports what is wrong with a file (bad bytes for its encoding, a cut-off quote, a
 * workbook that does not open) instead of throwing.
 */
export interface FileShape {
  readonly format: 'csv' | 'xlsx';
  readonly encoding?: Encoding;
  readonly delimiter?: string;
  readonly lineEnding?: 'crlf' | 'lf';
  readonly sheetName?: string;
}

/**
 * exceljs (some hundreds of modules) loads with the first workbook, not with FinBridge: a connection
 * whose layouts use xlsx asks for it when it is created (`preloadExcel`), so no call waits for it.
 */
const importExcel = () => import('exceljs');
let loading: ReturnType<typeof importExcel> | undefined;
const excel = async () => (await (loading ??= importExcel())).default;

/** Starts loading exceljs now (a connection that will read or write workbooks). */
export function preloadExcel(): void {
  excel().catch(() => {}); // a failure to load shows where a workbook is needed
}

/** Fixed workbook dates, so the same table gives the same bytes. */
const EPOCH = new Date(0);

export async function writeTable(rows: readonly (readonly string[])[], shape: FileShape): Promise<Buffer> {
  if (shape.format === 'csv')
    return encodeText(
      writeCsv(rows, { delimiter: shape.delimiter ?? ',', lineEnding: shape.lineEnding ?? 'crlf' }),
      shape.encoding ?? 'utf-8',
    );
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'FinBridge';
  workbook.created = EPOCH;
  workbook.modified = EPOCH;
  const sheet = workbook.addWorksheet(shape.sheetName ?? 'Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

export type ReadTable = { readonly rows: string[][] } | { readonly error: string };

export async function readTable(bytes: Uint8Array, shape: FileShape): Promise<ReadTable> {
  if (shape.format === 'csv') {
    const decoded = decodeText(bytes, shape.encoding ?? 'utf-8');
    if ('error' in decoded) return decoded;
    if (decoded.text !== '' && !decoded.text.endsWith('\n'))
      return { error: 'the file does not end with a line break: it is cut off, or still being written' };
    return parseCsv(decoded.text, shape.delimiter ?? ',');
  }
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    return { error: `the workbook does not open: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sheet =
    (shape.sheetName === undefined ? undefined : workbook.getWorksheet(shape.sheetName)) ??
    workbook.worksheets[0];
  if (sheet === undefined) return { error: 'the workbook has no worksheet' };
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return { rows };
}

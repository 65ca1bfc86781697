/**
 * The GL_INTERFACE sheet of Oracle's Journal Import FBDI template, as `GlInterface.csv`: headerless,
 * positional, 149 columns (25c template). Positions named [observed] were validated end to end on a
 * pod by an integrator; the ones marked [inferred] follow from them and from the template's order
 * (SEGMENT11…30 continue SEGMENT1…10; REFERENCE6…9 sit between REFERENCE5 and REFERENCE10; the four
 * columns before GROUP_ID are STAT_AMOUNT and the three conversion columns).
 */
export const GL_INTERFACE_COLUMN_COUNT = 149;

export const GL_INTERFACE_COLUMNS = {
  /** [observed] always NEW */
  STATUS: 0,
  /** [observed] */
  LEDGER_ID: 1,
  /** [observed] accounting date, YYYY/MM/DD */
  ACCOUNTING_DATE: 2,
  /** [observed] journal source name (not id) */
  USER_JE_SOURCE_NAME: 3,
  /** [observed] journal category name (not id) */
  USER_JE_CATEGORY_NAME: 4,
  /** [observed] */
  CURRENCY_CODE: 5,
  /** [observed] */
  DATE_CREATED: 6,
  /** [observed] A = actual */
  ACTUAL_FLAG: 7,
  /** [observed] SEGMENT1 at 8 … SEGMENT10 at 17; [inferred] SEGMENT11 … SEGMENT30 at 18 … 37 */
  SEGMENT1: 8,
  /** [observed] */
  ENTERED_DR: 38,
  ENTERED_CR: 39,
  ACCOUNTED_DR: 40,
  ACCOUNTED_CR: 41,
  /** [observed] batch name */
  REFERENCE1: 42,
  /** [observed] batch description */
  REFERENCE2: 43,
  /** [observed] journal entry name */
  REFERENCE4: 45,
  /** [observed] journal entry description */
  REFERENCE5: 46,
  /** [inferred] journal entry reference: our full external reference */
  REFERENCE6: 47,
  /** [observed] journal entry line description */
  REFERENCE10: 51,
  /** [inferred] conversion type, date and rate for a journal not in the ledger currency */
  USER_CURRENCY_CONVERSION_TYPE: 63,
  CURRENCY_CONVERSION_DATE: 64,
  CURRENCY_CONVERSION_RATE: 65,
  /** [observed] interface group; must equal Import Journals' group parameter (or that be ALL) */
  GROUP_ID: 66,
  /** [observed] */
  PERIOD_NAME: 94,
} as const;

export type GlColumn = keyof typeof GL_INTERFACE_COLUMNS;

/** One GL_INTERFACE row by column name; SEGMENTS holds SEGMENT1… in order. */
export type GlRow = Partial<Record<GlColumn, string>> & { readonly SEGMENTS?: readonly string[] };

/** One journal as GL_INTERFACE rows: its batch (= journal) name and its own interface group. */
export interface JournalRows {
  readonly reference: string;
  readonly batchName: string;
  readonly groupId: string;
  readonly rows: readonly GlRow[];
}

const MAX_SEGMENTS = 30;

/** A row → its 149 positional values (empty where not set). */
export function positional(row: GlRow): string[] {
  const cells = Array.from({ length: GL_INTERFACE_COLUMN_COUNT }, () => '');
  for (const [name, value] of Object.entries(row)) {
    if (name === 'SEGMENTS' || typeof value !== 'string') continue;
    cells[GL_INTERFACE_COLUMNS[name as GlColumn]] = value;
  }
  (row.SEGMENTS ?? []).slice(0, MAX_SEGMENTS).forEach((value, i) => {
    cells[GL_INTERFACE_COLUMNS.SEGMENT1 + i] = value;
  });
  return cells;
}

/** Positional values → a row by name (what the simulator's loader reads). */
export function named(cells: readonly string[]): Record<GlColumn, string> & { SEGMENTS: string[] } {
  const row = Object.fromEntries(
    Object.entries(GL_INTERFACE_COLUMNS).map(([name, index]) => [name, cells[index] ?? '']),
  ) as Record<GlColumn, string>;
  const segments = cells.slice(GL_INTERFACE_COLUMNS.SEGMENT1, GL_INTERFACE_COLUMNS.SEGMENT1 + MAX_SEGMENTS);
  const last = segments.findLastIndex((s) => s !== '');
  return { ...row, SEGMENTS: segments.slice(0, last + 1) };
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Rows → the CSV text (LF line ends, UTF-8 when encoded). */
export const csvOf = (rows: readonly GlRow[]): string =>
  rows.map((row) => positional(row).map(field).join(',')).join('\n') + '\n';

/** CSV text → rows of cells (RFC 4180 quoting; CR LF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

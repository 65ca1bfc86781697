import type { ErpRecord, PullCursor } from '../../contract.ts';

/**
 * Master data pulled from the Service Layer (§2.3, §2.4). Suppliers are `BusinessPartners` with
 * `CardType eq 'cSupplier'`; their change watermark is `UpdateDate` + `UpdateTime` ([inferred]: the
 * reference lists neither field; they are B1's OCRD update stamp as the Service Layer names it). The
 * chart of accounts carries no update stamp in the Service Layer, so it pages by `Code` and does not
 * track changes.
 */
export interface PullObject {
  readonly entitySet: string;
  /** Fixed filter of the object (suppliers only). */
  readonly filter?: string;
  readonly select: readonly string[];
  readonly key: string;
  /** Whether the object pages by the update stamp (else by key only). */
  readonly tracksChanges: boolean;
  record(row: Readonly<Record<string, unknown>>): ErpRecord;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Everything but the OData annotations (`odata.etag` in v1, `@odata.etag` in v2). */
const dataOf = (row: Readonly<Record<string, unknown>>, skip: readonly string[]) =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([k]) => !skip.includes(k) && !k.startsWith('odata.') && !k.startsWith('@odata.'),
    ),
  );

/** B1's date as `YYYY-MM-DD`: v1 writes `2026-11-28`, v2 an OData v4 date-time ([unsure]). */
export const dateOf = (value: unknown): string => {
  const t = text(value);
  return /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : '';
};

/** B1's time of day as `HH:MM:SS`, from `14:32:10`, `14:32` or an ISO duration `PT14H32M10S` ([inferred]). */
export const timeOf = (value: unknown): string => {
  const t = text(value);
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t);
  const duration = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.\d+)?S)?$/.exec(t);
  const parts = clock ?? duration;
  if (parts === null || t === 'PT') return '';
  const two = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  return `${two(parts[1])}:${two(parts[2])}:${two(parts[3])}`;
};

/** The watermark of a business partner: its update stamp in B1's local time, `YYYY-MM-DDTHH:MM:SS`. */
export const stampOf = (row: Readonly<Record<string, unknown>>): string => {
  const date = dateOf(row['UpdateDate']);
  if (date === '') return '';
  return `${date}T${timeOf(row['UpdateTime']) || '00:00:00'}`;
};

export const PULL_OBJECTS: Readonly<Record<string, PullObject>> = {
  suppliers: {
    entitySet: 'BusinessPartners',
    filter: "CardType eq 'cSupplier'",
    select: [
      'CardCode',
      'CardName',
      'CardType',
      'FederalTaxID',
      'Currency',
      'Valid',
      'Frozen',
      'UpdateDate',
      'UpdateTime',
    ],
    key: 'CardCode',
    tracksChanges: true,
    record: (row) => ({
      number: text(row['CardCode']),
      name: text(row['CardName']),
      usable: row['Valid'] !== 'tNO' && row['Frozen'] !== 'tYES',
      modifiedAt: stampOf(row),
      data: dataOf(row, ['CardCode', 'CardName']),
    }),
  },
  accounts: {
    entitySet: 'ChartOfAccounts',
    select: ['Code', 'Name', 'AccountType', 'ActiveAccount', 'FatherAccountKey'],
    key: 'Code',
    tracksChanges: false,
    record: (row) => ({
      number: text(row['Code']),
      name: text(row['Name']),
      // a title account (ActiveAccount tNO) takes no journal lines
      usable: row['ActiveAccount'] === 'tYES',
      modifiedAt: '',
      data: dataOf(row, ['Code', 'Name']),
    }),
  },
};

/** Keyset order: (modifiedAt, number). */
export const compareRecords = (a: ErpRecord, b: ErpRecord): number =>
  a.modifiedAt < b.modifiedAt
    ? -1
    : a.modifiedAt > b.modifiedAt
      ? 1
      : a.number < b.number
        ? -1
        : a.number > b.number
          ? 1
          : 0;

/** Whether a record comes strictly after the cursor. */
export const isAfter = (record: ErpRecord, cursor: PullCursor): boolean => {
  const at = cursor.modifiedAt ?? '';
  if (cursor.modifiedAt === null && cursor.number === null) return true;
  return record.modifiedAt > at || (record.modifiedAt === at && record.number > (cursor.number ?? ''));
};

/** The records after the cursor, de-duplicated and in keyset order ($skip paging can repeat rows, §2.3). */
export function pageAfter(records: readonly ErpRecord[], cursor: PullCursor, limit: number): ErpRecord[] {
  const unique = new Map<string, ErpRecord>();
  for (const r of records) if (r.number !== '' && isAfter(r, cursor)) unique.set(r.number, r);
  return [...unique.values()].sort(compareRecords).slice(0, limit);
}

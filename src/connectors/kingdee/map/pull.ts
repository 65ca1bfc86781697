import type { ErpRecord, PullCursor } from '../../contract.ts';

/** Base data pulled incrementally (A7.5): the query projection and how a row becomes an ErpRecord. */
interface PullForm {
  readonly formId: string;
  /** Keys after the three fixed ones (number, name, modify date). */
  readonly extra: readonly string[];
  readonly numberKey: string;
}

export const PULL_FORMS: Readonly<Record<string, PullForm>> = {
  suppliers: {
    formId: 'BD_Supplier',
    numberKey: 'FNumber',
    extra: ['FSOCIALCRECODE', 'FForbidStatus', 'FDocumentStatus'],
  },
  accounts: {
    formId: 'BD_Account',
    numberKey: 'FNumber',
    extra: ['FDC', 'FIsDetail', 'FForbidStatus', 'FDocumentStatus'],
  },
  departments: { formId: 'BD_Department', numberKey: 'FNumber', extra: ['FForbidStatus', 'FDocumentStatus'] },
  employees: { formId: 'BD_Empinfo', numberKey: 'FStaffNumber', extra: ['FForbidStatus', 'FDocumentStatus'] },
  currencies: {
    formId: 'BD_Currency',
    numberKey: 'FNumber',
    extra: ['FCODE', 'FPRICEDIGITS', 'FForbidStatus', 'FDocumentStatus'],
  },
};

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** ExecuteBillQuery for the next page after the cursor, ordered by (modify date, number). */
export function pullQuery(
  object: string,
  after: PullCursor,
  limit: number,
): Record<string, unknown> | undefined {
  const form = PULL_FORMS[object];
  if (form === undefined) return undefined;
  const n = form.numberKey;
  const filter =
    after.modifiedAt === null
      ? ''
      : after.number === null
        ? `FMODIFYDATE >= ${quote(after.modifiedAt)}`
        : `(FMODIFYDATE > ${quote(after.modifiedAt)} or (FMODIFYDATE = ${quote(after.modifiedAt)} and ${n} > ${quote(after.number)}))`;
  return {
    FormId: form.formId,
    FieldKeys: [n, 'FName', 'FMODIFYDATE', ...form.extra].join(','),
    FilterString: filter,
    OrderString: `FMODIFYDATE ASC,${n} ASC`,
    StartRow: 0,
    Limit: limit,
    TopRowCount: 0,
  };
}

const cell = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

export function recordsOf(object: string, rows: readonly (readonly unknown[])[]): ErpRecord[] {
  const form = PULL_FORMS[object];
  if (form === undefined) return [];
  return rows.map((row) => {
    const data = Object.fromEntries(form.extra.map((key, i) => [key, row[3 + i] ?? null]));
    return {
      number: cell(row[0]),
      name: cell(row[1]),
      modifiedAt: cell(row[2]),
      usable: data['FForbidStatus'] !== 'B' && (data['FDocumentStatus'] ?? 'C') === 'C',
      data,
    };
  });
}

/** What a database constraint error was, the same on both engines; undefined for anything else. */
export type ConstraintViolation = 'unique' | 'foreign_key' | 'check' | 'not_null';

export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case '23505':
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503':
      return 'foreign_key';
    case 'SQLITE_CONSTRAINT_CHECK':
    case '23514':
      return 'check';
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case '23502':
      return 'not_null';
    default:
      return undefined;
  }
}

/** A constraint violation with what each engine says about it: the constraint's name and the columns it concerns. */
export interface ConstraintDetail {
  readonly kind: ConstraintViolation;
  readonly table?: string;
  /** Columns the constraint is about, without `tenant_id` (every key has it); empty when the engine does not say. */
  readonly columns: readonly string[];
  readonly constraint?: string;
}

/** Columns every tenant-scoped key carries; naming them to a client says nothing. */
const SCOPE_COLUMNS = new Set(['tenant_id']);

/**
 * Reads a constraint violation the way each engine reports it. PostgreSQL sends the constraint, table
 * and column as fields and the key in `detail` ("Key (tenant_id, code)=(…) already exists."); SQLite
 * only writes a message ("UNIQUE constraint failed: users.tenant_id, users.username",
 * "CHECK constraint failed: budgets_amount_not_negative", "NOT NULL constraint failed: t.c") and
 * nothing at all for a foreign key.
 */
export function describeConstraint(error: unknown): ConstraintDetail | undefined {
  const kind = constraintViolation(error);
  if (kind === undefined) return undefined;
  const e = error as {
    constraint?: unknown;
    table?: unknown;
    column?: unknown;
    detail?: unknown;
    message?: unknown;
  };
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const keep = (columns: readonly string[]) => columns.filter((c) => !SCOPE_COLUMNS.has(c));
  const constraint = text(e.constraint);
  if (constraint !== undefined || text(e.detail) !== undefined || text(e.column) !== undefined) {
    const column = text(e.column);
    const key = /^Key \(([^)]*)\)/.exec(text(e.detail) ?? '');
    const columns = column !== undefined ? [column] : (key?.[1]?.split(',').map((c) => c.trim()) ?? []);
    const table = text(e.table);
    return {
      kind,
      columns: keep(columns),
      ...(table === undefined ? {} : { table }),
      ...(constraint === undefined ? {} : { constraint }),
    };
  }
  const message = text(e.message) ?? '';
  const after = /constraint failed: (.*)$/.exec(message)?.[1]?.trim() ?? '';
  if (kind === 'unique' || kind === 'not_null') {
    const qualified = after.split(',').map((c) => c.trim());
    const table = qualified[0]?.split('.')[0];
    return {
      kind,
      columns: keep(qualified.map((c) => c.split('.').pop() ?? c)),
      ...(table === undefined || table === '' ? {} : { table }),
    };
  }
  if (kind === 'check' && /^\w+$/.test(after)) return { kind, columns: [], constraint: after };
  return { kind, columns: [] };
}

/** The request field each named CHECK constraint guards (the name alone says nothing to a client). */
const CHECK_FIELDS: ReadonlyMap<string, string> = new Map([
  ['budgets_amount_not_negative', 'amount'],
  ['voucher_lines_one_side', 'lines'],
  ['invoices_total_is_sum', 'total'],
  ['delegations_dates', 'to'],
  ['expense_documents_settled_within_total', 'amount'],
]);

/** `employee_code` → `employeeCode`; stored money columns (`amount_minor`) are the wire's `amount`. */
const fieldOfColumn = (column: string): string =>
  column.replace(/_(minor|json)$/, '').replace(/_([a-z0-9])/g, (_whole, c: string) => c.toUpperCase());

/**
 * The request fields a violated constraint concerns, as wire names (`employeeCode`): from the columns
 * the engine named, else from the constraint's name (`expense_documents_employee_fk`, a named CHECK).
 */
export function constraintFields(detail: ConstraintDetail): string[] {
  if (detail.columns.length > 0) return detail.columns.map(fieldOfColumn);
  const name = detail.constraint;
  if (name === undefined) return [];
  const checked = CHECK_FIELDS.get(name);
  if (checked !== undefined) return [checked];
  const table = detail.table;
  const fk = /^(\w+)_fk$/.exec(name)?.[1];
  if (fk === undefined) return [];
  const column = table !== undefined && fk.startsWith(`${table}_`) ? fk.slice(table.length + 1) : fk;
  return [fieldOfColumn(column.endsWith('_code') || column.endsWith('_id') ? column : `${column}_code`)];
}

/**
 * A value the engine could not take (PostgreSQL's class 22, "data exception": a NUL in text, a number
 * out of range, a string over a column's length, …): the engine's own words, else undefined.
 */
export function dataException(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return undefined;
  return typeof message === 'string' ? message : code;
}

/**
 * ExecuteBillQuery in the simulator: FieldKeys projection (dotted reference keys, Entity_PK keys),
 * the SQL-like FilterString (=, <>, >, >=, <, <=, like, in, and, or, parentheses, single quotes) and
 * the array form with Compare "67" (equality), OrderString, StartRow / Limit / TopRowCount.
 */
export type Cell = string | number;
export type Row = Readonly<Record<string, Cell>>;

export class QueryError extends Error {
  /** The offending key, for the "元数据中标识为X的字段不存在" message. */
  readonly key: string;
  constructor(key: string) {
    super(`元数据中标识为${key}的字段不存在`);
    this.key = key;
  }
}

type Predicate = (row: Row) => boolean;

const DATE_CELL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function normalizeLiteral(cell: Cell, literal: Cell): Cell {
  if (typeof cell === 'string' && typeof literal === 'string' && DATE_CELL.test(cell)) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/.exec(literal);
    if (m) return `${m[1]}T${m[2] ?? '00:00:00'}`;
  }
  return literal;
}

function compare(a: Cell, b: Cell): number {
  if (typeof a === 'number' && (typeof b === 'number' || /^-?\d+(\.\d+)?$/.test(b))) return a - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function cellOf(row: Row, key: string): Cell {
  const value = row[key.toUpperCase()];
  if (value === undefined) throw new QueryError(key);
  return value;
}

const likeToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%/g, '.*')
      .replace(/_/g, '.')}$`,
    'i',
  );

/** Tokenizes and parses a FilterString into a predicate; field keys are checked against `known`. */
export function parseFilter(text: string, known: ReadonlySet<string>): Predicate {
  const tokens = text.match(/'(?:[^']|'')*'|<>|>=|<=|!=|[=<>(),]|[^\s=<>(),']+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const keyword = (word: string) => peek()?.toLowerCase() === word;
  const value = (): Cell => {
    const t = next();
    if (t === undefined) throw new QueryError('FilterString');
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    throw new QueryError(t);
  };
  const comparison = (): Predicate => {
    const key = next();
    if (key === undefined) throw new QueryError('FilterString');
    if (!known.has(key.toUpperCase())) throw new QueryError(key);
    if (keyword('in')) {
      next();
      if (next() !== '(') throw new QueryError('FilterString');
      const values: Cell[] = [value()];
      while (peek() === ',') {
        next();
        values.push(value());
      }
      if (next() !== ')') throw new QueryError('FilterString');
      return (row) =>
        values.some((v) => compare(cellOf(row, key), normalizeLiteral(cellOf(row, key), v)) === 0);
    }
    if (keyword('like')) {
      next();
      const pattern = likeToRegExp(String(value()));
      return (row) => pattern.test(String(cellOf(row, key)));
    }
    const op = next();
    const literal = value();
    return (row) => {
      const cell = cellOf(row, key);
      const c = compare(cell, normalizeLiteral(cell, literal));
      switch (op) {
        case '=':
          return c === 0;
        case '<>':
        case '!=':
          return c !== 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        default:
          throw new QueryError(op ?? 'FilterString');
      }
    };
  };
  const factor = (): Predicate => {
    if (peek() === '(') {
      next();
      const inner = expression();
      if (next() !== ')') throw new QueryError('FilterString');
      return inner;
    }
    return comparison();
  };
  const term = (): Predicate => {
    let left = factor();
    while (keyword('and')) {
      next();
      const right = factor();
      const l = left;
      left = (row) => l(row) && right(row);
    }
    return left;
  };
  const expression = (): Predicate => {
    let left = term();
    while (keyword('or')) {
      next();
      const right = term();
      const l = left;
      left = (row) => l(row) || right(row);
    }
    return left;
  };
  if (tokens.length === 0) return () => true;
  const predicate = expression();
  if (i !== tokens.length) throw new QueryError(tokens[i] ?? 'FilterString');
  return predicate;
}

export interface FilterCondition {
  readonly FieldName: string;
  readonly Compare: string;
  readonly Value: string;
  readonly Logic?: number;
}

export interface BillQuery {
  readonly FieldKeys: string;
  readonly FilterString?: string | readonly FilterCondition[];
  readonly OrderString?: string;
  readonly TopRowCount?: number;
  readonly StartRow?: number;
  readonly Limit?: number;
}

export function runQuery(
  rows: readonly Row[],
  known: ReadonlySet<string>,
  query: BillQuery,
  ceiling: number,
): Cell[][] {
  const keys = query.FieldKeys.split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  for (const key of keys) if (!known.has(key.toUpperCase())) throw new QueryError(key);
  let predicate: Predicate = () => true;
  if (typeof query.FilterString === 'string') predicate = parseFilter(query.FilterString, known);
  else if (Array.isArray(query.FilterString)) {
    const conditions: readonly FilterCondition[] = query.FilterString;
    for (const c of conditions) if (!known.has(c.FieldName.toUpperCase())) throw new QueryError(c.FieldName);
    predicate = (row) =>
      conditions.every((c) => c.Compare !== '67' || compare(cellOf(row, c.FieldName), c.Value) === 0);
  }
  let selected = rows.filter(predicate);
  if (query.OrderString) {
    const orders = query.OrderString.split(',').map((part) => {
      const [key = '', dir = 'ASC'] = part.trim().split(/\s+/);
      if (!known.has(key.toUpperCase())) throw new QueryError(key);
      return { key, desc: dir.toUpperCase() === 'DESC' };
    });
    selected = [...selected].sort((a, b) => {
      for (const o of orders) {
        const c = compare(cellOf(a, o.key), cellOf(b, o.key));
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  }
  if (query.TopRowCount !== undefined && query.TopRowCount > 0)
    selected = selected.slice(0, query.TopRowCount);
  const start = query.StartRow ?? 0;
  const limit = Math.min(query.Limit !== undefined && query.Limit > 0 ? query.Limit : ceiling, ceiling);
  return selected.slice(start, start + limit).map((row) => keys.map((k) => cellOf(row, k)));
}

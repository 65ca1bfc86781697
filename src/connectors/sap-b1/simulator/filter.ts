import { REFUSALS, type B1Refusal } from './answers.ts';
import { millionthsOf, NumberText } from './exact-json.ts';

/**
 * The `$filter` subset the simulated Service Layer understands (§2.3): comparisons `eq ne gt ge lt
 * le` between a property and a literal, `and`, `or`, `not`, parentheses, and the string functions
 * `startswith`, `endswith`, `contains` (v2) and `substringof` (v1). Literals: `'text'` (a quote
 * doubled), numbers, `true`/`false`/`null`, v2 dates `2026-11-28` / `2026-11-28T00:00:00Z` and v1
 * `datetime'…'`. An unknown property answers `201 Property 'X' is invalid`, anything else it cannot
 * read `201 Query string error - Invalid filter condition`, as B1 does.
 */
export type Row = Readonly<Record<string, unknown>>;
export type Predicate = (row: Row) => boolean;

type Token =
  | { readonly t: 'punct'; readonly v: '(' | ')' | ',' }
  | { readonly t: 'string' | 'number' | 'date' | 'word'; readonly v: string };

type Operand =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'string' | 'number' | 'date'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' };

class FilterError extends Error {
  readonly refusal: B1Refusal;
  constructor(refusal: B1Refusal) {
    super(refusal.message);
    this.refusal = refusal;
  }
}

const syntax = (): FilterError => new FilterError(REFUSALS.badFilter());

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  const take = (n: number) => {
    rest = rest.slice(n);
  };
  while ((rest = rest.trimStart()) !== '') {
    const c = rest[0] ?? '';
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c });
      take(1);
      continue;
    }
    const quoted = /^(?:datetime|datetimeoffset|date)?'((?:[^']|'')*)'/i.exec(rest);
    if (quoted !== null) {
      const value = (quoted[1] ?? '').replaceAll("''", "'");
      tokens.push({ t: /^date/i.test(quoted[0]) ? 'date' : 'string', v: value });
      take(quoted[0].length);
      continue;
    }
    const date = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/.exec(rest);
    if (date !== null) {
      tokens.push({ t: 'date', v: date[0] });
      take(date[0].length);
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?(?:[mMdDfFlL])?/.exec(rest);
    if (number !== null) {
      tokens.push({ t: 'number', v: number[0].replace(/[mMdDfFlL]$/, '') });
      take(number[0].length);
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word === null) throw syntax();
    tokens.push({ t: 'word', v: word[0] });
    take(word[0].length);
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains', 'substringof']);

/** A scalar as text, or undefined for anything else. */
const scalarText = (value: unknown): string | undefined =>
  typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
    ? String(value)
    : undefined;

/** Compares a row value with a literal: decimals exactly, dates by day, text as text. */
function compare(value: unknown, operand: Operand, insensitive: boolean): number | undefined {
  if (operand.kind === 'null') return value === null || value === undefined ? 0 : 1;
  if (value === null || value === undefined) return undefined;
  if (operand.kind === 'bool') return value === operand.value ? 0 : 1;
  if (operand.kind === 'property') return undefined;
  if (operand.kind === 'number' || value instanceof NumberText || typeof value === 'number') {
    const a = millionthsOf(
      value instanceof NumberText || typeof value === 'string' ? value : scalarText(value),
    );
    const b = millionthsOf(operand.value);
    if (a === null || a === undefined || b === null || b === undefined) return undefined;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof value !== 'string') return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) && /^\d{4}-\d{2}-\d{2}/.test(operand.value);
  let a = value;
  let b = day ? operand.value.slice(0, 10) : operand.value;
  if (insensitive) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const TESTS: Readonly<Record<string, (c: number) => boolean>> = {
  eq: (c) => c === 0,
  ne: (c) => c !== 0,
  gt: (c) => c > 0,
  ge: (c) => c >= 0,
  lt: (c) => c < 0,
  le: (c) => c <= 0,
};

/** Parses a `$filter` against the properties an entity set has; a refusal when B1 would refuse it. */
export function parseFilter(
  text: string,
  properties: ReadonlySet<string>,
  insensitive: boolean,
): Predicate | B1Refusal {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    return error instanceof FilterError ? error.refusal : REFUSALS.badFilter();
  }
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const next = (): Token => {
    const token = tokens[at++];
    if (token === undefined) throw syntax();
    return token;
  };
  const isWord = (token: Token | undefined, word: string) =>
    token?.t === 'word' && token.v.toLowerCase() === word;
  const expect = (v: '(' | ')' | ',') => {
    const token = next();
    if (token.t !== 'punct' || token.v !== v) throw syntax();
  };
  const property = (name: string): Operand => {
    if (!properties.has(name)) throw new FilterError(REFUSALS.badQueryProperty(name));
    return { kind: 'property', name };
  };
  const operand = (): Operand => {
    const token = next();
    if (token.t === 'punct') throw syntax();
    if (token.t === 'string' || token.t === 'number' || token.t === 'date')
      return { kind: token.t, value: token.v };
    const word = token.v.toLowerCase();
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    return property(token.v);
  };
  const valueOf = (row: Row, o: Operand): unknown => (o.kind === 'property' ? row[o.name] : undefined);
  const textOf = (row: Row, o: Operand): string | undefined => {
    const v = o.kind === 'property' ? row[o.name] : o.kind === 'string' ? o.value : undefined;
    return typeof v === 'string' ? (insensitive ? v.toLowerCase() : v) : undefined;
  };
  const call = (name: string): Predicate => {
    expect('(');
    const first = operand();
    expect(',');
    const second = operand();
    expect(')');
    const [haystack, needle] = name === 'substringof' ? [second, first] : [first, second];
    return (row) => {
      const h = textOf(row, haystack);
      const n = textOf(row, needle);
      if (h === undefined || n === undefined) return false;
      return name === 'startswith' ? h.startsWith(n) : name === 'endswith' ? h.endsWith(n) : h.includes(n);
    };
  };
  const primary = (): Predicate => {
    const token = peek();
    if (token?.t === 'punct' && token.v === '(') {
      next();
      const inner = or();
      expect(')');
      return inner;
    }
    if (token?.t === 'word' && FUNCTIONS.has(token.v.toLowerCase())) {
      next();
      return call(token.v.toLowerCase());
    }
    const left = operand();
    const op = next();
    if (op.t !== 'word' || !COMPARISONS.has(op.v.toLowerCase())) throw syntax();
    const right = operand();
    if (left.kind !== 'property' && right.kind !== 'property') throw syntax();
    const [prop, literal, flip] = left.kind === 'property' ? [left, right, false] : [right, left, true];
    if (literal.kind === 'property') throw syntax();
    const test = TESTS[op.v.toLowerCase()] ?? (() => false);
    return (row) => {
      const c = compare(valueOf(row, prop), literal, insensitive);
      if (c === undefined) return op.v.toLowerCase() === 'ne';
      return test(flip ? -c : c);
    };
  };
  const unary = (): Predicate => {
    if (isWord(peek(), 'not')) {
      next();
      const inner = unary();
      return (row) => !inner(row);
    }
    return primary();
  };
  const and = (): Predicate => {
    let left = unary();
    while (isWord(peek(), 'and')) {
      next();
      const a = left;
      const b = unary();
      left = (row) => a(row) && b(row);
    }
    return left;
  };
  const or = (): Predicate => {
    let left = and();
    while (isWord(peek(), 'or')) {
      next();
      const a = left;
      const b = and();
      left = (row) => a(row) || b(row);
    }
    return left;
  };
  try {
    const predicate = or();
    if (at !== tokens.length) throw syntax();
    return predicate;
  } catch (error) {
    return error instanceof FilterError ? error.refusal : REFUSALS.badFilter();
  }
}

/**
 * The `q` query parameter of Oracle's REST framework (§3.2): framework 2+ takes row-match expressions
 * (`InvoiceAmount >= 1000 and (Supplier LIKE 'Acme%' or Status = 'ACTIVE')`), framework 1 takes
 * `Attr=value;Attr2>value`. Values compare as timestamps when both sides are ISO-8601 date-times, as
 * numbers when both are numbers, else as text. An unknown attribute is the caller's error.
 */
export type Row = Readonly<Record<string, unknown>>;
export type Predicate = (row: Row) => boolean;

export class QueryError extends Error {}

type Token =
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'op'; readonly text: string }
  | { readonly kind: 'paren'; readonly text: '(' | ')' };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\()|(\))|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![A-Za-z_])|(>=|<=|<>|!=|=|>|<)|([A-Za-z_][A-Za-z0-9_.]*))/y;
  let at = 0;
  while (at < q.length) {
    if (/^\s*$/.test(q.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(q);
    if (m === null) throw new QueryError(`cannot read the q expression at "${q.slice(at, at + 20)}"`);
    at = re.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined)
      tokens.push({ kind: 'paren', text: m[1] === undefined ? ')' : '(' });
    else if (m[3] !== undefined) tokens.push({ kind: 'string', text: m[3].replace(/''/g, "'") });
    else if (m[4] !== undefined) tokens.push({ kind: 'number', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'op', text: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: 'name', text: m[6] });
  }
  return tokens;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** -1, 0 or 1; null when either side is null. */
export function compare(left: unknown, right: string): number | null {
  if (left === null || left === undefined) return null;
  // an exact decimal (JSON.rawJSON) compares by its digits
  const raw = typeof left === 'object' ? (left as { rawJSON?: unknown }).rawJSON : undefined;
  const l = typeof raw === 'string' ? raw : typeof left === 'string' ? left : JSON.stringify(left);
  if (ISO.test(l) && ISO.test(right)) {
    const a = Date.parse(l);
    const b = Date.parse(right);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return Math.sign(a - b);
  }
  if (NUMBER.test(l) && NUMBER.test(right)) return Math.sign(Number(l) - Number(right));
  return l < right ? -1 : l > right ? 1 : 0;
}

const like = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%/g, '.*')
      .replace(/_/g, '.')}$`,
    's',
  );

function comparison(attribute: string, op: string, value: string): Predicate {
  if (op.toUpperCase() === 'LIKE') {
    const re = like(value);
    return (row) => typeof row[attribute] === 'string' && re.test(row[attribute]);
  }
  return (row) => {
    const c = compare(row[attribute], value);
    if (c === null) return false;
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
        throw new QueryError(`unknown operator ${op}`);
    }
  };
}

/** A framework 2+ row-match expression → a predicate. */
function expression(q: string, attributes: ReadonlySet<string>): Predicate {
  const tokens = tokenize(q);
  let i = 0;
  const peek = () => tokens[i];
  const keyword = (word: string) => {
    const t = peek();
    return t?.kind === 'name' && t.text.toLowerCase() === word;
  };
  const attribute = (): string => {
    const t = tokens[i++];
    if (t?.kind !== 'name') throw new QueryError('an attribute name was expected in q');
    if (!attributes.has(t.text))
      throw new QueryError(`the attribute ${t.text} in q isn't valid for this resource`);
    return t.text;
  };
  function primary(): Predicate {
    const t = peek();
    if (t?.kind === 'paren' && t.text === '(') {
      i++;
      const inner = disjunction();
      const close = tokens[i++];
      if (close?.kind !== 'paren' || close.text !== ')') throw new QueryError('a ) is missing in q');
      return inner;
    }
    const name = attribute();
    if (keyword('like')) {
      i++;
      const value = tokens[i++];
      if (value?.kind !== 'string') throw new QueryError('LIKE takes a quoted pattern');
      return comparison(name, 'LIKE', value.text);
    }
    if (keyword('is')) {
      i++;
      const negated = keyword('not');
      if (negated) i++;
      if (!keyword('null')) throw new QueryError('IS takes NULL or NOT NULL');
      i++;
      return (row) => (row[name] === null || row[name] === undefined) !== negated;
    }
    const op = tokens[i++];
    const value = tokens[i++];
    if (op?.kind !== 'op') throw new QueryError(`an operator was expected after ${name}`);
    if (value?.kind !== 'string' && value?.kind !== 'number')
      throw new QueryError(`a quoted value or a number was expected after ${name} ${op.text}`);
    return comparison(name, op.text, value.text);
  }
  function conjunction(): Predicate {
    let left = primary();
    while (keyword('and')) {
      i++;
      const l = left;
      const r = primary();
      left = (row) => l(row) && r(row);
    }
    return left;
  }
  function disjunction(): Predicate {
    let left = conjunction();
    while (keyword('or')) {
      i++;
      const l = left;
      const r = conjunction();
      left = (row) => l(row) || r(row);
    }
    return left;
  }
  const predicate = disjunction();
  if (i < tokens.length) throw new QueryError(`unexpected "${tokens[i]?.text ?? ''}" in q`);
  return predicate;
}

/** A framework 1 `Attr=value;Attr2>value` filter → a predicate. */
function semicolons(q: string, attributes: ReadonlySet<string>): Predicate {
  const parts = q.split(';').filter((p) => p.trim() !== '');
  const predicates = parts.map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|=|>|<)\s*(.*?)\s*$/.exec(part);
    if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined)
      throw new QueryError(`cannot read "${part}" in q`);
    if (!attributes.has(m[1]))
      throw new QueryError(`the attribute ${m[1]} in q isn't valid for this resource`);
    return comparison(m[1], m[2], m[3].replace(/^'(.*)'$/, '$1'));
  });
  return (row) => predicates.every((p) => p(row));
}

/** `q` under the framework version the caller asked for (absent: 1). */
export function parseQ(q: string, frameworkVersion: number, attributes: ReadonlySet<string>): Predicate {
  return frameworkVersion >= 2 ? expression(q, attributes) : semicolons(q, attributes);
}

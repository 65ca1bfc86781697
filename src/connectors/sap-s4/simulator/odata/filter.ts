import { propertyOf, type EdmEntity, type EdmType } from './edm.ts';
import { ODataFault } from './fault.ts';
import { compareValues, literalAs, type Literal, type Row, type RowValue } from './values.ts';

/**
 * `$filter` of OData v2 (§1.4): `eq ne gt ge lt le`, `and or not`, parentheses, `substringof`,
 * `startswith`, `endswith`, `tolower`, `toupper`, and the literals `'text'` (a quote doubled),
 * `datetime'…'`, `datetimeoffset'…'`, `time'PT…'`, `guid'…'`, numbers (with `M`/`L`/`d` suffixes),
 * `true`, `false`, `null`. A property the entity type does not have is SAP's 400.
 */
type Token =
  | { readonly t: 'lit'; readonly literal: Literal }
  | { readonly t: 'name'; readonly name: string }
  | { readonly t: 'punct'; readonly p: '(' | ')' | ',' };

const TYPED = /^(datetimeoffset|datetime|time|guid|X|binary)'((?:[^']|'')*)'/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMlLdDfF]?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_/.]*/;
const DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?$/;

const syntax = (message: string) => new ODataFault(400, '/IWBEP/CM_MGW_RT/021', message);

function typedLiteral(kind: string, raw: string): Literal {
  const text = raw.replace(/''/g, "'");
  if (kind === 'datetime' || kind === 'datetimeoffset') {
    const iso = /[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`;
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw syntax(`Invalid ${kind} literal '${text}'`);
    return { kind: 'datetime', value: ms };
  }
  if (kind === 'time') {
    const m = DURATION.exec(text);
    if (m === null) throw syntax(`Invalid time literal '${text}'`);
    const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
    return { kind: 'time', value: ms };
  }
  if (kind === 'guid') return { kind: 'guid', value: text.toLowerCase() };
  return { kind: 'string', value: text };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space !== null) {
      rest = rest.slice(space[0].length);
      continue;
    }
    const c = rest[0];
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', p: c });
      rest = rest.slice(1);
      continue;
    }
    if (c === "'") {
      const m = /^'((?:[^']|'')*)'/.exec(rest);
      if (m === null) throw syntax(`Unterminated string literal in '${text}'`);
      tokens.push({ t: 'lit', literal: { kind: 'string', value: (m[1] ?? '').replace(/''/g, "'") } });
      rest = rest.slice(m[0].length);
      continue;
    }
    const typed = TYPED.exec(rest);
    if (typed !== null) {
      tokens.push({ t: 'lit', literal: typedLiteral(typed[1] ?? '', typed[2] ?? '') });
      rest = rest.slice(typed[0].length);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ t: 'lit', literal: { kind: 'number', value: number[0].replace(/[mMlLdDfF]$/, '') } });
      rest = rest.slice(number[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name === null) throw syntax(`Invalid token at '${rest.slice(0, 20)}'`);
    const word = name[0];
    if (word === 'true' || word === 'false')
      tokens.push({ t: 'lit', literal: { kind: 'boolean', value: word === 'true' } });
    else if (word === 'null') tokens.push({ t: 'lit', literal: { kind: 'null' } });
    else tokens.push({ t: 'name', name: word });
    rest = rest.slice(word.length);
  }
  return tokens;
}

type Operand =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'literal'; readonly literal: Literal }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Operand[] };

export type FilterNode =
  | { readonly op: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly op: 'not'; readonly operand: FilterNode }
  | { readonly op: Comparison; readonly left: Operand; readonly right: Operand }
  | { readonly op: 'test'; readonly operand: Operand };

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['substringof', 'startswith', 'endswith', 'tolower', 'toupper', 'length', 'trim']);

class Parser {
  private at = 0;
  private readonly tokens: readonly Token[];
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }
  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private word(): string | undefined {
    const t = this.peek();
    return t?.t === 'name' ? t.name : undefined;
  }
  private expect(p: '(' | ')' | ','): void {
    const t = this.tokens[this.at++];
    if (t?.t !== 'punct' || t.p !== p) throw syntax(`Expected '${p}' at token ${this.at}`);
  }
  parse(): FilterNode {
    const node = this.or();
    if (this.at < this.tokens.length) throw syntax(`Unexpected token at position ${this.at + 1}`);
    return node;
  }
  private or(): FilterNode {
    let left = this.and();
    while (this.word() === 'or') {
      this.at++;
      left = { op: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): FilterNode {
    let left = this.not();
    while (this.word() === 'and') {
      this.at++;
      left = { op: 'and', left, right: this.not() };
    }
    return left;
  }
  private not(): FilterNode {
    if (this.word() === 'not') {
      this.at++;
      return { op: 'not', operand: this.not() };
    }
    return this.comparison();
  }
  private comparison(): FilterNode {
    const t = this.peek();
    if (t?.t === 'punct' && t.p === '(') {
      this.at++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    const left = this.operand();
    const op = this.word();
    if (op !== undefined && COMPARISONS.has(op)) {
      this.at++;
      return { op: op as Comparison, left, right: this.operand() };
    }
    return { op: 'test', operand: left };
  }
  private operand(): Operand {
    const t = this.tokens[this.at++];
    if (t === undefined) throw syntax('Unexpected end of $filter');
    if (t.t === 'lit') return { kind: 'literal', literal: t.literal };
    if (t.t === 'punct') throw syntax(`Unexpected '${t.p}' at position ${this.at}`);
    const next = this.peek();
    if (next?.t === 'punct' && next.p === '(' && FUNCTIONS.has(t.name)) {
      this.at++;
      const args: Operand[] = [this.operand()];
      while (this.peek()?.t === 'punct' && (this.peek() as { p: string }).p === ',') {
        this.at++;
        args.push(this.operand());
      }
      this.expect(')');
      return { kind: 'call', fn: t.name, args };
    }
    return { kind: 'property', name: t.name };
  }
}

export const parseFilter = (text: string): FilterNode => new Parser(tokenize(text)).parse();

/** The 400 SAP answers for a property the entity type does not have (§1.4). */
export const unknownProperty = (entity: EdmEntity, name: string, namespace: string) =>
  new ODataFault(
    400,
    '/IWBEP/CM_MGW_RT/022',
    `Property '${name}' not found in type '${namespace}.${entity.type}'`,
  );

/** Every property a filter names must exist: checked once, before any row is read. */
export function checkFilter(node: FilterNode, entity: EdmEntity, namespace: string): void {
  const operand = (o: Operand): void => {
    if (o.kind === 'property' && propertyOf(entity, o.name) === undefined)
      throw unknownProperty(entity, o.name, namespace);
    if (o.kind === 'call') o.args.forEach(operand);
  };
  switch (node.op) {
    case 'and':
    case 'or':
      checkFilter(node.left, entity, namespace);
      checkFilter(node.right, entity, namespace);
      return;
    case 'not':
      checkFilter(node.operand, entity, namespace);
      return;
    case 'test':
      operand(node.operand);
      return;
    default:
      operand(node.left);
      operand(node.right);
  }
}

interface Value {
  readonly type: EdmType | undefined;
  readonly value: RowValue;
  readonly literal?: Literal;
}

function valueOf(o: Operand, row: Row, entity: EdmEntity): Value {
  if (o.kind === 'property') {
    const p = propertyOf(entity, o.name);
    return { type: p?.type, value: row[o.name] ?? null };
  }
  if (o.kind === 'literal') {
    const l = o.literal;
    const value = l.kind === 'null' ? null : l.value;
    return { type: undefined, value, literal: l };
  }
  const args = o.args.map((a) => valueOf(a, row, entity));
  const text = (v: Value | undefined) => (v === undefined || v.value === null ? '' : String(v.value));
  switch (o.fn) {
    case 'substringof':
      return { type: 'Edm.Boolean', value: text(args[1]).includes(text(args[0])) };
    case 'startswith':
      return { type: 'Edm.Boolean', value: text(args[0]).startsWith(text(args[1])) };
    case 'endswith':
      return { type: 'Edm.Boolean', value: text(args[0]).endsWith(text(args[1])) };
    case 'tolower':
      return { type: 'Edm.String', value: text(args[0]).toLowerCase() };
    case 'toupper':
      return { type: 'Edm.String', value: text(args[0]).toUpperCase() };
    case 'trim':
      return { type: 'Edm.String', value: text(args[0]).trim() };
    default:
      return { type: 'Edm.Int32', value: text(args[0]).length };
  }
}

/** A literal compared with a property takes the property's type (a mismatch is SAP's 400). */
function coerce(side: Value, other: Value): RowValue {
  if (side.literal === undefined || other.type === undefined) return side.value;
  const value = literalAs({ name: '', type: other.type, label: '' }, side.literal);
  if (value === undefined) throw syntax(`Literal does not fit a property of type ${other.type}`);
  return value;
}

export function matches(node: FilterNode, row: Row, entity: EdmEntity): boolean {
  switch (node.op) {
    case 'and':
      return matches(node.left, row, entity) && matches(node.right, row, entity);
    case 'or':
      return matches(node.left, row, entity) || matches(node.right, row, entity);
    case 'not':
      return !matches(node.operand, row, entity);
    case 'test':
      return valueOf(node.operand, row, entity).value === true;
    default: {
      const left = valueOf(node.left, row, entity);
      const right = valueOf(node.right, row, entity);
      const a = coerce(left, right);
      const b = coerce(right, left);
      const type = left.type ?? right.type ?? 'Edm.String';
      if (a === null || b === null) {
        if (node.op === 'eq') return a === b;
        if (node.op === 'ne') return a !== b;
        return false;
      }
      const c = compareValues(type, a, b);
      switch (node.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
      }
    }
  }
}

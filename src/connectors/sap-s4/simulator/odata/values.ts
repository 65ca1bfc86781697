import { compareDecimals, parseDecimal } from '../../../../model/decimal.ts';
import type { EdmProperty, EdmType } from './edm.ts';

/**
 * How the simulator holds a value in memory — strings for `Edm.String`, `Edm.Guid`, `Edm.Decimal` and
 * `Edm.Int64`, milliseconds (UTC) for `Edm.DateTime`/`Edm.DateTimeOffset`, milliseconds since midnight
 * for `Edm.Time`, plain numbers and booleans — and how it writes one in JSON (§1.4 value table) and Atom.
 */
export type RowValue = string | number | boolean | null;
export type Row = Readonly<Record<string, RowValue>>;

const two = (n: number) => String(n).padStart(2, '0');

/** Milliseconds since midnight → `PT10H15M01S`. */
export const durationOf = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return `PT${two(Math.floor(s / 3600))}H${two(Math.floor(s / 60) % 60)}M${two(s % 60)}S`;
};

/** A value as OData v2 JSON writes it. */
export function jsonValue(type: EdmType, value: RowValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'Edm.DateTime':
      return `/Date(${Number(value)})/`;
    case 'Edm.DateTimeOffset':
      return `/Date(${Number(value)}+0000)/`;
    case 'Edm.Time':
      return durationOf(Number(value));
    case 'Edm.Decimal':
    case 'Edm.Int64':
      return String(value);
    default:
      return value;
  }
}

/** A value as Atom (`d:Property` text) writes it. */
export function atomText(type: EdmType, value: RowValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'Edm.DateTime':
      return new Date(Number(value)).toISOString().slice(0, 19);
    case 'Edm.DateTimeOffset':
      return `${new Date(Number(value)).toISOString().slice(0, 19)}Z`;
    case 'Edm.Time':
      return durationOf(Number(value));
    default:
      return String(value);
  }
}

/** A literal of `$filter` or a key predicate, as parsed. */
export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'datetime'; readonly value: number }
  | { readonly kind: 'time'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'guid'; readonly value: string }
  | { readonly kind: 'null' };

/** A literal as the in-memory value of a property of this type, or undefined when it cannot be one. */
export function literalAs(property: EdmProperty, literal: Literal): RowValue | undefined {
  if (literal.kind === 'null') return null;
  switch (property.type) {
    case 'Edm.DateTime':
    case 'Edm.DateTimeOffset':
      return literal.kind === 'datetime' ? literal.value : undefined;
    case 'Edm.Time':
      return literal.kind === 'time' ? literal.value : undefined;
    case 'Edm.Boolean':
      return literal.kind === 'boolean' ? literal.value : undefined;
    case 'Edm.Decimal':
    case 'Edm.Int64':
      return literal.kind === 'number' || literal.kind === 'string' ? literal.value : undefined;
    case 'Edm.Byte':
    case 'Edm.Int32':
      return literal.kind === 'number' ? Number(literal.value) : undefined;
    case 'Edm.Guid':
      return literal.kind === 'guid' || literal.kind === 'string' ? literal.value : undefined;
    case 'Edm.String':
      return literal.kind === 'string' ? literal.value : undefined;
  }
}

/** Orders two values of one property (nulls first); decimals exactly, strings by code unit as ABAP does. */
export function compareValues(type: EdmType, a: RowValue, b: RowValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (type === 'Edm.Decimal' || type === 'Edm.Int64') {
    const x = parseDecimal(String(a));
    const y = parseDecimal(String(b));
    if (x.ok && y.ok) return compareDecimals(x.value, y.value);
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

import { Type, type TSchema } from 'typebox';
import { CURRENCY_CODES } from './currencies.ts';
import type { Labelled } from './enums/labelled.ts';

/** Wire pattern of a money amount: a decimal string, at most as many decimals as the currency allows. */
export const AMOUNT_PATTERN = '^-?[0-9]{1,19}(\\.[0-9]{1,3})?$';

export const Id = Type.String({ format: 'uuid', description: 'Identifier assigned by FinBridge (UUID v7).' });
export const Code = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[0-9A-Za-z][0-9A-Za-z._/-]{0,39}$',
  description: 'Business code, unique per company (e.g. "1002", "S0001", "2221.01.01").',
});
export const Name = Type.String({ minLength: 1, maxLength: 200, description: 'Display name.' });
export const Text = (description: string, maxLength = 500) => Type.String({ maxLength, description });
export const CalendarDate = Type.String({
  format: 'date',
  description: 'Calendar date YYYY-MM-DD (no time zone).',
});
export const Timestamp = Type.String({ format: 'date-time', description: 'Instant in UTC, RFC 3339.' });
export const FiscalPeriod = Type.String({
  pattern: '^[0-9]{4}-(0[1-9]|1[0-6])$',
  description: 'Fiscal period YYYY-PP; 01–12 are months, 13–16 special closing periods.',
});
export const DecimalString = (description: string) =>
  Type.String({ pattern: '^-?[0-9]{1,30}(\\.[0-9]{1,18})?$', description, examples: ['0.13'] });
export const Rate = DecimalString('Exact decimal rate, "0.13" = 13%.');
export const CurrencyCode = Type.Union(
  CURRENCY_CODES.map((c) => Type.Literal(c)),
  { description: 'ISO 4217 currency code.' },
);
export const Amount = Type.String({
  pattern: AMOUNT_PATTERN,
  description: 'Decimal string with the currency\'s minor digits, e.g. "1234.50". JSON numbers are rejected.',
  examples: ['1234.50'],
});
export const Money = Type.Object(
  { amount: Amount, currency: CurrencyCode },
  { additionalProperties: false, description: 'Money: amount as a decimal string plus ISO 4217 currency.' },
);
export const Uscc = Type.String({
  minLength: 18,
  maxLength: 18,
  description: '统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.',
  examples: ['91110000600037341L'],
});
export const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')], {
  description: 'Inactive master data stays for history but cannot be used on new documents.',
  default: 'active',
});

export const enumOf = <C extends string>(items: readonly Labelled<C>[], description: string) =>
  Type.Union(
    items.map((i) => Type.Literal(i.code, { title: i.en, description: i.zh })),
    { description },
  );

export const Lines = <T extends TSchema>(line: T, description: string) =>
  Type.Array(line, { minItems: 1, maxItems: 1000, description });

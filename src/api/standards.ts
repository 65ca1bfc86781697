import { Type, type Static } from 'typebox';
import { CURRENCIES } from '../model/currencies.ts';
import { STANDARD_EXPENSE_CATEGORIES } from '../model/enums/expense-categories.ts';
import { INVOICE_TYPES } from '../model/enums/invoice-types.ts';
import { STANDARD_TAX_RATES, taxRatesOn } from '../model/enums/tax-rates.ts';
import { ACCOUNT_TYPES, AUX_DIMENSIONS, VOUCHER_WORDS } from '../model/enums/voucher-words.ts';
import { DomainError } from '../model/result.ts';
import type { App } from '../platform/http/server.ts';
import { PUBLIC } from '../platform/http/policy.ts';
import { IndexSchema, problems } from './shared.ts';

/**
 * The field standards (code lists with zh-CN/en-US labels) that the canonical schemas enumerate. A Map,
 * so a name from the URL (`constructor`, `__proto__`) can only find a standard, never an object's member.
 */
const STANDARDS: ReadonlyMap<string, { description: string; items: () => readonly object[] }> = new Map(
  Object.entries({
    'expense-categories': {
      description: 'Standard expense categories (费用类别) and their input-VAT treatment',
      items: () => STANDARD_EXPENSE_CATEGORIES,
    },
    'invoice-types': { description: 'Invoice and ticket types (发票类型)', items: () => INVOICE_TYPES },
    'voucher-words': { description: 'Voucher words (凭证字)', items: () => VOUCHER_WORDS },
    'account-types': {
      description: 'Account classes (科目类别) and balance direction',
      items: () => ACCOUNT_TYPES,
    },
    'aux-dimensions': {
      description: 'Auxiliary accounting dimensions (辅助核算)',
      items: () => AUX_DIMENSIONS,
    },
    currencies: {
      description: 'ISO 4217 currencies with minor-unit exponent',
      items: () => Object.entries(CURRENCIES).map(([code, c]) => ({ code, ...c })),
    },
    'tax-rates': {
      description: 'VAT and levy rates with validity dates (税率/征收率)',
      items: () => STANDARD_TAX_RATES,
    },
  }),
);

/** One entry of any code list: the code and its labels, plus the fields its list adds. */
const StandardItem = Type.Object(
  {
    code: Type.String(),
    zh: Type.String({ description: 'Label in zh-CN.' }),
    en: Type.String({ description: 'Label in en-US.' }),
    inputVat: Type.Optional(
      Type.Union(
        [
          Type.Literal('passenger-transport'),
          Type.Literal('special-invoice'),
          Type.Literal('printed-tax'),
          Type.Literal('never'),
        ],
        { description: 'expense-categories: how its input VAT can be deducted.' },
      ),
    ),
    platformType: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'invoice-types: the tax platform’s type code, if it has one.',
      }),
    ),
    identity: Type.Optional(
      Type.Union([Type.Literal('code+number'), Type.Literal('number20'), Type.Literal('number')], {
        description: 'invoice-types: what identifies an invoice of the type.',
      }),
    ),
    deductible: Type.Optional(
      Type.Boolean({ description: 'invoice-types: whether its VAT can be deducted.' }),
    ),
    side: Type.Optional(
      Type.Union([Type.Literal('debit'), Type.Literal('credit')], {
        description: 'account-types: the normal balance side.',
      }),
    ),
    kind: Type.Optional(
      Type.Union([Type.Literal('rate'), Type.Literal('levy'), Type.Literal('exempt')], {
        description: 'tax-rates: a VAT rate, a levy rate (征收率) or exemption.',
      }),
    ),
    rate: Type.Optional(Type.String({ description: 'tax-rates: exact decimal, "0.13" = 13%.' })),
    validFrom: Type.Optional(
      Type.String({ format: 'date', description: 'tax-rates: first day the rate applies.' }),
    ),
    validTo: Type.Optional(
      Type.String({ format: 'date', description: 'tax-rates: last day; absent while in force.' }),
    ),
    numeric: Type.Optional(Type.String({ description: 'currencies: ISO 4217 numeric code.' })),
    exponent: Type.Optional(
      Type.Integer({ minimum: 0, description: 'currencies: digits after the decimal point.' }),
    ),
  },
  { description: 'A code with its labels; each list adds its own fields.' },
);

export function registerStandardsRoutes(app: App): void {
  const tags = ['standard data interface'];
  app.get(
    '/standards',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listStandards',
        summary: 'Index of the field standards (code lists) of the canonical model',
        tags,
        response: {
          200: IndexSchema,
          ...problems(400),
        },
      },
    },
    async () => ({
      items: [...STANDARDS].map(([name, s]) => ({
        name,
        description: s.description,
        url: `/standards/${name}`,
      })),
    }),
  );
  app.get(
    '/standards/:name',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getStandard',
        summary:
          'One code list with zh-CN and en-US labels; tax-rates accept ?on=YYYY-MM-DD for the rates in force that day',
        tags,
        params: Type.Object({ name: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object(
          { on: Type.Optional(Type.String({ format: 'date' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            name: Type.String(),
            items: Type.Array(StandardItem),
          }),
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const { on } = request.query;
      const standard = STANDARDS.get(name);
      if (standard === undefined) throw new DomainError('not_found', { resource: 'Standard', id: name });
      const items = name === 'tax-rates' && on !== undefined ? taxRatesOn(on) : standard.items();
      return reply.send({ name, items: [...items] as Static<typeof StandardItem>[] });
    },
  );
}

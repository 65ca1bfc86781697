import { Type } from 'typebox';
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
            items: Type.Array(Type.Object({ code: Type.String() }, { additionalProperties: true })),
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
      return reply
        .serializer((p: unknown) => JSON.stringify(p))
        .send({ name, items: [...items] as { code: string }[] });
    },
  );
}

import { Type } from 'typebox';
import { formatMinor } from '../../model/money.ts';
import { ENTITIES, type EntityDefinition } from '../../model/schemas.ts';
import { exponentOf } from '../../model/currencies.ts';
import { voucherOrThrow } from '../../model/voucher.ts';
import type { App } from '../../platform/http/server.ts';
import { needs } from '../../platform/http/policy.ts';
import { problems } from '../shared.ts';

/**
 * POST /api/v1/vouchers:validate — checks a canonical voucher (schema, money, balance, period) without
 * storing it, so an integrator can test documents against the standard data interface.
 */
export function registerVoucherRoutes(app: App): void {
  const voucher: EntityDefinition = ENTITIES.Voucher;
  app.post(
    '/api/v1/vouchers::validate',
    {
      config: { policy: needs('vouchers:read') },
      schema: {
        operationId: 'validateVoucher',
        summary:
          'Validate a canonical voucher (balanced, amounts exact, period matches date) without storing it',
        tags: ['standard data interface'],
        body: voucher.input,
        response: {
          200: Type.Object({
            valid: Type.Literal(true),
            lineCount: Type.Integer(),
            totalDebit: Type.String(),
            totalCredit: Type.String(),
            currency: Type.String(),
          }),
          ...problems(400, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const value = voucherOrThrow(request.body);
      const total = formatMinor(value.totalMinor, exponentOf(value.currency));
      return {
        valid: true as const,
        lineCount: value.lines.length,
        totalDebit: total,
        totalCredit: total,
        currency: value.currency,
      };
    },
  );
}

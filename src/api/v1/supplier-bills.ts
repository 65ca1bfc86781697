import { Type, type TSchema } from 'typebox';
import { getBill, listBills } from '../../finance/payables/bills.ts';
import { CalendarDate, Code, Id } from '../../model/common.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * The payable list (docs/payments.md): the supplier bills finance keeps — every bill submitted with
 * POST /api/v1/supplier-bills — with what is owed, when it is due and where it stands (open → posted →
 * in_batch → paid / returned). They are paid in payment batches (/api/v1/payment-batches).
 */
const tags = ['payments'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });

const BillStatus = Type.Union(
  [
    Type.Literal('open'),
    Type.Literal('posted'),
    Type.Literal('in_batch'),
    Type.Literal('paid'),
    Type.Literal('returned'),
  ],
  {
    description:
      'open (on its way to the ERP, or refused: see lastError) → posted (payable) → in_batch → paid; returned when the transfer came back (payable again).',
  },
);

const BillSchema = Type.Object({
  id: Id,
  documentId: Type.String({
    description: 'The document id of its posting (POST /supplier-bills documentId).',
  }),
  revision: Type.Integer({ minimum: 1 }),
  number: Type.String({ description: 'The bill’s number, else its document id.' }),
  supplierCode: Type.String(),
  supplierName: Nullable(Type.String(), 'Null: the supplier is not in FinBridge’s master data.'),
  invoiceRefs: Type.Array(Type.String(), { description: 'The supplier’s invoice numbers (发票号码).' }),
  date: Type.String({ ...CalendarDate, description: 'The bill’s date.' }),
  dueDate: Nullable(CalendarDate),
  currency: Type.String(),
  total: Type.String({ description: '价税合计, what is owed, e.g. "5300.00".' }),
  tax: Type.String({ description: 'Of which tax.' }),
  memo: Nullable(Type.String()),
  status: BillStatus,
  postingId: Type.String({ description: 'The hub posting that carries the bill to the ERP.' }),
  connectionId: Type.String(),
  erpNumber: Nullable(Type.String(), 'The ERP’s number of the bill, once posted.'),
  lastError: Nullable(Type.String(), 'The ERP’s refusal, while the bill is open.'),
  paidOn: Nullable(Type.String(), 'The execution day of the batch that paid it.'),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export function registerSupplierBillRoutes(app: App, ctx: ApiContext): void {
  const read = needs('payments:read');
  app.get(
    '/api/v1/supplier-bills',
    {
      config: { policy: read },
      schema: {
        operationId: 'listSupplierBills',
        summary: 'The payable list: supplier bills by status, supplier and due date, newest first',
        tags,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
            status: Type.Optional(BillStatus),
            supplier: Type.Optional(Code),
            dueBefore: Type.Optional(
              Type.String({
                ...CalendarDate,
                description: 'Bills due on or before this day (a bill without a due date: its date).',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(BillSchema),
            nextCursor: Nullable(Type.String(), 'Pass as `cursor` for the next page; null on the last page.'),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listBills((await resolveTenant(ctx, request)).db, {
        limit: q.limit ?? 50,
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.supplier === undefined ? {} : { supplier: q.supplier }),
        ...(q.dueBefore === undefined ? {} : { dueBefore: q.dueBefore }),
      });
    },
  );
  app.get(
    '/api/v1/supplier-bills/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getSupplierBill',
        summary: 'One supplier bill finance keeps',
        tags,
        params: IdParams,
        response: { 200: BillSchema, ...problems(400, 404) },
      },
    },
    async (request) => getBill((await resolveTenant(ctx, request)).db, request.params.id),
  );
}

import { Type, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import {
  approveBatch,
  cancelBatch,
  createBatch,
  generateFile,
  getBatch,
  listBatches,
  openPayables,
  returnBatchLine,
  sendBatch,
} from '../../finance/payments/batches.ts';
import { sha256Hex } from '../../finance/bank/decode.ts';
import { FILE_FORMATS, PAYMENT_CSV_LAYOUTS } from '../../finance/payments/layouts.ts';
import { confirmFromStatement, importResultFile } from '../../finance/payments/status-back.ts';
import { CalendarDate, Code, Id } from '../../model/common.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import type { ApiContext } from '../context.ts';
import { IdParams, problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * Payment batches (docs/payments.md): posted claims and advances paid out of a bank account — made,
 * approved by another person, written as the bank's file (pain.001 or a bank CSV), sent (the payment
 * vouchers go to the ERP through the hub), and what the bank says back (result files, matched
 * statement lines, returns). The generic Payment document the hub posts is POST /api/v1/payments.
 */
const tags = ['payments'];
const Nullable = <T extends TSchema>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description === undefined ? {} : { description });
const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String(), 'Pass as `cursor` for the next page; null on the last page.'),
  });

const BatchStatus = Type.Union(
  [
    Type.Literal('draft'),
    Type.Literal('approved'),
    Type.Literal('file_generated'),
    Type.Literal('sent'),
    Type.Literal('paid'),
    Type.Literal('partly_returned'),
    Type.Literal('returned'),
    Type.Literal('cancelled'),
  ],
  { description: 'draft → approved → file_generated → sent → paid / partly_returned / returned; cancelled.' },
);
const LineStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('paid'),
  Type.Literal('returned'),
  Type.Literal('cancelled'),
]);

const BatchFields = {
  id: Id,
  number: Type.String({ description: 'FK + execution day + sequence, e.g. FK20261203-001.' }),
  accountCode: Type.String({ description: 'The bank account the money goes out of.' }),
  currency: Type.String(),
  status: BatchStatus,
  executeOn: Type.String({ ...CalendarDate, description: 'The day the bank is asked to pay (期望付款日).' }),
  purpose: Nullable(Type.String()),
  lineCount: Type.Integer(),
  total: Type.String({ description: 'Sum of the transfers, e.g. "1234.50".' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  fileFormat: Nullable(Type.String()),
  fileSha256: Nullable(Type.String()),
  fileGeneratedAt: Nullable(Type.String()),
  sentBy: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
  version: Type.Integer(),
};
const BatchSchema = Type.Object(BatchFields);
const LineSchema = Type.Object({
  id: Id,
  batchId: Nullable(Type.String()),
  seq: Type.Integer(),
  payableKind: Type.Union([Type.Literal('claim'), Type.Literal('advance'), Type.Literal('supplier_bill')], {
    description: 'An expense claim, an advance, or a supplier bill (GET /api/v1/supplier-bills/{id}).',
  }),
  payableId: Type.String(),
  payableNumber: Type.String(),
  payableTitle: Type.String(),
  payeeKind: Type.Union([Type.Literal('employee'), Type.Literal('supplier')]),
  payeeCode: Type.String(),
  payeeName: Nullable(Type.String()),
  payeeAccount: Nullable(Type.String()),
  payeeBank: Nullable(Type.String()),
  amount: Type.String(),
  currency: Type.String(),
  status: LineStatus,
  endToEndId: Type.String({ description: 'The reference the bank carries through (pain.001 EndToEndId).' }),
  paidOn: Nullable(Type.String()),
  postingId: Nullable(
    Type.String({ description: 'The payment voucher’s hub posting (claims and supplier bills).' }),
  ),
  erpVoucherNumber: Nullable(Type.String()),
  reversalPostingId: Nullable(Type.String()),
  erpReversalNumber: Nullable(Type.String()),
  statementLineId: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  returnedOn: Nullable(Type.String()),
});
const BatchWithLines = Type.Object({ ...BatchFields, lines: Type.Array(LineSchema) });
const PayableSchema = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('claim'), Type.Literal('advance'), Type.Literal('supplier_bill')]),
  number: Type.String(),
  title: Type.String(),
  currency: Type.String(),
  amount: Type.String({ description: 'What is left to pay: a claim’s total less the advances it offsets.' }),
  payeeKind: Type.Union([Type.Literal('employee'), Type.Literal('supplier')]),
  payeeCode: Type.String(),
  payeeName: Nullable(Type.String()),
  payeeAccount: Nullable(Type.String({ description: 'Null: the payee has no bank account on file.' })),
  postedAt: Nullable(Type.String()),
  dueOn: Nullable(
    Type.String({ ...CalendarDate, description: 'A supplier bill’s due date; null otherwise.' }),
  ),
});
const SummarySchema = Type.Object({
  format: Type.Union([Type.Literal('pain002'), Type.Literal('csv'), Type.Literal('statement')]),
  paid: Type.Integer(),
  returned: Type.Integer(),
  pending: Type.Integer(),
  unchanged: Type.Integer(),
  batches: Type.Array(Type.String()),
});
const FileSchema = Type.Object({
  fileName: Type.String(),
  contentType: Type.String(),
  sha256: Type.String(),
  content: Type.String({ description: 'The file, base64 (CSV layouts are GBK, pain.001 is UTF-8).' }),
});
const VersionBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'The batch version you saw.' })) },
  { additionalProperties: false },
);
const RESULT_LIMIT = 8 * 1024 * 1024;

export function registerPaymentRoutes(app: App, ctx: ApiContext): void {
  const tenantOf = (request: FastifyRequest) => resolveTenant(ctx, request);
  const read = needs('payments:read');
  const write = needs('payments:write');

  app.get(
    '/api/v1/payment-batches/layouts',
    {
      config: { policy: read },
      schema: {
        operationId: 'listPaymentFileLayouts',
        summary: 'The bank payment file formats a batch can be written in (the CSV layouts are assumed)',
        tags,
        response: {
          200: Type.Object({
            formats: Type.Array(
              Type.Object({
                name: Type.String(),
                title: Type.String(),
                source: Type.Union([Type.Literal('standard'), Type.Literal('assumed')]),
                encoding: Type.String(),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async () => ({
      formats: [
        {
          name: 'pain001',
          title: 'ISO 20022 pain.001.001.03 (CustomerCreditTransferInitiation)',
          source: 'standard' as const,
          encoding: 'UTF-8',
        },
        ...PAYMENT_CSV_LAYOUTS.map((l) => ({
          name: l.name,
          title: `${l.bank.zh} / ${l.bank.en}`,
          source: l.source,
          encoding: 'GBK',
        })),
      ],
    }),
  );

  app.get(
    '/api/v1/payment-batches/payables',
    {
      config: { policy: read },
      schema: {
        operationId: 'listOpenPayables',
        summary:
          'Posted claims and advances, and posted or returned supplier bills, no open payment batch holds, with what is left to pay',
        tags,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
            currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code.' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(PayableSchema), ...problems(400) },
      },
    },
    async (request) => {
      const q = request.query;
      return openPayables((await tenantOf(request)).db, {
        limit: q.limit ?? 50,
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
        ...(q.currency === undefined ? {} : { currency: q.currency }),
      });
    },
  );

  app.post(
    '/api/v1/payment-batches',
    {
      config: { policy: write },
      schema: {
        operationId: 'createPaymentBatch',
        summary: 'Make a draft payment batch from posted claims and advances',
        tags,
        body: Type.Object(
          {
            account: Code,
            executeOn: Type.Optional(
              Type.String({ ...CalendarDate, description: 'The day the bank is to pay; today by default.' }),
            ),
            purpose: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            payables: Type.Array(Id, { minItems: 1, maxItems: 2000, description: 'Claim and advance ids.' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: BatchSchema, ...problems(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const tenant = await tenantOf(request);
      const body = request.body;
      const view = await createBatch(tenant.db, tenant.writer, {
        account: body.account,
        executeOn: body.executeOn ?? tenant.writer.audit.clock.now().toISOString().slice(0, 10),
        ...(body.purpose === undefined ? {} : { purpose: body.purpose }),
        payables: body.payables,
      });
      return reply.code(201).header('location', `/api/v1/payment-batches/${view.id}`).send(view);
    },
  );

  app.get(
    '/api/v1/payment-batches',
    {
      config: { policy: read },
      schema: {
        operationId: 'listPaymentBatches',
        summary: 'Payment batches, newest first',
        tags,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 60 })),
            status: Type.Optional(BatchStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(BatchSchema), ...problems(400) },
      },
    },
    async (request) => {
      const q = request.query;
      return listBatches((await tenantOf(request)).db, {
        limit: q.limit ?? 50,
        ...(q.cursor === undefined ? {} : { after: q.cursor }),
        ...(q.status === undefined ? {} : { status: q.status }),
      });
    },
  );

  app.get(
    '/api/v1/payment-batches/:id',
    {
      config: { policy: read },
      schema: {
        operationId: 'getPaymentBatch',
        summary: 'A payment batch with its transfers',
        tags,
        params: IdParams,
        response: { 200: BatchWithLines, ...problems(400, 404) },
      },
    },
    async (request) => getBatch((await tenantOf(request)).db, request.params.id),
  );

  app.post(
    '/api/v1/payment-batches/:id/approve',
    {
      config: { policy: write },
      schema: {
        operationId: 'approvePaymentBatch',
        summary: 'Approve a draft batch (someone other than its maker)',
        tags,
        params: IdParams,
        body: VersionBody,
        response: { 200: BatchSchema, ...problems(400, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return approveBatch(tenant.db, tenant.writer, request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/v1/payment-batches/:id/cancel',
    {
      config: { policy: write },
      schema: {
        operationId: 'cancelPaymentBatch',
        summary: 'Cancel a batch not yet sent; its payables are free again',
        tags,
        params: IdParams,
        body: VersionBody,
        response: { 200: BatchSchema, ...problems(400, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return cancelBatch(tenant.db, tenant.writer, request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/v1/payment-batches/:id/send',
    {
      config: { policy: write },
      schema: {
        operationId: 'sendPaymentBatch',
        summary:
          'The file is with the bank: claims paid, payment vouchers submitted to the ERP through the hub',
        tags,
        params: IdParams,
        body: VersionBody,
        response: { 200: BatchSchema, ...problems(400, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return sendBatch(
        tenant.db,
        tenant.writer,
        tenant.company.code,
        request.params.id,
        request.body.version,
      );
    },
  );

  app.post(
    '/api/v1/payment-batches/:id/file',
    {
      config: { policy: write },
      schema: {
        operationId: 'generatePaymentFile',
        summary: 'The bank payment file of an approved batch (pain.001 or a bank batch-transfer CSV)',
        tags,
        params: IdParams,
        body: Type.Object(
          {
            format: Type.String({
              minLength: 1,
              maxLength: 20,
              description: `pain001 (ISO 20022 pain.001.001.03) or a bank CSV layout: ${FILE_FORMATS.join(', ')}.`,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: FileSchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      const file = await generateFile(tenant.db, tenant.writer, request.params.id, request.body.format);
      return {
        fileName: file.fileName,
        contentType: file.contentType,
        sha256: sha256Hex(file.bytes),
        content: file.bytes.toString('base64'),
      };
    },
  );

  app.post(
    '/api/v1/payment-batches/:id/lines/:lineId/return',
    {
      config: { policy: write },
      schema: {
        operationId: 'returnPaymentLine',
        summary:
          'A transfer came back (退票): the claim is payable again and its payment voucher is reversed in red',
        tags,
        params: Type.Object({ id: Id, lineId: Id }),
        body: Type.Object(
          {
            reason: Type.String({ minLength: 1, maxLength: 200 }),
            returnedOn: Type.Optional(CalendarDate),
          },
          { additionalProperties: false },
        ),
        response: { 200: BatchWithLines, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return returnBatchLine(
        tenant.db,
        tenant.writer,
        tenant.company.code,
        request.params.id,
        request.params.lineId,
        {
          reason: request.body.reason,
          returnedOn: request.body.returnedOn ?? tenant.writer.audit.clock.now().toISOString().slice(0, 10),
        },
      );
    },
  );

  app.post(
    '/api/v1/payment-batches/results',
    {
      config: { policy: write },
      schema: {
        operationId: 'importPaymentResults',
        summary:
          'Read a bank result file (pain.002 or a result CSV, GBK or UTF-8): paid and returned transfers; a bad file changes nothing',
        tags,
        body: Type.Object(
          {
            content: Type.String({
              minLength: 1,
              maxLength: RESULT_LIMIT,
              pattern: '^[A-Za-z0-9+/]*={0,2}$',
              description: 'The file, base64.',
            }),
            batchId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: SummarySchema, ...problems(400, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return importResultFile(
        tenant.db,
        tenant.writer,
        tenant.company.code,
        Buffer.from(request.body.content, 'base64'),
        request.body.batchId,
      );
    },
  );

  app.post(
    '/api/v1/payment-batches/confirm-from-bank',
    {
      config: { policy: write },
      schema: {
        operationId: 'confirmPaymentsFromBank',
        summary: 'Sent transfers whose book entries are matched to bank statement lines are paid',
        tags,
        body: Type.Object({ batchId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: SummarySchema, ...problems(400, 413, 415) },
      },
    },
    async (request) => {
      const tenant = await tenantOf(request);
      return confirmFromStatement(tenant.db, tenant.writer, request.body.batchId);
    },
  );
}

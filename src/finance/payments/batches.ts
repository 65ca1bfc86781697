import type { Selectable } from 'kysely';
import { postingState, routeFor, submitDocument } from '../../hub/postings.ts';
import { yuanOf } from '../../model/money.ts';
import { voucherOrThrow } from '../../model/voucher.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { appendAudit, type Writer } from '../../platform/audit/audit-log.ts';
import { newId } from '../../platform/store/ids.ts';
import { pageById } from '../../platform/store/sql-helpers.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { getRow, type DocumentRow } from '../expenses/expense-documents.ts';
import { ensureOpenPeriod } from '../expenses/periods.ts';
import { setStatus, supplierOf } from '../expenses/lifecycle/status.ts';
import { buildPaymentVoucher, type PaymentForPosting } from '../posting-rules/payment-voucher.ts';
import { reversalOf, type WireVoucher } from '../posting-rules/expense-voucher.ts';
import { getRuleSet } from '../rules/rule-sets.ts';
import { sha256Hex } from '../bank/decode.ts';
import { getBillRow, moveBill, PAYABLE_BILL_STATUSES } from '../payables/bills.ts';
import { buildPaymentFile, type FileBatch, type PaymentFile } from './files.ts';
import type { BatchStatus, PayableKind, PaymentBatchesTable, PaymentLinesTable } from './tables.ts';

/**
 * Payment batches (付款批次): posted claims, advances and supplier bills (src/finance/payables) paid out
 * of one bank account.
 * draft (made from payables) → approved (by someone other than the maker) → file_generated (the bank's
 * CSV or pain.001) → sent (the claims become paid; each claim's payment voucher, Dr 其他应付款/应付账款
 * Cr 银行存款, goes to the ERP through the hub, exactly once per line) → paid when the bank confirms
 * every line, partly_returned / returned when transfers come back (退票: the claim is payable again and
 * its payment voucher is reversed in red). Every step is one transaction and is in the audit log.
 */
export type BatchRow = Selectable<PaymentBatchesTable>;
export type LineRow = Selectable<PaymentLinesTable>;

export interface PaymentLineView {
  readonly id: string;
  readonly batchId: string | null;
  readonly seq: number;
  readonly payableKind: PayableKind;
  readonly payableId: string;
  readonly payableNumber: string;
  readonly payableTitle: string;
  readonly payeeKind: 'employee' | 'supplier';
  readonly payeeCode: string;
  readonly payeeName: string | null;
  readonly payeeAccount: string | null;
  readonly payeeBank: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly status: LineRow['status'];
  readonly endToEndId: string;
  readonly paidOn: string | null;
  readonly postingId: string | null;
  readonly erpVoucherNumber: string | null;
  readonly reversalPostingId: string | null;
  readonly erpReversalNumber: string | null;
  readonly statementLineId: string | null;
  readonly returnReason: string | null;
  readonly returnedOn: string | null;
}

export interface BatchView {
  readonly id: string;
  readonly number: string;
  readonly accountCode: string;
  readonly currency: string;
  readonly status: BatchStatus;
  readonly executeOn: string;
  readonly purpose: string | null;
  readonly lineCount: number;
  readonly total: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly fileFormat: string | null;
  readonly fileSha256: string | null;
  readonly fileGeneratedAt: string | null;
  readonly sentBy: string | null;
  readonly sentAt: string | null;
  readonly version: number;
}

export const toLineView = (l: LineRow): PaymentLineView => ({
  id: l.id,
  batchId: l.batch_id,
  seq: l.seq,
  payableKind: l.payable_kind,
  payableId: l.payable_id,
  payableNumber: l.payable_number,
  payableTitle: l.payable_title,
  payeeKind: l.payee_kind,
  payeeCode: l.payee_code,
  payeeName: l.payee_name,
  payeeAccount: l.payee_account,
  payeeBank: l.payee_bank,
  amount: yuanOf(l.amount_minor),
  currency: l.currency,
  status: l.status,
  endToEndId: l.end_to_end_id,
  paidOn: l.paid_on,
  postingId: l.posting_id,
  erpVoucherNumber: l.erp_voucher_number,
  reversalPostingId: l.reversal_posting_id,
  erpReversalNumber: l.erp_reversal_number,
  statementLineId: l.statement_line_id,
  returnReason: l.return_reason,
  returnedOn: l.returned_on,
});

export const toBatchView = (b: BatchRow): BatchView => ({
  id: b.id,
  number: b.number,
  accountCode: b.account_code,
  currency: b.currency,
  status: b.status,
  executeOn: b.execute_on,
  purpose: b.purpose,
  lineCount: b.line_count,
  total: yuanOf(b.total_minor),
  createdBy: b.created_by,
  createdAt: b.created_at,
  approvedBy: b.approved_by,
  approvedAt: b.approved_at,
  fileFormat: b.file_format,
  fileSha256: b.file_sha256,
  fileGeneratedAt: b.file_generated_at,
  sentBy: b.sent_by,
  sentAt: b.sent_at,
  version: b.version,
});

export const OPEN_STATUSES: readonly BatchStatus[] = ['draft', 'approved', 'file_generated'];

const STATUS_TEXT: Record<BatchStatus, string> = {
  draft: '草稿 / draft',
  approved: '已审批 / approved',
  file_generated: '已生成文件 / file generated',
  sent: '已发送 / sent',
  paid: '已付款 / paid',
  partly_returned: '部分退票 / partly returned',
  returned: '已退票 / returned',
  cancelled: '已作废 / cancelled',
};
const ACTIONS = {
  approve: ['审批', 'approved'],
  file: ['生成付款文件', 'given a payment file'],
  send: ['标记为已发送', 'marked sent'],
  cancel: ['作废', 'cancelled'],
  return: ['退票', 'returned'],
} as const;

const stateError = (batch: BatchRow, action: keyof typeof ACTIONS) =>
  new DomainError('payment_batch_state', {
    batch: batch.number,
    status: STATUS_TEXT[batch.status],
    action: ACTIONS[action][0],
    actionEn: ACTIONS[action][1],
  });

export async function getBatchRow(db: TenantDb, id: string): Promise<BatchRow> {
  const row = await db.selectFrom('payment_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'PaymentBatch', id });
  return row;
}

export const batchLines = (db: TenantDb, batchId: string): Promise<LineRow[]> =>
  db.selectFrom('payment_lines').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute();

export async function getBatch(
  db: TenantDb,
  id: string,
): Promise<BatchView & { readonly lines: PaymentLineView[] }> {
  const row = await getBatchRow(db, id);
  return { ...toBatchView(row), lines: (await batchLines(db, id)).map(toLineView) };
}

export async function listBatches(
  db: TenantDb,
  query: { limit: number; after?: string; status?: BatchStatus },
): Promise<{ items: BatchView[]; nextCursor: string | null }> {
  let select = db.selectFrom('payment_batches').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.after !== undefined) select = select.where('id', '<', query.after);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageById(rows, query.limit);
  return { items: page.map(toBatchView), nextCursor };
}

/** Who is paid for a claim or advance, and where to: the supplier (对公报销) or the employee's salary card. */
interface Payee {
  readonly kind: 'employee' | 'supplier';
  readonly code: string;
  readonly name: string | null;
  readonly account: string | null;
  readonly bank: string | null;
}

async function payeeOf(tx: TenantDb, row: DocumentRow): Promise<Payee & { known: boolean }> {
  const supplier = supplierOf(row).supplierCode;
  return payeeByCode(tx, supplier === undefined ? 'employee' : 'supplier', supplier ?? row.employee_code);
}

/** A payee's bank account on file: an employee's `bankAccount`, a supplier's primary account. */
async function payeeByCode(
  tx: TenantDb,
  kind: Payee['kind'],
  code: string,
): Promise<Payee & { known: boolean }> {
  const found = await tx
    .selectFrom(kind === 'employee' ? 'employees' : 'suppliers')
    .select(['name', 'attributes_json'])
    .where('code', '=', code)
    .executeTakeFirst();
  const attributes = JSON.parse(found?.attributes_json ?? '{}') as {
    bankAccount?: unknown;
    bankAccounts?: { accountNumber?: unknown; bankName?: unknown; primary?: unknown }[];
  };
  const listed = Array.isArray(attributes.bankAccounts) ? attributes.bankAccounts : [];
  const primary = listed.find((a) => a.primary === true) ?? listed[0];
  const account =
    typeof attributes.bankAccount === 'string'
      ? attributes.bankAccount
      : typeof primary?.accountNumber === 'string'
        ? primary.accountNumber
        : null;
  return {
    kind,
    code,
    known: found !== undefined,
    name: found?.name ?? null,
    account: account === null ? null : account.replace(/[\s-]/g, ''),
    bank: typeof primary?.bankName === 'string' ? primary.bankName : null,
  };
}

/** What is left to pay on a claim (its total less the advances it offsets) or an advance. */
export async function amountToPay(tx: TenantDb, row: DocumentRow): Promise<bigint> {
  if (row.kind !== 'claim') return row.total_minor;
  const offsets = await tx
    .selectFrom('advance_offsets')
    .select(['amount_minor'])
    .where('claim_id', '=', row.id)
    .execute();
  return row.total_minor - offsets.reduce((s, o) => s + o.amount_minor, 0n);
}

const notPayable = (row: { number: string }, zh: string, en: string, pointer: string) =>
  refusal([
    {
      code: 'payment_not_payable',
      pointer,
      params: { document: row.number, reason: zh, reasonEn: en },
    },
  ]);

/** A payable as a batch takes it: what is owed, in which currency, to whom. */
interface Payable {
  readonly kind: PayableKind;
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly currency: string;
  readonly amount: bigint;
  readonly payee: Payee;
}

/**
 * A claim, advance or supplier bill that may go into a batch, or the field-level refusal saying why
 * not (`inOpenBatch`: the number of the open batch that already holds it). A claim is paid its total
 * less the advances it offsets; a supplier bill in full, to its supplier's primary bank account.
 */
async function payableOf(
  tx: TenantDb,
  id: string,
  pointer: string,
  inOpenBatch: string | undefined,
): Promise<Payable> {
  const inBatch = (row: { number: string }) =>
    notPayable(
      row,
      `已在未完成的付款批次 ${inOpenBatch} 中`,
      `it is in open payment batch ${inOpenBatch}`,
      pointer,
    );
  const bill = await tx.selectFrom('supplier_bills').selectAll().where('id', '=', id).executeTakeFirst();
  if (bill !== undefined) {
    if (inOpenBatch !== undefined) throw inBatch(bill);
    if (!PAYABLE_BILL_STATUSES.includes(bill.status))
      throw notPayable(
        bill,
        `状态为 ${bill.status}，须为 ERP 已入账（posted）或已退票（returned）`,
        `it is ${bill.status}; it must be posted in the ERP (or returned)`,
        pointer,
      );
    const { known, ...payee } = await payeeByCode(tx, 'supplier', bill.supplier_code);
    if (!known)
      throw refusal([
        { code: 'reference_not_found', pointer, params: { resource: 'Supplier', id: bill.supplier_code } },
      ]);
    return {
      kind: 'supplier_bill',
      id: bill.id,
      number: bill.number,
      title: `${payee.name ?? bill.supplier_code}${bill.memo === null ? '' : ` ${bill.memo}`}`.slice(0, 200),
      currency: bill.currency,
      amount: bill.total_minor,
      payee,
    };
  }
  const row = await tx.selectFrom('expense_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined)
    throw refusal([{ code: 'reference_not_found', pointer, params: { resource: 'ExpenseDocument', id } }]);
  if (row.kind !== 'claim' && row.kind !== 'advance')
    throw notPayable(
      row,
      '只有报销单、借款单和供应商账单可以付款',
      'only claims, advances and supplier bills are paid',
      pointer,
    );
  if (row.status !== 'posted')
    throw notPayable(
      row,
      `状态为 ${row.status}，须为已记账（posted）`,
      `it is ${row.status}; it must be posted`,
      pointer,
    );
  if (inOpenBatch !== undefined) throw inBatch(row);
  const amount = await amountToPay(tx, row);
  if (amount <= 0n)
    throw notPayable(
      row,
      '冲借款后无余额可付',
      'nothing is left to pay after the advances it offsets',
      pointer,
    );
  const { known: _known, ...payee } = await payeeOf(tx, row);
  return {
    kind: row.kind,
    id: row.id,
    number: row.number,
    title: row.title,
    currency: row.currency,
    amount,
    payee,
  };
}

export interface NewBatchInput {
  readonly account: string;
  readonly executeOn: string;
  readonly purpose?: string;
  readonly payables: readonly string[];
}

/** A draft batch from posted claims and advances, each paid in full (less its advance offsets). */
export async function createBatch(db: TenantDb, writer: Writer, input: NewBatchInput): Promise<BatchView> {
  return db.transaction(async (tx) => {
    const account = await tx
      .selectFrom('bank_accounts')
      .selectAll()
      .where('code', '=', input.account)
      .executeTakeFirst();
    if (account === undefined)
      throw refusal([
        {
          code: 'reference_not_found',
          pointer: '/account',
          params: { resource: 'BankAccount', id: input.account },
        },
      ]);
    const ids = [...new Set(input.payables)];
    if (ids.length !== input.payables.length)
      throw refusal([
        { code: 'invalid_field', pointer: '/payables', params: { detail: 'a payable is listed twice' } },
      ]);
    const open = await tx
      .selectFrom('payment_lines')
      .innerJoin('payment_batches', (j) =>
        j
          .onRef('payment_batches.id', '=', 'payment_lines.batch_id')
          .onRef('payment_batches.tenant_id', '=', 'payment_lines.tenant_id'),
      )
      .select(['payment_lines.open_key', 'payment_batches.number'])
      .where('payment_lines.open_key', 'in', ids)
      .execute();
    const at = writer.audit.clock.now().toISOString();
    const batchId = newId();
    const prefix = `FK${input.executeOn.replaceAll('-', '')}`;
    const same = await tx
      .selectFrom('payment_batches')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('number', 'like', `${prefix}-%`)
      .executeTakeFirstOrThrow();
    const number = `${prefix}-${String(Number(same.n) + 1).padStart(3, '0')}`;
    const lines: LineRow[] = [];
    for (const [i, id] of ids.entries()) {
      const pointer = `/payables/${i}`;
      const already = open.find((o) => o.open_key === id);
      const row = await payableOf(tx, id, pointer, already?.number);
      if (row.currency !== account.currency)
        throw notPayable(
          row,
          `币种 ${row.currency} 与付款账户 ${account.code} 的 ${account.currency} 不同`,
          `its currency ${row.currency} is not account ${account.code}'s ${account.currency}`,
          pointer,
        );
      const { amount, payee } = row;
      if (payee.account === null)
        throw notPayable(
          row,
          `收款人 ${payee.code} 没有银行账号`,
          `payee ${payee.code} has no bank account`,
          pointer,
        );
      const seq = i + 1;
      lines.push({
        tenant_id: '',
        id: newId(),
        batch_id: batchId,
        seq,
        payable_kind: row.kind,
        payable_id: row.id,
        payable_number: row.number,
        payable_title: row.title,
        open_key: row.id,
        payee_kind: payee.kind,
        payee_code: payee.code,
        payee_name: payee.name,
        payee_account: payee.account,
        payee_bank: payee.bank,
        amount_minor: amount,
        currency: row.currency,
        status: 'pending',
        end_to_end_id: `${number}-${String(seq).padStart(4, '0')}`,
        paid_on: null,
        reference: null,
        posting_id: null,
        erp_voucher_number: null,
        reversal_posting_id: null,
        erp_reversal_number: null,
        statement_line_id: null,
        return_reason: null,
        returned_on: null,
        created_by: writer.actor,
        created_at: at,
        updated_at: at,
      });
    }
    if (lines.length === 0)
      throw refusal([{ code: 'invalid_field', pointer: '/payables', params: { detail: 'no payables' } }]);
    const total = lines.reduce((s, l) => s + l.amount_minor, 0n);
    await tx
      .insertInto('payment_batches', [
        {
          id: batchId,
          number,
          account_code: account.code,
          currency: account.currency,
          status: 'draft',
          execute_on: input.executeOn,
          purpose: input.purpose ?? null,
          line_count: lines.length,
          total_minor: total,
          created_by: writer.actor,
          created_at: at,
          approved_by: null,
          approved_at: null,
          file_format: null,
          file_sha256: null,
          file_generated_at: null,
          sent_by: null,
          sent_at: null,
          version: 1,
          updated_at: at,
        },
      ])
      .execute();
    for (let i = 0; i < lines.length; i += 200)
      await tx
        .insertInto(
          'payment_lines',
          lines.slice(i, i + 200).map(({ tenant_id: _t, ...l }) => l),
        )
        .execute();
    for (const l of lines.filter((x) => x.payable_kind === 'supplier_bill'))
      await moveBill(
        tx,
        writer,
        await getBillRow(tx, l.payable_id),
        'in_batch',
        `付款批次 / payment batch ${number}`,
      );
    const view = toBatchView(await getBatchRow(tx, batchId));
    await appendAudit(tx, writer.audit, [
      {
        actor: writer.actor,
        action: 'create',
        entityType: 'PaymentBatch',
        entityId: batchId,
        after: { ...view, payables: lines.map((l) => l.payable_number) },
        requestId: writer.requestId,
      },
    ]);
    return view;
  });
}

/** Moves a batch on, guarded by its version, with an audit entry. */
async function moveBatch(
  tx: TenantDb,
  writer: Writer,
  batch: BatchRow,
  action: string,
  set: Partial<Omit<BatchRow, 'tenant_id' | 'id'>>,
): Promise<BatchRow> {
  const at = writer.audit.clock.now().toISOString();
  const updated = await tx
    .updateTable('payment_batches')
    .set({ ...set, version: batch.version + 1, updated_at: at })
    .where('id', '=', batch.id)
    .where('version', '=', batch.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new DomainError('version_conflict', { version: batch.version });
  const after = await getBatchRow(tx, batch.id);
  await appendAudit(tx, writer.audit, [
    {
      actor: writer.actor,
      action,
      entityType: 'PaymentBatch',
      entityId: batch.id,
      before: { status: batch.status, version: batch.version },
      after: { ...toBatchView(after) },
      requestId: writer.requestId,
    },
  ]);
  return after;
}

const checkVersion = (batch: BatchRow, version: number | undefined) => {
  if (version !== undefined && version !== batch.version)
    throw new DomainError('version_conflict', { version: batch.version });
};

/** Maker–checker: a batch is approved by someone other than the person who made it. */
export async function approveBatch(
  db: TenantDb,
  writer: Writer,
  id: string,
  version?: number,
): Promise<BatchView> {
  return db.transaction(async (tx) => {
    const batch = await getBatchRow(tx, id);
    checkVersion(batch, version);
    if (batch.status !== 'draft') throw stateError(batch, 'approve');
    if (batch.created_by === writer.actor)
      throw new DomainError('payment_maker_checker', { batch: batch.number, maker: batch.created_by });
    const at = writer.audit.clock.now().toISOString();
    return toBatchView(
      await moveBatch(tx, writer, batch, 'approve', {
        status: 'approved',
        approved_by: writer.actor,
        approved_at: at,
      }),
    );
  });
}

/** Cancels a batch not yet sent: its payables are free for another batch. */
export async function cancelBatch(
  db: TenantDb,
  writer: Writer,
  id: string,
  version?: number,
): Promise<BatchView> {
  return db.transaction(async (tx) => {
    const batch = await getBatchRow(tx, id);
    checkVersion(batch, version);
    if (!OPEN_STATUSES.includes(batch.status)) throw stateError(batch, 'cancel');
    const at = writer.audit.clock.now().toISOString();
    for (const line of await batchLines(tx, id))
      if (line.payable_kind === 'supplier_bill' && line.status === 'pending') {
        const bill = await getBillRow(tx, line.payable_id);
        if (bill.status === 'in_batch')
          await moveBill(
            tx,
            writer,
            bill,
            'posted',
            `付款批次作废 / payment batch ${batch.number} cancelled`,
          );
      }
    await tx
      .updateTable('payment_lines')
      .set({ status: 'cancelled', open_key: null, updated_at: at })
      .where('batch_id', '=', id)
      .execute();
    return toBatchView(await moveBatch(tx, writer, batch, 'cancel', { status: 'cancelled' }));
  });
}

/**
 * The bank file of an approved batch (any format, as often as asked; the first one moves the batch to
 * file_generated). The payer is the batch's bank account, named as the company.
 */
export async function generateFile(
  db: TenantDb,
  writer: Writer,
  id: string,
  format: string,
): Promise<PaymentFile> {
  return db.transaction(async (tx) => {
    const batch = await getBatchRow(tx, id);
    if (batch.status === 'draft' || batch.status === 'cancelled') throw stateError(batch, 'file');
    const account = await tx
      .selectFrom('bank_accounts')
      .selectAll()
      .where('code', '=', batch.account_code)
      .executeTakeFirstOrThrow();
    const lines = (await batchLines(tx, id)).filter((l) => l.status !== 'cancelled');
    const fileBatch: FileBatch = {
      number: batch.number,
      createdAt: writer.audit.clock.now().toISOString(),
      executeOn: batch.execute_on,
      currency: batch.currency,
      totalMinor: batch.total_minor,
      purpose: batch.purpose,
      payer: { name: account.name, account: account.account_number, bank: account.bank_name },
      lines: lines.map((l) => ({
        seq: l.seq,
        endToEndId: l.end_to_end_id,
        payeeName: l.payee_name ?? l.payee_code,
        payeeAccount: l.payee_account ?? '',
        payeeBank: l.payee_bank,
        amountMinor: l.amount_minor,
        purpose: `${PURPOSE[l.payable_kind]} ${l.payable_number}${batch.purpose === null ? '' : ` ${batch.purpose}`}`,
      })),
    };
    const file = buildPaymentFile(format, fileBatch);
    const sha = sha256Hex(file.bytes);
    const at = writer.audit.clock.now().toISOString();
    await moveBatch(tx, writer, batch, 'generate_file', {
      ...(batch.status === 'approved' ? { status: 'file_generated' as const } : {}),
      file_format: format,
      file_sha256: sha,
      file_generated_at: at,
    });
    return file;
  });
}

/** What a transfer is for, in the bank file's purpose (用途) column. */
const PURPOSE: Record<PayableKind, string> = { claim: '报销款', advance: '借款', supplier_bill: '货款' };

/** Accounts' auxiliary dimensions (辅助核算) from the chart of accounts. */
async function accountDimensions(tx: TenantDb): Promise<Map<string, readonly string[]>> {
  const accounts = await tx.selectFrom('accounts').select(['code', 'attributes_json']).execute();
  return new Map(
    accounts.map((a) => [
      a.code,
      (JSON.parse(a.attributes_json) as { auxDimensions?: string[] }).auxDimensions ?? [],
    ]),
  );
}

/**
 * The file is with the bank: the batch is sent, every claim and advance in it paid (dated the batch's
 * execution day), and each claim's payment voucher submitted to the hub — the line's id is the
 * document id, so a retry or a second call can never post it twice.
 */
export async function sendBatch(
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  id: string,
  version?: number,
): Promise<BatchView> {
  return db.transaction(async (tx) => {
    const batch = await getBatchRow(tx, id);
    checkVersion(batch, version);
    if (batch.status !== 'file_generated') throw stateError(batch, 'send');
    const at = writer.audit.clock.now().toISOString();
    const lines = (await batchLines(tx, id)).filter((l) => l.status === 'pending');
    const connectionId = await routeFor(tx, 'voucher');
    const policy = (await getRuleSet(tx, 'posting')).body;
    const dimensions = await accountDimensions(tx);
    if (lines.some((l) => l.payable_kind !== 'advance'))
      await ensureOpenPeriod(tx, batch.execute_on, '/executeOn');
    const submitVoucher = async (line: LineRow, owed: Omit<VoucherParty, 'payeeName'>) => {
      if (connectionId === null) return null;
      const voucher = buildPaymentVoucher(
        {
          companyCode,
          date: batch.execute_on,
          currency: line.currency,
          amountMinor: line.amount_minor,
          claimNumber: line.payable_number,
          batchNumber: batch.number,
          payeeName: line.payee_name ?? line.payee_code,
          ...owed,
          accountDimensions: dimensions,
        },
        policy,
      );
      voucherOrThrow(voucher);
      const { posting } = await submitDocument(tx, writer, companyCode, {
        connectionId,
        kind: 'voucher',
        document: voucher,
        documentId: line.id,
        revision: 1,
        orderingKey: `payment-${line.id}`,
      });
      return posting.id;
    };
    for (const line of lines) {
      const pointer = `/lines/${line.seq - 1}`;
      let postingId: string | null = null;
      if (line.payable_kind === 'supplier_bill') {
        const bill = await getBillRow(tx, line.payable_id);
        if (bill.status !== 'in_batch' || bill.total_minor !== line.amount_minor)
          throw notPayable(
            bill,
            `状态或金额已变（${bill.status}），请作废此批次后重建`,
            `its status or amount has changed (${bill.status}); cancel the batch and make it again`,
            pointer,
          );
        await moveBill(
          tx,
          writer,
          bill,
          'paid',
          `${batch.execute_on} 付款批次 / payment batch ${batch.number}`,
          batch.execute_on,
        );
        postingId = await submitVoucher(line, {
          supplierCode: bill.supplier_code,
          ...(bill.department_code === null ? {} : { departmentCode: bill.department_code }),
        });
        await markLineSent(tx, line, batch.execute_on, postingId, at);
        continue;
      }
      const row = await getRow(tx, line.payable_id);
      if (row.status !== 'posted')
        throw notPayable(
          row,
          `状态已变为 ${row.status}，请作废此批次后重建`,
          `it has become ${row.status}; cancel the batch and make it again`,
          pointer,
        );
      if ((await amountToPay(tx, row)) !== line.amount_minor)
        throw notPayable(
          row,
          '应付金额已变，请作废此批次后重建',
          'the amount owed has changed; cancel the batch and make it again',
          pointer,
        );
      await setStatus(
        tx,
        row,
        'paid',
        writer.actor,
        at,
        { paid_at: at },
        `${batch.execute_on} 付款 ${yuanOf(line.amount_minor)} (${line.end_to_end_id}) 付款批次 / payment batch ${batch.number}`,
      );
      if (line.payable_kind === 'claim')
        postingId = await submitVoucher(line, {
          employeeCode: row.employee_code,
          departmentCode: row.department_code,
          ...(line.payee_kind === 'supplier' ? { supplierCode: line.payee_code } : {}),
        });
      await markLineSent(tx, line, batch.execute_on, postingId, at);
    }
    return toBatchView(
      await moveBatch(tx, writer, batch, 'send', { status: 'sent', sent_by: writer.actor, sent_at: at }),
    );
  });
}

/** Who a payment voucher's debit side names (辅助核算): the employee or the supplier owed. */
type VoucherParty = Pick<PaymentForPosting, 'payeeName' | 'employeeCode' | 'departmentCode' | 'supplierCode'>;

const markLineSent = (tx: TenantDb, line: LineRow, paidOn: string, postingId: string | null, at: string) =>
  tx
    .updateTable('payment_lines')
    .set({
      status: 'sent',
      paid_on: paidOn,
      reference: line.end_to_end_id,
      posting_id: postingId,
      updated_at: at,
    })
    .where('id', '=', line.id)
    .execute();

/** A sent batch's status from its lines: paid when every line is, returned when every line came back. */
export async function settleBatchStatus(tx: TenantDb, writer: Writer, batchId: string): Promise<void> {
  const batch = await getBatchRow(tx, batchId);
  if (!['sent', 'paid', 'partly_returned', 'returned'].includes(batch.status)) return;
  const lines = (await batchLines(tx, batchId)).filter((l) => l.status !== 'cancelled');
  const returned = lines.filter((l) => l.status === 'returned').length;
  const paid = lines.filter((l) => l.status === 'paid').length;
  const next: BatchStatus =
    returned === lines.length
      ? 'returned'
      : returned > 0
        ? 'partly_returned'
        : paid === lines.length
          ? 'paid'
          : 'sent';
  if (next !== batch.status) await moveBatch(tx, writer, batch, 'settle', { status: next });
}

/** The bank confirmed a transfer. */
export async function confirmLine(tx: TenantDb, line: LineRow, at: string, statementLineId?: string) {
  if (line.status !== 'sent' && !(line.status === 'paid' && statementLineId !== undefined)) return false;
  await tx
    .updateTable('payment_lines')
    .set({
      status: 'paid',
      ...(statementLineId === undefined ? {} : { statement_line_id: statementLineId }),
      updated_at: at,
    })
    .where('id', '=', line.id)
    .execute();
  return line.status === 'sent';
}

/**
 * A transfer came back (退票): the line is returned, the claim or advance is payable again (posted,
 * free for another batch), and the claim's payment voucher is reversed in red through the hub.
 */
export async function returnLine(
  tx: TenantDb,
  writer: Writer,
  companyCode: string,
  line: LineRow,
  input: { reason: string; returnedOn: string },
): Promise<void> {
  if (line.status !== 'sent' && line.status !== 'paid') {
    const batch = line.batch_id === null ? undefined : await getBatchRow(tx, line.batch_id);
    if (batch !== undefined && line.status !== 'returned') throw stateError(batch, 'return');
    return;
  }
  const at = writer.audit.clock.now().toISOString();
  let reversalId: string | null = null;
  const posting = line.posting_id === null ? undefined : await postingState(tx, line.posting_id);
  if (posting !== undefined && posting.status !== 'rejected' && posting.status !== 'dead') {
    await ensureOpenPeriod(tx, input.returnedOn, '/returnedOn');
    const { posting: reversal } = await submitDocument(tx, writer, companyCode, {
      connectionId: posting.connectionId,
      kind: 'voucher',
      document: reversalOf(
        posting.document as unknown as WireVoucher,
        input.returnedOn,
        `退票 ${input.reason}`.slice(0, 100),
      ),
      documentId: `${line.id}-R`,
      revision: 1,
      reverses: posting.id,
      orderingKey: `payment-${line.id}`,
    });
    reversalId = reversal.id;
  }
  await tx
    .updateTable('payment_lines')
    .set({
      status: 'returned',
      open_key: null,
      return_reason: input.reason.slice(0, 500),
      returned_on: input.returnedOn,
      reversal_posting_id: reversalId,
      updated_at: at,
    })
    .where('id', '=', line.id)
    .execute();
  if (line.payable_kind === 'supplier_bill') {
    const bill = await getBillRow(tx, line.payable_id);
    if (bill.status === 'paid')
      await moveBill(
        tx,
        writer,
        bill,
        'returned',
        `${input.returnedOn} 退票 / payment returned (${line.end_to_end_id}): ${input.reason}`.slice(0, 1000),
        null,
      );
  } else {
    const row = await getRow(tx, line.payable_id);
    if (row.status === 'paid')
      await setStatus(
        tx,
        row,
        'posted',
        writer.actor,
        at,
        { paid_at: null },
        `${input.returnedOn} 退票 / payment returned ${yuanOf(line.amount_minor)} (${line.end_to_end_id}): ${input.reason}`.slice(
          0,
          1000,
        ),
      );
  }
  await appendAudit(tx, writer.audit, [
    {
      actor: writer.actor,
      action: 'return',
      entityType: 'PaymentLine',
      entityId: line.id,
      before: { status: line.status },
      after: { status: 'returned', ...input, reversalPostingId: reversalId },
      requestId: writer.requestId,
    },
  ]);
}

/** Records one transfer of a batch as returned, by hand (the cashier read it on the bank's notice). */
export async function returnBatchLine(
  db: TenantDb,
  writer: Writer,
  companyCode: string,
  batchId: string,
  lineId: string,
  input: { reason: string; returnedOn: string },
): Promise<BatchView & { readonly lines: PaymentLineView[] }> {
  await db.transaction(async (tx) => {
    const batch = await getBatchRow(tx, batchId);
    const line = await tx
      .selectFrom('payment_lines')
      .selectAll()
      .where('id', '=', lineId)
      .where('batch_id', '=', batchId)
      .executeTakeFirst();
    if (line === undefined) throw new DomainError('not_found', { resource: 'PaymentLine', id: lineId });
    if (line.status !== 'sent' && line.status !== 'paid') throw stateError(batch, 'return');
    await returnLine(tx, writer, companyCode, line, input);
    await settleBatchStatus(tx, writer, batchId);
  });
  return getBatch(db, batchId);
}

/** A batch by its id or its number (FK20261203-001). */
export async function findBatch(db: TenantDb, idOrNumber: string): Promise<BatchRow> {
  const row = await db
    .selectFrom('payment_batches')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
    .executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', { resource: 'PaymentBatch', id: idOrNumber });
  return row;
}

/**
 * A posted claim or advance, or a posted (or returned) supplier bill, no open batch holds, with what is
 * left to pay and where it goes.
 */
export interface OpenPayableView {
  readonly id: string;
  readonly kind: PayableKind;
  readonly number: string;
  readonly title: string;
  readonly currency: string;
  readonly amount: string;
  readonly payeeKind: 'employee' | 'supplier';
  readonly payeeCode: string;
  readonly payeeName: string | null;
  readonly payeeAccount: string | null;
  readonly postedAt: string | null;
  /** A supplier bill's due date; null for claims and advances. */
  readonly dueOn: string | null;
}

/** Both kinds in one id-ordered page: each source gives its next limit + 1, the merge keeps the first. */
export async function openPayables(
  db: TenantDb,
  query: { limit: number; after?: string; currency?: string },
): Promise<{ items: OpenPayableView[]; nextCursor: string | null }> {
  let select = db
    .selectFrom('expense_documents')
    .selectAll()
    .where('status', '=', 'posted')
    .where('kind', 'in', ['claim', 'advance'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('payment_lines')
            .select('payment_lines.id')
            .whereRef('payment_lines.tenant_id', '=', 'expense_documents.tenant_id')
            .whereRef('payment_lines.open_key', '=', 'expense_documents.id'),
        ),
      ),
    );
  let bills = db.selectFrom('supplier_bills').selectAll().where('status', 'in', PAYABLE_BILL_STATUSES);
  if (query.currency !== undefined) {
    select = select.where('currency', '=', query.currency);
    bills = bills.where('currency', '=', query.currency);
  }
  if (query.after !== undefined) {
    select = select.where('id', '>', query.after);
    bills = bills.where('id', '>', query.after);
  }
  const documents = await select
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const billRows = await bills
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const merged = [
    ...documents.map((d) => ({ id: d.id, document: d })),
    ...billRows.map((b) => ({ id: b.id, bill: b })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { page, nextCursor } = pageById(merged, query.limit);
  const items: OpenPayableView[] = [];
  for (const entry of page) {
    if ('bill' in entry) {
      const bill = entry.bill;
      const payee = await payeeByCode(db, 'supplier', bill.supplier_code);
      items.push({
        id: bill.id,
        kind: 'supplier_bill',
        number: bill.number,
        title: `${payee.name ?? bill.supplier_code}${bill.memo === null ? '' : ` ${bill.memo}`}`.slice(
          0,
          200,
        ),
        currency: bill.currency,
        amount: yuanOf(bill.total_minor),
        payeeKind: 'supplier',
        payeeCode: bill.supplier_code,
        payeeName: payee.name,
        payeeAccount: payee.account,
        postedAt: bill.updated_at,
        dueOn: bill.due_on,
      });
      continue;
    }
    const row = entry.document;
    const payee = await payeeOf(db, row);
    items.push({
      id: row.id,
      kind: row.kind === 'advance' ? 'advance' : 'claim',
      number: row.number,
      title: row.title,
      currency: row.currency,
      amount: yuanOf(await amountToPay(db, row)),
      payeeKind: payee.kind,
      payeeCode: payee.code,
      payeeName: payee.name,
      payeeAccount: payee.account,
      postedAt: row.posted_at,
      dueOn: null,
    });
  }
  return { items, nextCursor };
}

import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { postingTrails, type PostingTrail } from '../../hub/postings.ts';
import type { ExpenseKind } from '../tables.ts';
import type { LineageLink, LineageLinkProvider, LineageRef } from './types.ts';

/**
 * Lineage links of expense documents (报销单 / 借款 / 申请单): the request a claim was made under,
 * the advances it offsets, its invoices, its approval tasks (who decided, when), and its vouchers in
 * the ERP — the posting, and the red reversal (红冲) of a reversed or corrected document — read
 * through the hub's exported `postingTrails` (ARCHITECTURE §8), never from the hub's tables.
 */

export const EXPENSE_TYPES: Readonly<Record<ExpenseKind, string>> = {
  claim: 'expense_claim',
  advance: 'expense_advance',
  request: 'expense_request',
};
const KIND_OF_TYPE: Readonly<Record<string, ExpenseKind>> = {
  expense_claim: 'claim',
  expense_advance: 'advance',
  expense_request: 'request',
};

export const expenseRef = (kind: ExpenseKind, id: string): LineageRef => ({ type: EXPENSE_TYPES[kind], id });
export const isExpenseType = (type: string): boolean => Object.hasOwn(KIND_OF_TYPE, type);

/** A reversal posting is submitted for the document id with this suffix (lifecycle/reverse.ts). */
const REVERSAL_SUFFIX = '-R';
const sourceDocumentId = (postingDocumentId: string) =>
  postingDocumentId.endsWith(REVERSAL_SUFFIX)
    ? postingDocumentId.slice(0, -REVERSAL_SUFFIX.length)
    : postingDocumentId;

interface DocHead {
  readonly id: string;
  readonly kind: ExpenseKind;
  readonly request_id: string | null;
  readonly created_by: string;
  readonly created_at: string;
  readonly submitted_at: string | null;
}

const docHeads = (db: TenantDb, ids: readonly string[]): Promise<DocHead[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('expense_documents')
        .select(['id', 'kind', 'request_id', 'created_by', 'created_at', 'submitted_at'])
        .where('id', 'in', [...ids])
        .execute();

/** The transition (who, when) that put the document into `status` at or before `at`. */
async function transitionActor(
  db: TenantDb,
  documentId: string,
  statuses: readonly string[],
  at: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('document_transitions')
    .select(['actor'])
    .where('document_id', '=', documentId)
    .where('to_status', 'in', [...statuses] as never)
    .where('at', '<=', at)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row?.actor ?? null;
}

const voucherRef = (id: string): LineageRef => ({ type: 'voucher', id });

/** Document → voucher posting links, and original → reversal links, for the postings given. */
async function postingLinks(
  db: TenantDb,
  doc: DocHead,
  trails: readonly PostingTrail[],
): Promise<LineageLink[]> {
  const links: LineageLink[] = [];
  for (const p of trails) {
    if (p.kind !== 'voucher') continue;
    const reversal = p.reverses !== null;
    links.push({
      from: expenseRef(doc.kind, doc.id),
      to: voucherRef(p.id),
      relation: reversal ? 'reversed_as' : 'posted_as',
      at: p.createdAt,
      actor: await transitionActor(db, doc.id, reversal ? ['reversed'] : ['approved'], p.createdAt),
    });
    if (p.reverses !== null)
      links.push({
        from: voucherRef(p.reverses),
        to: voucherRef(p.id),
        relation: 'reversed_by',
        at: p.createdAt,
        actor: await transitionActor(db, doc.id, ['reversed'], p.createdAt),
      });
  }
  return links;
}

/** Every link of one expense document. */
async function documentLinks(db: TenantDb, doc: DocHead): Promise<LineageLink[]> {
  const self = expenseRef(doc.kind, doc.id);
  const submittedAt = doc.submitted_at ?? doc.created_at;
  const links: LineageLink[] = [];

  // the pre-approval request (申请单) the claim or advance was made under, and those made under it
  if (doc.request_id !== null)
    links.push({
      from: { type: EXPENSE_TYPES.request, id: doc.request_id },
      to: self,
      relation: 'requested',
      at: submittedAt,
      actor: doc.created_by,
    });
  if (doc.kind === 'request') {
    const children = await db
      .selectFrom('expense_documents')
      .select(['id', 'kind', 'created_by', 'created_at', 'submitted_at'])
      .where('request_id', '=', doc.id)
      .execute();
    for (const c of children)
      links.push({
        from: self,
        to: expenseRef(c.kind, c.id),
        relation: 'requested',
        at: c.submitted_at ?? c.created_at,
        actor: c.created_by,
      });
  }

  // advances (借款) a claim offsets
  const offsets = await db
    .selectFrom('advance_offsets')
    .select(['claim_id', 'advance_id'])
    .where((eb) => eb.or([eb('claim_id', '=', doc.id), eb('advance_id', '=', doc.id)]))
    .execute();
  if (offsets.length > 0) {
    const claims = await docHeads(
      db,
      offsets.map((o) => o.claim_id),
    );
    for (const o of offsets) {
      const claim = claims.find((c) => c.id === o.claim_id);
      links.push({
        from: { type: EXPENSE_TYPES.advance, id: o.advance_id },
        to: { type: EXPENSE_TYPES.claim, id: o.claim_id },
        relation: 'offset_by',
        at: claim?.submitted_at ?? claim?.created_at ?? submittedAt,
        actor: claim?.created_by ?? null,
      });
    }
  }

  // invoices attached (live uses: a reversed document has given its invoices back)
  const uses = await db
    .selectFrom('invoice_uses')
    .select(['invoice_id', 'linked_at'])
    .where('document_id', '=', doc.id)
    .orderBy('line_no')
    .execute();
  for (const u of uses)
    links.push({
      from: { type: 'invoice', id: u.invoice_id },
      to: self,
      relation: 'attached_to',
      at: u.linked_at,
      actor: doc.created_by,
    });

  // approval tasks, each with who decided and when
  const tasks = await db
    .selectFrom('approval_tasks')
    .select(['id', 'status', 'decided_by', 'decided_at', 'created_at'])
    .where('document_id', '=', doc.id)
    .orderBy('round')
    .orderBy('step_no')
    .orderBy('created_at')
    .execute();
  for (const t of tasks)
    links.push({
      from: self,
      to: { type: 'approval_task', id: t.id },
      relation: t.status === 'approved' || t.status === 'rejected' ? t.status : 'approval',
      at: t.decided_at ?? t.created_at,
      actor: t.decided_by,
    });

  // vouchers in the ERP, and their red reversals
  links.push(
    ...(await postingLinks(
      db,
      doc,
      await postingTrails(db, { documentIds: [doc.id, `${doc.id}${REVERSAL_SUFFIX}`] }),
    )),
  );
  return links;
}

/** Expense documents: everything above, asked of the document itself. */
export const expenseLinks: LineageLinkProvider = async (db, ref) => {
  const kind = KIND_OF_TYPE[ref.type];
  if (kind === undefined) return [];
  const [doc] = await docHeads(db, [ref.id]);
  return doc === undefined || doc.kind !== kind ? [] : documentLinks(db, doc);
};

/** An invoice: the documents it is attached to. */
export const invoiceLinks: LineageLinkProvider = async (db, ref) => {
  if (ref.type !== 'invoice') return [];
  const uses = await db
    .selectFrom('invoice_uses')
    .select(['document_id', 'linked_at'])
    .where('invoice_id', '=', ref.id)
    .execute();
  const docs = await docHeads(
    db,
    uses.map((u) => u.document_id),
  );
  return uses.flatMap((u) => {
    const doc = docs.find((d) => d.id === u.document_id);
    return doc === undefined
      ? []
      : [
          {
            from: ref,
            to: expenseRef(doc.kind, doc.id),
            relation: 'attached_to',
            at: u.linked_at,
            actor: doc.created_by,
          },
        ];
  });
};

/** An approval task: the document it decides on. */
export const approvalTaskLinks: LineageLinkProvider = async (db, ref) => {
  if (ref.type !== 'approval_task') return [];
  const task = await db
    .selectFrom('approval_tasks')
    .select(['id', 'document_id', 'status', 'decided_by', 'decided_at', 'created_at'])
    .where('id', '=', ref.id)
    .executeTakeFirst();
  if (task === undefined) return [];
  const [doc] = await docHeads(db, [task.document_id]);
  return doc === undefined
    ? []
    : [
        {
          from: expenseRef(doc.kind, doc.id),
          to: ref,
          relation: task.status === 'approved' || task.status === 'rejected' ? task.status : 'approval',
          at: task.decided_at ?? task.created_at,
          actor: task.decided_by,
        },
      ];
};

/** A voucher posting: the expense document it was posted for, and what it reverses or is reversed by. */
export const voucherLinks: LineageLinkProvider = async (db, ref) => {
  if (ref.type !== 'voucher') return [];
  const [trail] = await postingTrails(db, { ids: [ref.id] });
  if (trail?.kind !== 'voucher') return [];
  const [doc] = await docHeads(db, [sourceDocumentId(trail.documentId)]);
  if (doc === undefined) {
    // a voucher submitted directly (POST /api/v1/vouchers): only its reversals
    const related = await postingTrails(db, {
      ids: [...trail.reversedBy, ...(trail.reverses === null ? [] : [trail.reverses])],
    });
    return related.concat(trail).flatMap((p) =>
      p.reverses === null
        ? []
        : [
            {
              from: voucherRef(p.reverses),
              to: voucherRef(p.id),
              relation: 'reversed_by',
              at: p.createdAt,
              actor: null,
            },
          ],
    );
  }
  const all = await postingTrails(db, { documentIds: [doc.id, `${doc.id}${REVERSAL_SUFFIX}`] });
  const links = await postingLinks(db, doc, all);
  return links.filter(
    (l) =>
      (l.from.type === 'voucher' && l.from.id === ref.id) || (l.to.type === 'voucher' && l.to.id === ref.id),
  );
};

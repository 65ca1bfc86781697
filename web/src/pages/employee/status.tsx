import { Tag } from 'antd';
import type { ExpenseDocument, ExpenseStatus } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { reversalState } from './documents.ts';

/** Every status of an expense document, in lifecycle order (the record makes the list complete). */
export const STATUS_LABELS: Record<ExpenseStatus, MessageKey> = {
  draft: 'status.draft',
  submitted: 'status.submitted',
  approving: 'status.approving',
  approved: 'status.approved',
  posted: 'status.posted',
  paid: 'status.paid',
  rejected: 'status.rejected',
  withdrawn: 'status.withdrawn',
  reversed: 'status.reversed',
};
export const STATUSES = Object.keys(STATUS_LABELS) as ExpenseStatus[];

const COLORS: Record<ExpenseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approving: 'processing',
  approved: 'cyan',
  posted: 'green',
  paid: 'success',
  rejected: 'error',
  withdrawn: 'default',
  reversed: 'orange',
};

export function StatusTag({ status }: { readonly status: ExpenseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(STATUS_LABELS[status])}
    </Tag>
  );
}

/**
 * A reversed (红冲) or corrected document's reversal at a glance: the ERP's red-letter voucher number
 * once the ERP holds it, "on its way" before that, or the revision a correction produced.
 */
export function ReversalTag({ doc }: { readonly doc: ExpenseDocument }) {
  const { t } = useI18n();
  const state = reversalState(doc);
  if (state === undefined) return null;
  const number = doc.posting?.erpReversalNumber ?? null;
  return (
    <Tag
      color={state === 'pending' ? 'gold' : state === 'posted' ? 'volcano' : 'purple'}
      data-testid="reversal-tag"
      data-state={state}
    >
      {state === 'pending'
        ? t('mine.reversal.pending')
        : state === 'posted'
          ? t('mine.reversal.posted', { number: number ?? '—' })
          : t('mine.reversal.corrected', { revision: doc.revision })}
    </Tag>
  );
}

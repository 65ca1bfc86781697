import { Alert, Descriptions, Empty, Skeleton, Space, Table, Timeline, Typography } from 'antd';
import { useMe } from '../../auth/session.tsx';
import type { ExpenseDocument } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApprovalProgress, Attachments, SUBMITTABLE, SubmitCheck, VoucherPreview } from './claim-extras.tsx';
import { getDocument, lastReversal, reversalState, type DocumentKind } from './documents.ts';
import { ReversalTag, StatusTag } from './status.tsx';

type Line = NonNullable<ExpenseDocument['lines']>[number];
type Transition = NonNullable<ExpenseDocument['transitions']>[number];

/** Statuses in which the voucher exists or is about to (approved and after). */
const VOUCHERED: readonly ExpenseDocument['status'][] = ['approved', 'posted', 'paid', 'reversed'];

/**
 * One claim, request or advance as the API returns it (GET /api/v1/expense-claims/{id}, …): header,
 * lines, risks, its status timeline; for its owner's draft the dry run of submitting it (what would
 * refuse it, its risk tags, its approval chain) and Submit; its approval progress with the steps it
 * skipped and why; attachments; once approved the voucher preview and the ERP voucher number; an
 * advance's offset, repaid and outstanding amounts; a reversal (红冲) with its reason and the ERP's
 * red-letter voucher number (or that it is on its way).
 */
export function ClaimDetail({ id, kind = 'claim' }: { readonly id: string; readonly kind?: DocumentKind }) {
  const { t, money, date, instant, pick } = useI18n();
  const { user } = useMe();
  const claim = useRequest(`claim:${kind}:${id}`, () => getDocument(kind, id));
  if (claim.error !== undefined) return <ErrorNotice error={claim.error} />;
  const c = claim.data;
  if (c === undefined) return <Skeleton active />;
  const transitions: readonly Transition[] = c.transitions ?? [];
  const mine = user?.employeeCode != null && user.employeeCode === c.employeeCode;
  const reversal = lastReversal(c);
  const reversed = reversalState(c);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="claim-detail">
      <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered>
        <Descriptions.Item label={t('claims.number')}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('claims.status')}>
          <Space size={4} wrap>
            <StatusTag status={c.status} />
            <ReversalTag doc={c} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('claims.subject')} span={2}>
          {c.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('claim.employee')}>{c.employeeCode}</Descriptions.Item>
        <Descriptions.Item label={t('claim.department')}>{c.departmentCode}</Descriptions.Item>
        <Descriptions.Item label={t('claims.date')}>{date(c.date)}</Descriptions.Item>
        <Descriptions.Item label={t('claims.total')}>
          <span data-testid="claim-total">{money(c.total, c.currency)}</span>
        </Descriptions.Item>
        {c.kind === 'claim' ? (
          <Descriptions.Item label={t('claim.deductibleTax')}>
            {money(c.deductibleTax, c.currency)}
          </Descriptions.Item>
        ) : null}
        {c.advance === undefined ? null : (
          <>
            <Descriptions.Item label={t('mine.advance.offset')}>
              {money(c.advance.offset, c.currency)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mine.advance.repaid')}>
              {money(c.advance.repaid, c.currency)}
            </Descriptions.Item>
            <Descriptions.Item label={t('mine.outstanding')}>
              <span data-testid="advance-outstanding">{money(c.advance.outstanding, c.currency)}</span>
            </Descriptions.Item>
          </>
        )}
        {c.kind === 'request' ? null : (
          <Descriptions.Item label={t('claim.voucher')}>
            <span data-testid="erp-voucher">{c.posting?.erpVoucherNumber ?? '—'}</span>
          </Descriptions.Item>
        )}
        {c.posting?.erpReversalNumber == null && c.status !== 'reversed' ? null : (
          <Descriptions.Item label={t('claimEditor.reversal')}>
            <span data-testid="erp-reversal">
              {c.posting?.erpReversalNumber ?? t('claimEditor.reversalPending')}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {reversed === undefined || reversal === undefined ? null : (
        <Alert
          type={reversed === 'pending' ? 'warning' : 'info'}
          showIcon
          data-testid="reversal-status"
          data-state={reversed}
          message={
            reversed === 'pending'
              ? t('mine.reversal.pendingTitle')
              : reversed === 'posted'
                ? t('mine.reversal.postedTitle', { number: c.posting?.erpReversalNumber ?? '—' })
                : t('mine.reversal.correctedTitle', { revision: c.revision })
          }
          description={
            <>
              <div>{t('mine.reversal.when', { at: instant(reversal.at), actor: reversal.actor })}</div>
              {reversal.comment === null ? null : (
                <div data-testid="reversal-reason">
                  {t('mine.reversal.reason', { reason: reversal.comment })}
                </div>
              )}
              <Typography.Text type="secondary">
                {reversed === 'pending' ? t('mine.reversal.pendingHint') : t('mine.reversal.postedHint')}
              </Typography.Text>
            </>
          }
        />
      )}
      {mine && SUBMITTABLE.includes(c.status) ? <SubmitCheck claim={c} onSubmitted={claim.reload} /> : null}
      {c.riskTags.length === 0 ? null : (
        <Alert
          type="warning"
          showIcon
          message={t('claim.risks')}
          description={c.riskTags.map((r) => (
            <div key={`${r.rule}:${r.pointer ?? ''}`}>{pick(r)}</div>
          ))}
        />
      )}
      {c.kind === 'advance' ? null : (
        <div>
          <Typography.Title level={5}>{t('claim.lines')}</Typography.Title>
          <Table<Line>
            rowKey="lineNo"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={c.lines ?? []}
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 40 },
              { title: t('claim.category'), dataIndex: 'categoryCode' },
              { title: t('claim.description'), dataIndex: 'description' },
              { title: t('claimEditor.costCenter'), render: (_, l) => l.costCenterCode ?? '—' },
              { title: t('claimEditor.project'), render: (_, l) => l.projectCode ?? '—' },
              { title: t('claimEditor.invoices'), render: (_, l) => l.invoiceIds.length },
              { title: t('claim.occurredOn'), dataIndex: 'occurredOn', render: (d: string) => date(d) },
              {
                title: t('claim.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (a: string) => money(a, c.currency),
              },
            ]}
          />
        </div>
      )}
      {c.status === 'draft' ? null : (
        <div>
          <Typography.Title level={5}>{t('claimEditor.approvals')}</Typography.Title>
          <ApprovalProgress claim={c} />
        </div>
      )}
      {c.kind !== 'request' && VOUCHERED.includes(c.status) ? (
        <div>
          <Typography.Title level={5}>{t('claimEditor.voucher')}</Typography.Title>
          <VoucherPreview claim={c} />
        </div>
      ) : null}
      <div>
        <Typography.Title level={5}>{t('claimEditor.attachments')}</Typography.Title>
        <Attachments claim={c} canAdd={mine} />
      </div>
      <div>
        <Typography.Title level={5}>{t('claim.timeline')}</Typography.Title>
        {transitions.length === 0 ? (
          <Empty />
        ) : (
          <Timeline
            data-testid="claim-timeline"
            items={transitions.map((step, i) => ({
              key: `${i}:${step.at}:${step.to}`,
              color:
                step.to === 'rejected' || step.to === 'reversed'
                  ? 'red'
                  : step.to === 'posted' || step.to === 'paid'
                    ? 'green'
                    : 'blue',
              children: (
                <div data-testid="timeline-step" data-to={step.to}>
                  <StatusTag status={step.to} />
                  <Typography.Text type="secondary">{instant(step.at)}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{t('claim.by', { actor: step.actor })}</Typography.Text>
                  </div>
                  {step.comment === null ? null : <div>{step.comment}</div>}
                </div>
              ),
            }))}
          />
        )}
      </div>
    </Space>
  );
}

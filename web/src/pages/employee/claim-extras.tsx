import { PaperClipOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, List, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import type { ExpenseDocument } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStepName, type ApprovalRuleSet } from '../approver/approval-rule.tsx';
import { checkSubmission, previewVoucher, submitDocument, type SubmissionCheck } from './documents.ts';
import { InvoiceCard } from './invoice-picker.tsx';

type VoucherLine = Schemas['VoucherInput']['lines'][number];
type Task = Schemas['ApprovalTaskView'];
type Skipped = Schemas['SkippedApprovalStep'];

/** Statuses from which the claimant may submit (again). */
export const SUBMITTABLE: readonly ExpenseDocument['status'][] = ['draft', 'rejected', 'withdrawn'];

type CheckStep = SubmissionCheck['approval']['steps'][number];
type SkipReason = NonNullable<CheckStep['skipped']>['reason'];

/** "Line 2: …" for a pointer into a line, else the message alone. */
function useWhere(): (pointer: string) => string {
  const { t } = useI18n();
  return (pointer) => {
    const line = /^\/lines\/(\d+)/.exec(pointer)?.[1];
    return line === undefined ? '' : t('mine.check.line', { line: Number(line) + 1 });
  };
}

/** Why a step is (or would be) skipped, amounts in the reader's format. */
export function useSkipText(): (
  skip: { reason: SkipReason; params: Record<string, string>; message: { zh: string; en: string } },
  currency: string,
) => string {
  const { t, pick, money } = useI18n();
  return (skip, currency) => {
    const amount = skip.params['amount'];
    if (amount !== undefined && skip.reason === 'amount_not_above')
      return t('mine.skip.amountNotAbove', { amount: money(amount, currency) });
    if (amount !== undefined && skip.reason === 'amount_above')
      return t('mine.skip.amountAbove', { amount: money(amount, currency) });
    return pick(skip.message);
  };
}

/**
 * Before submitting: the dry run of the submission (GET …/submission-check, which changes nothing):
 * what would refuse it — each refusal with the line it names, as the refusal itself would say it —
 * the risk tags it would get from the audit rules and budgets, and the approval chain it would take
 * (who approves each step, which steps are skipped and why); for a claim, every invoice with the
 * checks' warnings. Submit (POST …/submit) is offered once nothing would refuse it.
 */
export function SubmitCheck({
  claim,
  onSubmitted,
}: {
  readonly claim: ExpenseDocument;
  readonly onSubmitted: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const where = useWhere();
  const skipText = useSkipText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ids = [...new Set((claim.lines ?? []).flatMap((l) => l.invoiceIds))];
  const invoices = useRequest(`claim-invoices:${claim.id}:${claim.version}`, () =>
    Promise.all(ids.map((id) => unwrap(api.GET('/api/v1/invoices/{id}', { params: { path: { id } } })))),
  );
  const check = useRequest(`submission-check:${claim.kind}:${claim.id}:${claim.version}`, () =>
    checkSubmission(claim.kind, claim.id),
  );
  const warnings = (invoices.data ?? []).reduce((n, i) => n + i.warnings.length, 0);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await submitDocument(claim.kind, claim.id);
      void message.success(t('claimEditor.submitted', { number: done.number }));
      onSubmitted();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) {
        setError(failure);
        check.reload();
      }
    } finally {
      setBusy(false);
    }
  };
  const c = check.data;
  const tags = (c?.riskTags ?? []).filter((r) => r.severity === 'warn');
  return (
    <Card size="small" title={t('claimEditor.beforeSubmit')} data-testid="submit-check">
      <Space direction="vertical" style={{ width: '100%' }}>
        {invoices.error === undefined ? null : <ErrorNotice error={invoices.error} />}
        {claim.kind !== 'claim' ? null : ids.length === 0 ? (
          <Alert type="info" showIcon message={t('claimEditor.noInvoices')} />
        ) : invoices.data === undefined ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <>
            <Alert
              type={warnings === 0 ? 'success' : 'warning'}
              showIcon
              message={
                warnings === 0
                  ? t('claimEditor.checksClean')
                  : t('claimEditor.checksWarn', { count: warnings })
              }
            />
            {invoices.data.map((inv) => (
              <InvoiceCard key={inv.id} invoice={inv} />
            ))}
          </>
        )}
        {check.error === undefined ? null : <ErrorNotice error={check.error} />}
        {c === undefined ? (
          check.error === undefined ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : null
        ) : (
          <div data-testid="submission-check" data-ready={c.ready}>
            {c.blockers.length === 0 ? (
              <Alert type="success" showIcon message={t('mine.check.ready')} data-testid="check-ready" />
            ) : (
              <Alert
                type="error"
                showIcon
                message={t('mine.check.blocked', { count: c.blockers.length })}
                description={c.blockers.map((b, i) => (
                  <div key={i} data-testid="check-blocker" data-code={b.code} data-pointer={b.pointer}>
                    {where(b.pointer)}
                    {pick(b.message)}
                  </div>
                ))}
              />
            )}
            {tags.length === 0 ? null : (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                message={t('mine.check.risks', { count: tags.length })}
                description={tags.map((r, i) => (
                  <div key={i} data-testid="check-risk" data-rule={r.rule}>
                    {pick(r)}
                  </div>
                ))}
              />
            )}
            <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
              {c.approval.outcome === 'approved' ? t('mine.check.noApproval') : t('mine.check.chain')}
            </Typography.Text>
            <List<CheckStep>
              size="small"
              data-testid="check-chain"
              dataSource={[...c.approval.steps]}
              renderItem={(step) => (
                <List.Item
                  data-testid="chain-step"
                  data-step={step.stepId}
                  data-skipped={step.skipped === null ? undefined : step.skipped.reason}
                >
                  <Space wrap size={4}>
                    {step.skipped === null ? (
                      <Tag color="blue">{t('claimEditor.stage', { stage: step.stage ?? 0 })}</Tag>
                    ) : (
                      <Tag>{t('mine.skip.tag')}</Tag>
                    )}
                    <Typography.Text>{pick(step.name)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {step.skipped !== null
                        ? skipText(step.skipped, claim.currency)
                        : step.externalApprover !== null
                          ? t('mine.check.external', { approver: step.externalApprover })
                          : `${step.approvers.join(', ')}${
                              step.approvers.length > 1
                                ? ` · ${t(step.mode === 'all' ? 'approver.rule.modeAll' : 'approver.rule.modeAny')}`
                                : ''
                            }`}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        )}
        <Typography.Text type="secondary">{t('mine.check.dryRun')}</Typography.Text>
        {error === undefined ? null : <ErrorNotice error={error} />}
        <Space wrap>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy}
            disabled={c?.ready === false}
            onClick={() => void submit()}
            data-testid="submit-claim"
          >
            {t('claimEditor.submit')}
          </Button>
          <Button onClick={check.reload} loading={check.loading && c !== undefined} data-testid="recheck">
            {t('mine.check.again')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

/** The voucher the claim posts (GET …/voucher), built by the posting rules: account, summary, debit, credit. */
export function VoucherPreview({ claim }: { readonly claim: ExpenseDocument }) {
  const { t, money } = useI18n();
  const preview = useRequest(`voucher:${claim.id}:${claim.version}`, () =>
    previewVoucher(claim.kind === 'advance' ? 'advance' : 'claim', claim.id),
  );
  if (preview.error !== undefined) return <ErrorNotice error={preview.error} />;
  const p = preview.data;
  if (p === undefined) return <Skeleton active paragraph={{ rows: 2 }} />;
  const currency = p.voucher.currency;
  return (
    <div data-testid="voucher-preview">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        {t('claimEditor.voucherHead', {
          word: p.voucher.word,
          period: p.voucher.period,
          total: money(p.total, currency),
          version: p.postingPolicyVersion,
        })}
      </Typography.Paragraph>
      <Table<VoucherLine & { key: number }>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={p.voucher.lines.map((l, key) => ({ ...l, key }))}
        columns={[
          { title: t('claimEditor.summary'), dataIndex: 'summary' },
          { title: t('claimEditor.account'), dataIndex: 'accountCode' },
          {
            title: t('claimEditor.aux'),
            render: (_, l) =>
              Object.entries(l.aux ?? {})
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ') || '—',
          },
          {
            title: t('claimEditor.debit'),
            align: 'right',
            render: (_, l) => (l.debit === undefined ? '' : money(l.debit, currency)),
          },
          {
            title: t('claimEditor.credit'),
            align: 'right',
            render: (_, l) => (l.credit === undefined ? '' : money(l.credit, currency)),
          },
        ]}
      />
    </div>
  );
}

/**
 * The document's approval chain in its latest round (GET /api/v1/expense-documents/{id}/approval-tasks):
 * each step's approver, decision, time and comment — and the steps the submission skipped, with why
 * (from the document's `skippedSteps`).
 */
export function ApprovalProgress({ claim }: { readonly claim: ExpenseDocument }) {
  const { t, instant, pick } = useI18n();
  const stepName = useStepName();
  const skipText = useSkipText();
  const rules = useRequest('approval-rules', async () =>
    (
      await unwrap(api.GET('/api/v1/rules/{kind}/versions', { params: { path: { kind: 'approval' } } }))
    ).items.filter((v): v is ApprovalRuleSet => v.kind === 'approval'),
  );
  const tasks = useRequest(`doc-tasks:${claim.id}:${claim.version}`, () =>
    unwrap(api.GET('/api/v1/expense-documents/{id}/approval-tasks', { params: { path: { id: claim.id } } })),
  );
  if (tasks.error !== undefined) return <ErrorNotice error={tasks.error} />;
  if (tasks.data === undefined) return <Skeleton active paragraph={{ rows: 1 }} />;
  const skips = claim.skippedSteps ?? [];
  const latest = Math.max(0, ...tasks.data.items.map((x) => x.round), ...skips.map((x) => x.round));
  const items = tasks.data.items.filter((x) => x.round === latest);
  const skipped = skips.filter((x) => x.round === latest);
  if (items.length === 0 && skipped.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const color: Record<Task['status'], string> = {
    waiting: 'default',
    pending: 'processing',
    approved: 'success',
    rejected: 'error',
    cancelled: 'default',
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('mine.skip.noneAsked')}</Typography.Text>
      ) : (
        <List<Task>
          size="small"
          data-testid="approval-progress"
          dataSource={items}
          renderItem={(x) => (
            <List.Item>
              <Space wrap>
                <Tag>{t('claimEditor.stage', { stage: x.stage })}</Tag>
                <Typography.Text>{stepName(rules.data, x.stepId)}</Typography.Text>
                <Typography.Text type="secondary">{x.assignee ?? x.externalApprover ?? '—'}</Typography.Text>
                <Tag color={color[x.status]}>{t(`claimEditor.task.${x.status}`)}</Tag>
                {x.decidedAt === null ? null : (
                  <Typography.Text type="secondary">{instant(x.decidedAt)}</Typography.Text>
                )}
                {x.comment === null ? null : <Typography.Text italic>{x.comment}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {skipped.length === 0 ? null : (
        <List<Skipped>
          size="small"
          header={<Typography.Text type="secondary">{t('mine.skip.title')}</Typography.Text>}
          data-testid="skipped-steps"
          dataSource={skipped}
          renderItem={(x) => (
            <List.Item data-testid="skipped-step" data-step={x.stepId} data-reason={x.reason}>
              <Space wrap>
                <Tag>{t('mine.skip.tag')}</Tag>
                <Typography.Text>{pick(x.name)}</Typography.Text>
                <Typography.Text type="secondary">{skipText(x, claim.currency)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The claim's attachments (receipts, itineraries) and, for its owner, an upload (POST …/attachments). */
export function Attachments({
  claim,
  canAdd,
}: {
  readonly claim: ExpenseDocument;
  readonly canAdd: boolean;
}) {
  const { t, instant } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const files = useRequest(`attachments:${claim.id}`, () =>
    unwrap(api.GET('/api/v1/expense-documents/{id}/attachments', { params: { path: { id: claim.id } } })),
  );
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/v1/expense-documents/{id}/attachments', {
          params: { path: { id: claim.id } },
          body: {
            fileName: file.name,
            contentType: file.type === '' ? 'application/octet-stream' : file.type,
            contentBase64: await toBase64(file),
          },
        }),
      );
      void message.success(t('claimEditor.attached', { name: file.name }));
      files.reload();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="attachments">
      {files.error === undefined ? null : <ErrorNotice error={files.error} />}
      {error === undefined ? null : <ErrorNotice error={error} />}
      {(files.data?.items ?? []).length === 0 ? (
        <Typography.Text type="secondary">{t('claimEditor.noAttachments')}</Typography.Text>
      ) : (
        (files.data?.items ?? []).map((f) => (
          <div key={f.id} data-testid="attachment">
            <PaperClipOutlined /> {f.fileName}{' '}
            <Typography.Text type="secondary">
              {t('claimEditor.fileMeta', { size: Math.ceil(f.sizeBytes / 1024), at: instant(f.createdAt) })}
            </Typography.Text>
          </div>
        ))
      )}
      {canAdd ? (
        <span data-testid="attachment-upload">
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              {t('claimEditor.attach')}
            </Button>
          </Upload>
        </span>
      ) : null}
    </Space>
  );
}

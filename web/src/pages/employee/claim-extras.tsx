import { PaperClipOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, List, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import type { ExpenseDocument } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStepName, type ApprovalRuleSet } from '../approver/approval-rule.tsx';
import { InvoiceCard } from './invoice-picker.tsx';

type VoucherLine = Schemas['VoucherInput']['lines'][number];
type Task = Schemas['ApprovalTaskView'];

/** Statuses from which the claimant may submit (again). */
export const SUBMITTABLE: readonly ExpenseDocument['status'][] = ['draft', 'rejected', 'withdrawn'];

/**
 * Before submitting: every invoice on the claim with the checks' warnings (near-duplicates and
 * others the API found when it was registered), the voucher the claim would post, then Submit
 * (POST …/submit). The audit rules run on submit: a blocking finding refuses it with the rule's
 * message beside the line it names; warnings become the claim's risk tags, shown above.
 */
export function SubmitCheck({
  claim,
  onSubmitted,
}: {
  readonly claim: ExpenseDocument;
  readonly onSubmitted: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ids = [...new Set((claim.lines ?? []).flatMap((l) => l.invoiceIds))];
  const invoices = useRequest(`claim-invoices:${claim.id}:${claim.version}`, () =>
    Promise.all(ids.map((id) => unwrap(api.GET('/api/v1/invoices/{id}', { params: { path: { id } } })))),
  );
  const warnings = (invoices.data ?? []).reduce((n, i) => n + i.warnings.length, 0);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await unwrap(
        api.POST('/api/v1/expense-claims/{id}/submit', { params: { path: { id: claim.id } } }),
      );
      void message.success(t('claimEditor.submitted', { number: done.number }));
      onSubmitted();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('claimEditor.beforeSubmit')} data-testid="submit-check">
      <Space direction="vertical" style={{ width: '100%' }}>
        {invoices.error === undefined ? null : <ErrorNotice error={invoices.error} />}
        {ids.length === 0 ? (
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
        <Typography.Text type="secondary">{t('claimEditor.auditOnSubmit')}</Typography.Text>
        {error === undefined ? null : <ErrorNotice error={error} />}
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          onClick={() => void submit()}
          data-testid="submit-claim"
        >
          {t('claimEditor.submit')}
        </Button>
      </Space>
    </Card>
  );
}

/** The voucher the claim posts (GET …/voucher), built by the posting rules: account, summary, debit, credit. */
export function VoucherPreview({ claim }: { readonly claim: ExpenseDocument }) {
  const { t, money } = useI18n();
  const preview = useRequest(`voucher:${claim.id}:${claim.version}`, () =>
    unwrap(api.GET('/api/v1/expense-claims/{id}/voucher', { params: { path: { id: claim.id } } })),
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

/** The claim's approval steps round by round (GET /api/v1/expense-documents/{id}/approval-tasks). */
export function ApprovalProgress({ claim }: { readonly claim: ExpenseDocument }) {
  const { t, instant } = useI18n();
  const stepName = useStepName();
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
  const latest = Math.max(0, ...tasks.data.items.map((x) => x.round));
  const items = tasks.data.items.filter((x) => x.round === latest);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const color: Record<Task['status'], string> = {
    waiting: 'default',
    pending: 'processing',
    approved: 'success',
    rejected: 'error',
    cancelled: 'default',
  };
  return (
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

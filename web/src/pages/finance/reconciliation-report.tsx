import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  KINDS,
  KindTag,
  RunStatusTag,
  useMinor,
  type Action,
  type Difference,
  type Kind,
  type Summary,
} from './reconciliation-parts.tsx';

const PAGE = 200;

/** A summary row where the two sides disagree. */
const differs = (s: Summary) =>
  s.ourVouchers !== s.erpVouchers || s.ourDebit !== s.erpDebit || s.ourCredit !== s.erpCredit;

/**
 * One reconciliation's report: the run (status, counts, the ERP's failure when it was not read), the
 * Excel workbook, the summary per voucher word and account, and the differences — by kind, open only
 * if wished — each with the repairs the API allows now (re-post, mark deliberately deleted, acknowledge),
 * every one with a reason.
 */
export function ReconciliationReport({
  id,
  connectionName,
  onChanged,
}: {
  readonly id: string;
  readonly connectionName: (id: string) => string;
  readonly onChanged: () => void;
}) {
  const { t, instant } = useI18n();
  const { message } = App.useApp();
  const minor = useMinor();
  const [kind, setKind] = useState<Kind | ''>('');
  const [openOnly, setOpenOnly] = useState(false);
  const [round, setRound] = useState(0);
  const [more, setMore] = useState<{ key: string; items: Difference[]; next: number | null }>();
  const [resolving, setResolving] = useState<{ difference: Difference; action: Action } | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const query = {
    limit: PAGE,
    ...(kind === '' ? {} : { kind }),
    ...(openOnly ? { open: true } : {}),
  };
  const key = `reconciliation:${id}:${kind}:${openOnly}:${round}`;
  const report = useRequest(key, () =>
    unwrap(api.GET('/api/v1/reconciliations/{id}', { params: { path: { id }, query } })),
  );
  const r = report.data;
  const extra = more?.key === key ? more : undefined;
  const differences = [...(r?.differences ?? []), ...(extra?.items ?? [])];
  const nextSeq = extra === undefined ? (r?.nextSeq ?? null) : extra.next;

  const loadMore = async () => {
    if (nextSeq === null) return;
    try {
      const page = await unwrap(
        api.GET('/api/v1/reconciliations/{id}', {
          params: { path: { id }, query: { ...query, afterSeq: nextSeq } },
        }),
      );
      setMore({ key, items: [...(extra?.items ?? []), ...page.differences], next: page.nextSeq });
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    }
  };
  const download = async () => {
    setError(undefined);
    const res = await api.GET('/api/v1/reconciliations/{id}/workbook', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    if (!res.response.ok || !(res.data instanceof Blob)) {
      setError(new ApiError(res.response.status, undefined, undefined, t('recon.exportFailed')));
      return;
    }
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `reconciliation-${r?.reconciliation.period ?? id}.xlsx`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const resolve = async () => {
    if (resolving === undefined) return;
    setError(undefined);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/v1/reconciliations/{id}/differences/{seq}/resolve', {
          params: { path: { id, seq: resolving.difference.seq } },
          body: { action: resolving.action, reason: reason.trim() },
        }),
      );
      void message.success(t(`recon.resolved.${resolving.action}`));
      setResolving(undefined);
      setRound((n) => n + 1);
      onChanged();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (report.error !== undefined) return <ErrorNotice error={report.error} />;
  if (r === undefined) return <Card loading size="small" />;
  const run = r.reconciliation;
  return (
    <Card
      size="small"
      data-testid="recon-report"
      data-status={run.status}
      title={t('recon.report.title', { connection: connectionName(run.connectionId), period: run.period })}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="recon-export">
          {t('recon.export')}
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {run.status === 'not_checked' ? (
          <Alert
            type="warning"
            showIcon
            data-testid="recon-not-checked"
            message={t('recon.notChecked')}
            description={
              run.failure === null
                ? undefined
                : t('recon.notCheckedWhy', {
                    reason: t(
                      run.failure.reason === 'unsupported'
                        ? 'recon.failure.unsupported'
                        : 'recon.failure.unreachable',
                    ),
                    code: run.failure.code,
                    message: run.failure.message,
                  })
            }
          />
        ) : run.status === 'matched' ? (
          <Alert
            type="success"
            showIcon
            data-testid="recon-clean"
            message={t('recon.clean', { count: run.matchedCount })}
          />
        ) : run.status === 'differences' ? (
          <Alert
            type="error"
            showIcon
            data-testid="recon-has-differences"
            message={t('recon.hasDifferences', { count: run.differenceCount, open: run.openCount })}
          />
        ) : (
          <Alert type="info" showIcon message={t('recon.status.running')} />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('recon.col.status')}>
            <RunStatusTag run={run} />
          </Descriptions.Item>
          <Descriptions.Item label={t('recon.report.ours')}>{run.ourCount}</Descriptions.Item>
          <Descriptions.Item label={t('recon.report.erp')}>{run.erpCount}</Descriptions.Item>
          <Descriptions.Item label={t('recon.report.matched')}>{run.matchedCount}</Descriptions.Item>
          <Descriptions.Item label={t('recon.report.ourDebit')}>{minor(run.ourDebitMinor)}</Descriptions.Item>
          <Descriptions.Item label={t('recon.report.erpDebit')}>{minor(run.erpDebitMinor)}</Descriptions.Item>
          <Descriptions.Item label={t('recon.report.started')}>{instant(run.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('recon.report.finished')}>
            {run.finishedAt === null ? '—' : instant(run.finishedAt)}
          </Descriptions.Item>
        </Descriptions>
        <ErrorNotice error={error} />

        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('recon.summary.title')}
        </Typography.Title>
        <Table<Summary>
          data-testid="recon-summary"
          size="small"
          rowKey={(s) => `${s.word}\u0000${s.account}`}
          pagination={r.summary.length > 20 ? { pageSize: 20, size: 'small' } : false}
          scroll={{ x: 900 }}
          dataSource={r.summary}
          rowClassName={(s) => (differs(s) ? 'recon-summary-differs' : '')}
          locale={{ emptyText: <Empty description={t('recon.summary.empty')} /> }}
          columns={[
            { title: t('recon.summary.word'), dataIndex: 'word', width: 90 },
            {
              title: t('recon.summary.account'),
              width: 160,
              render: (_, s) => (
                <Space size={4}>
                  {s.account}
                  {differs(s) ? <Tag color="red">{t('recon.summary.differs')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('recon.summary.vouchers'),
              align: 'right',
              width: 110,
              render: (_, s) => `${s.ourVouchers} / ${s.erpVouchers}`,
            },
            {
              title: t('recon.summary.debit'),
              align: 'right',
              render: (_, s) => `${minor(s.ourDebit)} / ${minor(s.erpDebit)}`,
            },
            {
              title: t('recon.summary.credit'),
              align: 'right',
              render: (_, s) => `${minor(s.ourCredit)} / ${minor(s.erpCredit)}`,
            },
          ]}
        />

        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('recon.diff.title')}
          </Typography.Title>
          <Space wrap>
            <Select<Kind | ''>
              style={{ minWidth: 200 }}
              value={kind}
              onChange={setKind}
              data-testid="recon-kind"
              options={[
                { value: '', label: t('recon.diff.allKinds') },
                ...KINDS.map((k) => ({ value: k, label: t(`recon.kind.${k}`) })),
              ]}
            />
            <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
              {t('recon.diff.openOnly')}
            </Checkbox>
          </Space>
        </Space>
        <Table<Difference>
          data-testid="recon-differences"
          size="small"
          rowKey="seq"
          pagination={false}
          scroll={{ x: 1400 }}
          dataSource={differences}
          locale={{
            emptyText: (
              <Empty
                description={t(run.status === 'not_checked' ? 'recon.diff.notChecked' : 'recon.diff.empty')}
              />
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: t('recon.diff.kind'), width: 150, render: (_, d) => <KindTag kind={d.kind} /> },
            { title: t('recon.diff.reference'), width: 220, render: (_, d) => d.reference ?? '—' },
            {
              title: t('recon.diff.erpVoucher'),
              width: 130,
              render: (_, d) => [d.word, d.erpNumber].filter((x) => x !== null).join(' ') || '—',
            },
            {
              title: t('recon.diff.ours'),
              align: 'right',
              width: 130,
              render: (_, d) => minor(d.ourAmountMinor),
            },
            {
              title: t('recon.diff.erp'),
              align: 'right',
              width: 130,
              render: (_, d) => minor(d.erpAmountMinor),
            },
            {
              title: t('recon.diff.detail'),
              width: 300,
              render: (_, d) => (
                <Space direction="vertical" size={0}>
                  {d.detail.why === undefined ? null : <span>{t(`recon.why.${d.detail.why}`)}</span>}
                  {(d.detail.accounts ?? []).map((a) => (
                    <span key={a.account}>
                      {t('recon.diff.account', {
                        account: a.account,
                        ours: minor(a.ours),
                        erp: minor(a.erp),
                      })}
                    </span>
                  ))}
                  {d.detail.reverses === undefined ? null : (
                    <span>{t('recon.diff.reverses', { posting: d.detail.reverses })}</span>
                  )}
                </Space>
              ),
            },
            {
              title: t('recon.diff.resolution'),
              width: 240,
              fixed: 'right',
              render: (_, d) =>
                d.resolution !== null ? (
                  <Space direction="vertical" size={0} data-testid="recon-resolution">
                    <Tag color="green">{t(`recon.resolution.${d.resolution}`)}</Tag>
                    <Typography.Text type="secondary">
                      {d.resolvedBy ?? ''} {d.resolvedAt === null ? '' : instant(d.resolvedAt)}
                    </Typography.Text>
                    {d.resolutionReason === null ? null : (
                      <Typography.Text italic>{d.resolutionReason}</Typography.Text>
                    )}
                  </Space>
                ) : (
                  <Space size={4} wrap>
                    {d.actions.map((action) => (
                      <Button
                        key={action}
                        size="small"
                        type={action === 'repost' ? 'primary' : 'default'}
                        onClick={() => {
                          setError(undefined);
                          setReason('');
                          setResolving({ difference: d, action });
                        }}
                        data-testid={`recon-action-${action}`}
                      >
                        {t(`recon.action.${action}`)}
                      </Button>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        {nextSeq === null ? null : (
          <Button onClick={() => void loadMore()} data-testid="recon-more">
            {t('recon.diff.more')}
          </Button>
        )}
      </Space>
      <Modal
        open={resolving !== undefined}
        title={resolving === undefined ? '' : t(`recon.action.${resolving.action}`)}
        okText={t('recon.resolve.ok')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim() === '', 'data-testid': 'recon-resolve-ok' }}
        onOk={() => void resolve()}
        onCancel={() => setResolving(undefined)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {resolving === undefined ? null : (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t(`recon.action.${resolving.action}.what`, {
                reference: resolving.difference.reference ?? '—',
              })}
            </Typography.Paragraph>
          )}
          <ErrorNotice error={error} />
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('recon.resolve.reason')}
            data-testid="recon-resolve-reason"
          />
        </Space>
      </Modal>
    </Card>
  );
}

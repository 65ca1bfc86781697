import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReconciliationReport } from './reconciliation-report.tsx';
import { RunStatusTag, useMinor, type Run } from './reconciliation-parts.tsx';
import { todayLocal } from './shared.tsx';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
type Connection = Ok<paths['/api/v1/reconciliations/connections']['get']>['items'][number];

/**
 * Finance: Hub ↔ ERP reconciliation (对账, docs/reconciliation.md). Choose a connection whose ERP can be
 * read and a period, **Run** a reconciliation (POST /api/v1/reconciliations); the runs, newest first,
 * each with its status — `not_checked` when the ERP could not be read, never "matched" — and counts;
 * the chosen run's report: the summary per voucher word and account, the differences by kind, the
 * Excel workbook, and the safe repairs the API offers per difference.
 */
export default function ReconciliationPage() {
  const { t, instant } = useI18n();
  const { message } = App.useApp();
  const minor = useMinor();
  const [params, setParams] = useSearchParams();
  const selected = params.get('run') ?? undefined;
  const [connectionId, setConnectionId] = useState<string | undefined>();
  const [period, setPeriod] = useState(() => dayjs(todayLocal()).format('YYYY-MM'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const connections = useRequest('reconcilable-connections', () =>
    unwrap(api.GET('/api/v1/reconciliations/connections')),
  );
  const connectionItems = connections.data?.items ?? [];
  const chosen: Connection | undefined =
    connectionItems.find((c) => c.id === connectionId) ?? connectionItems[0];
  const runs = useRequest('reconciliation-runs', () =>
    unwrap(api.GET('/api/v1/reconciliations', { params: { query: { limit: 50 } } })),
  );
  const nameOf = (id: string) => connectionItems.find((c) => c.id === id)?.name ?? id;
  const open = (id: string) =>
    setParams(
      (p) => {
        p.set('run', id);
        return p;
      },
      { replace: true },
    );

  const run = async () => {
    if (chosen === undefined) return;
    setError(undefined);
    setBusy(true);
    try {
      const done = await unwrap(
        api.POST('/api/v1/reconciliations', { body: { connectionId: chosen.id, period } }),
      );
      void message.info(t(`recon.status.${done.status}`));
      runs.reload();
      open(done.id);
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="reconciliation-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('recon.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            connections.reload();
            runs.reload();
          }}
          aria-label={t('finance.reload')}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('recon.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={connections.error} />
      <Card size="small">
        {connectionItems.length === 0 && !connections.loading ? (
          <Empty description={t('recon.noConnection')} data-testid="recon-no-connection" />
        ) : (
          <Space wrap>
            <Select<string>
              data-testid="recon-connection"
              style={{ width: 320, maxWidth: 'calc(100vw - 64px)' }}
              value={chosen?.id ?? null}
              onChange={setConnectionId}
              options={connectionItems.map((c) => ({ value: c.id, label: `${c.name} (${c.type})` }))}
            />
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${period}-01`)}
              onChange={(d) => setPeriod(d.format('YYYY-MM'))}
              data-testid="recon-period"
            />
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={busy}
              disabled={chosen === undefined}
              onClick={() => void run()}
              data-testid="recon-run"
            >
              {t('recon.run')}
            </Button>
          </Space>
        )}
      </Card>
      <ErrorNotice error={error} />
      <ErrorNotice error={runs.error} />
      <Table<Run>
        data-testid="recon-runs"
        size="small"
        rowKey="id"
        loading={runs.loading}
        scroll={{ x: 1250 }}
        pagination={(runs.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recon.runs.empty')} /> }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('recon.col.connection'),
            width: 220,
            ellipsis: true,
            render: (_, r) => nameOf(r.connectionId),
          },
          { title: t('recon.col.period'), dataIndex: 'period', width: 90 },
          { title: t('recon.col.status'), width: 120, render: (_, r) => <RunStatusTag run={r} /> },
          {
            title: t('recon.col.counts'),
            width: 230,
            render: (_, r) =>
              t('recon.counts', {
                ours: r.ourCount,
                erp: r.erpCount,
                matched: r.matchedCount,
                differences: r.differenceCount,
              }),
          },
          {
            title: t('recon.col.open'),
            width: 80,
            align: 'right',
            render: (_, r) => (r.openCount === 0 ? '0' : <Tag color="red">{r.openCount}</Tag>),
          },
          {
            title: t('recon.col.debits'),
            width: 220,
            align: 'right',
            render: (_, r) => `${minor(r.ourDebitMinor)} / ${minor(r.erpDebitMinor)}`,
          },
          {
            title: t('recon.col.started'),
            width: 190,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{instant(r.startedAt)}</span>
                <Typography.Text type="secondary">
                  {r.startedBy} ·{' '}
                  {t(r.trigger === 'schedule' ? 'recon.trigger.schedule' : 'recon.trigger.manual')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '',
            width: 90,
            fixed: 'right',
            render: (_, r) => (
              <Button
                size="small"
                type={r.id === selected ? 'primary' : 'default'}
                onClick={() => open(r.id)}
                data-testid="recon-open"
              >
                {t('recon.open')}
              </Button>
            ),
          },
        ]}
      />
      {selected === undefined ? null : (
        <ReconciliationReport id={selected} connectionName={nameOf} onChanged={runs.reload} />
      )}
    </Space>
  );
}

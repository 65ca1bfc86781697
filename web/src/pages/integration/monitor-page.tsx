import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { POLL_MS, POSTING_STATUS_LABEL, useConnectorName, useConnectors, usePolled } from './shared.tsx';
import { POSTING_STATUSES, type PostingSummary, type SyncStates } from './types.ts';

const MonitorChart = lazy(() => import('./monitor-chart.tsx'));

type ConnectionRow = PostingSummary['byConnection'][number];
const AGES = ['under1m', 'under10m', 'under1h', 'under1d', 'older'] as const;
const COLORS = {
  posted: '#52c41a',
  pending: '#bfbfbf',
  sending: '#1677ff',
  unknown: '#faad14',
  rejected: '#ff4d4f',
  dead: '#c41d7f',
};

const BREAKER_COLOR = { closed: 'green', 'half-open': 'orange', open: 'red' } as const;

/**
 * Integration: the sync monitor — GET /api/v1/postings/summary (counts by status and connection,
 * waiting by age, parked by error code, postings per minute over the last hour, each ERP's circuit
 * breaker as the workers hold it) and each connection's pull state (GET …/sync), polled every
 * few seconds. Charts are ECharts, loaded only on this page.
 */
export default function MonitorPage() {
  const { t, instant } = useI18n();
  const connectors = useConnectors();
  const nameOf = useConnectorName(connectors.data?.items);
  const summary = usePolled('int-summary', () => unwrap(api.GET('/api/v1/postings/summary')));
  const connections = usePolled('int-monitor-connections', () => unwrap(api.GET('/api/v1/connections')));
  const ids = (connections.data?.items ?? []).map((c) => c.id);
  const sync = usePolled(`int-sync-${ids.join(',')}`, async () => {
    const states = await Promise.all(
      ids.map(
        async (id) =>
          [id, await unwrap(api.GET('/api/v1/connections/{id}/sync', { params: { path: { id } } }))] as const,
      ),
    );
    return new Map<string, SyncStates>(states);
  });
  const data = summary.data;
  const queue =
    data === undefined ? 0 : data.byStatus.pending + data.byStatus.sending + data.byStatus.unknown;
  const rows = data?.byConnection ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          flexWrap: 'wrap',
          gap: 8,
        }}
      >
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('int.monitor.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="monitor-at">
          {t('int.monitor.refresh', { s: POLL_MS / 1000 })}
          {data === undefined ? '' : ` · ${t('int.monitor.asOf', { at: instant(data.at) })}`}
        </Typography.Text>
      </div>
      <ErrorNotice error={summary.error ?? connections.error} />
      <Row gutter={[12, 12]} data-testid="monitor-tiles">
        <Col xs={12} sm={8} lg={3}>
          <Card size="small" data-testid="tile-total">
            <Statistic title={t('int.monitor.total')} value={data?.total ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} sm={8} lg={3}>
          <Card size="small" data-testid="tile-queue">
            <Statistic title={t('int.monitor.queue')} value={data === undefined ? '—' : queue} />
          </Card>
        </Col>
        {POSTING_STATUSES.map((s) => (
          <Col xs={12} sm={8} lg={3} key={s}>
            <Card size="small" data-testid={`tile-${s}`}>
              <Statistic
                title={t(POSTING_STATUS_LABEL[s])}
                value={data?.byStatus[s] ?? '—'}
                valueStyle={{
                  color:
                    (s === 'rejected' || s === 'dead') && (data?.byStatus[s] ?? 0) > 0
                      ? COLORS[s]
                      : undefined,
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('int.monitor.byConnection')}>
            {rows.length === 0 ? (
              <Empty />
            ) : (
              <Suspense fallback={<div style={{ height: 260 }} />}>
                <MonitorChart
                  testId="chart-by-connection"
                  stacked
                  categories={rows.map((r) => r.name)}
                  series={POSTING_STATUSES.map((s) => ({
                    name: t(POSTING_STATUS_LABEL[s]),
                    values: rows.map((r) => r.byStatus[s]),
                    color: COLORS[s],
                  }))}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('int.monitor.failures')}>
            {data === undefined || data.parkedByError.length === 0 ? (
              <Empty description={t('int.monitor.noFailures')} />
            ) : (
              <Suspense fallback={<div style={{ height: 260 }} />}>
                <MonitorChart
                  testId="chart-failures"
                  categories={data.parkedByError.map((p) => p.code)}
                  series={(['rejected', 'dead'] as const).map((s) => ({
                    name: t(POSTING_STATUS_LABEL[s]),
                    color: COLORS[s],
                    values: data.parkedByError.map((p) => (p.status === s ? p.count : 0)),
                  }))}
                  stacked
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={t('int.monitor.throughput')}
            extra={
              data === undefined ? null : (
                <Typography.Text type="secondary" data-testid="posted-last-hour">
                  {t('int.monitor.lastHour', {
                    n: data.postedPerMinute.reduce((n, m) => n + m.count, 0),
                  })}
                </Typography.Text>
              )
            }
          >
            {data === undefined ? (
              <div style={{ height: 200 }} />
            ) : (
              <Suspense fallback={<div style={{ height: 200 }} />}>
                <MonitorChart
                  testId="chart-throughput"
                  height={200}
                  categories={data.postedPerMinute.map((m) => m.minute.slice(11, 16))}
                  series={[
                    {
                      name: t('int.monitor.postedPerMinute'),
                      color: COLORS.posted,
                      values: data.postedPerMinute.map((m) => m.count),
                    },
                  ]}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('int.monitor.byAge')}>
            <Table
              size="small"
              rowKey="age"
              pagination={false}
              data-testid="open-by-age"
              dataSource={AGES.map((age) => ({ age, count: data?.openByAge[age] ?? 0 }))}
              columns={[
                {
                  title: t('int.monitor.age'),
                  dataIndex: 'age',
                  render: (a: (typeof AGES)[number]) => t(`int.monitor.age.${a}`),
                },
                { title: t('int.monitor.count'), dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('int.monitor.parked')}>
            <Table
              size="small"
              rowKey={(p) => `${p.status}-${p.code}`}
              pagination={false}
              data-testid="parked-by-error"
              locale={{ emptyText: t('int.monitor.noFailures') }}
              dataSource={data?.parkedByError ?? []}
              columns={[
                { title: t('int.monitor.code'), dataIndex: 'code' },
                {
                  title: t('int.postings.status'),
                  dataIndex: 'status',
                  render: (s: 'rejected' | 'dead') => t(POSTING_STATUS_LABEL[s]),
                },
                { title: t('int.monitor.count'), dataIndex: 'count', align: 'right' },
                {
                  title: t('int.actions'),
                  key: 'a',
                  render: (_: unknown, p) => (
                    <Link
                      to={`/integration/dead-letters?status=${p.status}&errorCode=${encodeURIComponent(p.code)}`}
                    >
                      {t('int.monitor.open')}
                    </Link>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={4}>{t('int.monitor.perConnection')}</Typography.Title>
      <Table<ConnectionRow>
        rowKey="connectionId"
        size="middle"
        loading={data === undefined && summary.error === undefined}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="monitor-connections"
        expandable={{
          expandedRowRender: (r) => {
            const states = sync.data?.get(r.connectionId);
            return (
              <Table
                size="small"
                rowKey="object"
                pagination={false}
                dataSource={states?.items ?? []}
                columns={[
                  { title: t('int.sync.object'), dataIndex: 'object' },
                  {
                    title: t('int.sync.lastSuccess'),
                    dataIndex: 'lastSuccessAt',
                    render: (at: string | null) => (at === null ? '—' : instant(at)),
                  },
                  { title: t('int.sync.count'), dataIndex: 'totalCount' },
                  {
                    title: t('int.sync.lastError'),
                    dataIndex: 'lastError',
                    render: (e: string | null) =>
                      e === null ? '—' : <Typography.Text type="danger">{e}</Typography.Text>,
                  },
                ]}
              />
            );
          },
        }}
        columns={[
          { title: t('int.connections.name'), dataIndex: 'name' },
          { title: t('int.connections.type'), dataIndex: 'type', render: (type: string) => nameOf(type) },
          {
            title: t('int.connections.status'),
            key: 'state',
            render: (_: unknown, r) => {
              const c = connections.data?.items.find((x) => x.id === r.connectionId);
              return c === undefined ? (
                '—'
              ) : (
                <Tag color={c.status === 'active' ? 'green' : 'orange'}>
                  {c.status === 'active' ? t('int.connections.active') : t('int.connections.paused')}
                </Tag>
              );
            },
          },
          {
            title: t('int.monitor.breaker'),
            dataIndex: 'breaker',
            render: (b: ConnectionRow['breaker']) =>
              b === null ? (
                <Typography.Text type="secondary">{t('int.monitor.breaker.idle')}</Typography.Text>
              ) : (
                <Tag color={BREAKER_COLOR[b]} data-testid="breaker">
                  {t(`int.monitor.breaker.${b}`)}
                </Tag>
              ),
          },
          {
            title: t('int.monitor.postedLastHour'),
            dataIndex: 'postedLastHour',
            align: 'right' as const,
          },
          ...POSTING_STATUSES.map((s) => ({
            title: t(POSTING_STATUS_LABEL[s]),
            key: s,
            align: 'right' as const,
            render: (_: unknown, r: ConnectionRow) => <span data-testid={`count-${s}`}>{r.byStatus[s]}</span>,
          })),
          {
            title: t('int.monitor.oldestOpen'),
            dataIndex: 'oldestOpenAt',
            render: (at: string | null) => (at === null ? '—' : instant(at)),
          },
          {
            title: t('int.monitor.lastPosted'),
            dataIndex: 'lastPostedAt',
            render: (at: string | null) => (at === null ? '—' : instant(at)),
          },
          {
            title: t('int.monitor.lastSync'),
            key: 'sync',
            render: (_: unknown, r) => {
              const states = sync.data?.get(r.connectionId)?.items ?? [];
              const failing = states.filter((s) => s.lastError !== null).length;
              const last = states
                .map((s) => s.lastSuccessAt)
                .filter((x): x is string => x !== null)
                .sort()
                .at(-1);
              return (
                <>
                  {last === undefined ? '—' : instant(last)}
                  {failing === 0 ? null : (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      {t('int.monitor.syncFailing', { n: failing })}
                    </Tag>
                  )}
                </>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

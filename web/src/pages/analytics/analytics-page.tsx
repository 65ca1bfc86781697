import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { ChartSeries } from './analytics-chart.tsx';

const AnalyticsChart = lazy(() => import('./analytics-chart.tsx'));

type Anomaly = Awaited<ReturnType<typeof listAnomalies>>['items'][number];
type DrillLine = NonNullable<Awaited<ReturnType<typeof querySpend>>['lines']>[number];

const querySpend = (body: {
  rows: string[];
  columns?: string[];
  measures?: string[];
  filters?: Record<string, string[]>;
  drill?: Record<string, string>;
}) => unwrap(api.POST('/api/v1/analytics/spend:query', { body }));
const listAnomalies = (kind: string | undefined) =>
  unwrap(
    api.GET('/api/v1/analytics/anomalies', {
      params: { query: { limit: 200, ...(kind === undefined ? {} : { kind: kind as never }) } },
    }),
  );

/** The dimensions the page offers down the side (the API knows these ten). */
const DIMENSIONS = [
  'department',
  'category',
  'employee',
  'project',
  'costCenter',
  'supplier',
  'erp',
  'currency',
  'company',
] as const;
const KINDS = [
  'peer_outlier',
  'split_claim',
  'weekend_holiday',
  'round_amount',
  'benford',
  'duplicate',
] as const;
/** A decimal string as a bar length (drawing only: every amount read is the string itself). */
const length = (amount: string | undefined) => Number(amount ?? '0');

/**
 * Analytics (issue #19): spend by a dimension × month as a pivot with an ECharts bar chart — a click on
 * a bar or a cell drills to the claim lines behind it, each linking to its claim; the pivot as an Excel
 * workbook; budget execution by department (budget, occupied, actual, forecast); and the cost
 * anomalies, highest score first, each with its explanation and claim.
 */
export default function AnalyticsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'spend';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('analytics.heading')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'spend', label: t('analytics.tab.spend'), children: <SpendTab /> },
          { key: 'budget', label: t('analytics.tab.budget'), children: <BudgetTab /> },
          { key: 'anomalies', label: t('analytics.tab.anomalies'), children: <AnomaliesTab /> },
        ]}
      />
    </Space>
  );
}

function SpendTab() {
  const { t, money } = useI18n();
  const { message } = App.useApp();
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number]>('department');
  const [drill, setDrill] = useState<{ value: string; period: string } | undefined>();
  const body = useMemo(
    () => ({ rows: [dimension], columns: ['period'], measures: ['amount', 'count'] }),
    [dimension],
  );
  const spend = useRequest(`analytics-spend:${dimension}`, () => querySpend(body));
  const cells = spend.data?.cells ?? [];
  const periods = [...new Set(cells.map((c) => c.column[0] ?? ''))].sort();
  const rowKeys = [...new Set(cells.map((c) => `${c.row[0] ?? ''}\u0000${c.currency}`))].sort();
  const find = (rk: string, period: string) =>
    cells.find((c) => `${c.row[0] ?? ''}\u0000${c.currency}` === rk && c.column[0] === period);
  const series: ChartSeries[] = rowKeys.map((rk) => {
    const [value = '', currency = ''] = rk.split('\u0000');
    return {
      name: `${value} ${currency}`,
      values: periods.map((p) => length(find(rk, p)?.amount)),
      labels: periods.map((p) => {
        const c = find(rk, p);
        return c?.amount === undefined ? '—' : money(c.amount, c.currency);
      }),
    };
  });
  const exportWorkbook = async () => {
    const res = await api.POST('/api/v1/analytics/spend:export', { body, parseAs: 'blob' });
    if (!res.response.ok || !(res.data instanceof Blob)) {
      message.error(t('analytics.exportFailed'));
      return;
    }
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'spend.xlsx';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('analytics.rows')}</span>
        <Select
          data-testid="analytics-dimension"
          value={dimension}
          style={{ width: 180 }}
          onChange={(v) => setDimension(v)}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.dim.${d}` as MessageKey) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={spend.reload}>
          {t('analytics.reload')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void exportWorkbook()}
          data-testid="analytics-export"
        >
          {t('analytics.export')}
        </Button>
        {spend.data === undefined ? null : (
          <Typography.Text type="secondary">
            {spend.data.totals.map((x) => `${money(x.amount, x.currency)} · ${x.count}`).join('；')}
          </Typography.Text>
        )}
      </Space>
      <ErrorNotice error={spend.error} />
      {cells.length === 0 && !spend.loading ? (
        <Empty description={t('analytics.noSpend')} />
      ) : (
        <Card size="small" title={t('analytics.spendByMonth')}>
          <Suspense fallback={null}>
            <AnalyticsChart
              categories={periods}
              series={series}
              stacked
              testId="analytics-spend-chart"
              onPick={(period, name) => setDrill({ value: name.split(' ')[0] ?? '', period })}
            />
          </Suspense>
          <Table
            size="small"
            rowKey={(r) => r.key}
            pagination={false}
            scroll={{ x: true }}
            data-testid="analytics-pivot"
            dataSource={rowKeys.map((rk) => ({ key: rk }))}
            columns={[
              {
                title: t(`analytics.dim.${dimension}` as MessageKey),
                render: (_: unknown, r: { key: string }) => r.key.replace('\u0000', ' · '),
              },
              ...periods.map((p) => ({
                title: p,
                align: 'right' as const,
                render: (_: unknown, r: { key: string }) => {
                  const c = find(r.key, p);
                  if (c?.amount === undefined) return '';
                  return (
                    <a
                      onClick={() => setDrill({ value: c.row[0] ?? '', period: p })}
                      data-testid="analytics-cell"
                    >
                      {money(c.amount, c.currency)}
                    </a>
                  );
                },
              })),
            ]}
          />
        </Card>
      )}
      <DrillModal dimension={dimension} drill={drill} onClose={() => setDrill(undefined)} />
    </Space>
  );
}

function DrillModal({
  dimension,
  drill,
  onClose,
}: {
  readonly dimension: string;
  readonly drill: { value: string; period: string } | undefined;
  readonly onClose: () => void;
}) {
  const { t, money, date } = useI18n();
  const lines = useRequest(`analytics-drill:${dimension}:${drill?.value ?? ''}:${drill?.period ?? ''}`, () =>
    drill === undefined
      ? Promise.resolve(undefined)
      : querySpend({
          rows: [dimension],
          columns: ['period'],
          measures: ['amount'],
          drill: { [dimension]: drill.value, period: drill.period },
        }),
  );
  return (
    <Modal
      open={drill !== undefined}
      onCancel={onClose}
      footer={null}
      width={900}
      title={t('analytics.drillTitle', { value: drill?.value ?? '', period: drill?.period ?? '' })}
    >
      <ErrorNotice error={lines.error} />
      <Table<DrillLine>
        size="small"
        data-testid="analytics-drill-lines"
        loading={lines.loading}
        rowKey={(l) => `${l.claimId}#${l.lineNo}`}
        dataSource={lines.data?.lines ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('analytics.claim'),
            render: (_: unknown, l) => <Link to={l.link}>{`${l.claimNumber} #${l.lineNo}`}</Link>,
          },
          { title: t('analytics.date'), render: (_: unknown, l) => date(l.occurredOn) },
          { title: t('analytics.dim.employee'), dataIndex: 'employeeCode' },
          { title: t('analytics.dim.department'), dataIndex: 'departmentCode' },
          { title: t('analytics.dim.category'), dataIndex: 'categoryCode' },
          {
            title: t('analytics.amount'),
            align: 'right',
            render: (_: unknown, l) => money(l.amount, l.currency),
          },
        ]}
      />
    </Modal>
  );
}

function BudgetTab() {
  const { t, money } = useI18n();
  const year = String(new Date().getFullYear());
  const execution = useRequest(`analytics-budget:${year}`, () =>
    unwrap(api.GET('/api/v1/analytics/budget-execution', { params: { query: { by: 'department', year } } })),
  );
  const items = execution.data?.items ?? [];
  const series: ChartSeries[] = [
    { key: 'actual', color: '#cf1322' },
    { key: 'occupied', color: '#faad14' },
    { key: 'available', color: '#52c41a' },
  ].map((s) => ({
    name: t(`analytics.budget.${s.key}` as MessageKey),
    color: s.color,
    values: items.map((i) => Math.max(0, length(i[s.key as 'actual']))),
    labels: items.map((i) => money(i[s.key as 'actual'], i.currency)),
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorNotice error={execution.error} />
      {items.length === 0 && !execution.loading ? (
        <Empty description={t('analytics.noBudgets')} />
      ) : (
        <Card size="small" title={t('analytics.budgetTitle', { year, asOf: execution.data?.asOf ?? '' })}>
          <Suspense fallback={null}>
            <AnalyticsChart
              categories={items.map((i) => i.key)}
              series={series}
              stacked
              horizontal
              testId="analytics-budget-chart"
            />
          </Suspense>
          <Table
            size="small"
            rowKey={(r) => `${r.key}|${r.currency}`}
            pagination={false}
            data-testid="analytics-budget-table"
            dataSource={items}
            columns={[
              { title: t('analytics.dim.department'), dataIndex: 'key' },
              ...(['budget', 'occupied', 'actual', 'available', 'forecast'] as const).map((k) => ({
                title: t(`analytics.budget.${k}` as MessageKey),
                align: 'right' as const,
                render: (_: unknown, r: (typeof items)[number]) => money(r[k], r.currency),
              })),
              {
                title: t('analytics.budget.burnRate'),
                align: 'right' as const,
                render: (_: unknown, r: (typeof items)[number]) =>
                  r.burnRate === null ? '—' : `${(r.burnRate * 100).toFixed(1)}%`,
              },
              {
                title: t('analytics.budget.forecastVariance'),
                align: 'right' as const,
                render: (_: unknown, r: (typeof items)[number]) =>
                  r.forecastVariance.startsWith('-') ? (
                    money(r.forecastVariance, r.currency)
                  ) : (
                    <Tag color="red">{money(r.forecastVariance, r.currency)}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function AnomaliesTab() {
  const { t, pick, money } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<string | undefined>();
  const [scanning, setScanning] = useState(false);
  const anomalies = useRequest(`analytics-anomalies:${kind ?? ''}`, () => listAnomalies(kind));
  const scan = async () => {
    setScanning(true);
    try {
      const res = await unwrap(api.POST('/api/v1/analytics/anomalies:scan', {}));
      message.success(t('analytics.scanned', { count: res.anomalies }));
      anomalies.reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setScanning(false);
    }
  };
  const items = anomalies.data?.items ?? [];
  const byKind = KINDS.map((k) => items.filter((a) => a.kind === k).length);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          data-testid="analytics-kind"
          placeholder={t('analytics.allKinds')}
          style={{ width: 200 }}
          value={kind}
          onChange={(v) => setKind(v)}
          options={KINDS.map((k) => ({ value: k, label: t(`analytics.kind.${k}` as MessageKey) }))}
        />
        <Button
          icon={<ReloadOutlined />}
          loading={scanning}
          onClick={() => void scan()}
          data-testid="analytics-scan"
        >
          {t('analytics.scan')}
        </Button>
      </Space>
      <ErrorNotice error={anomalies.error} />
      {kind === undefined && items.length > 0 ? (
        <Suspense fallback={null}>
          <AnalyticsChart
            categories={KINDS.map((k) => t(`analytics.kind.${k}` as MessageKey))}
            series={[{ name: t('analytics.count'), values: byKind, labels: byKind.map(String) }]}
            testId="analytics-anomaly-chart"
            onPick={(label) => setKind(KINDS.find((k) => t(`analytics.kind.${k}` as MessageKey) === label))}
          />
        </Suspense>
      ) : null}
      <Table<Anomaly>
        size="small"
        data-testid="analytics-anomalies"
        loading={anomalies.loading}
        rowKey="id"
        dataSource={items}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('analytics.score'),
            dataIndex: 'score',
            width: 80,
            render: (s: number) => <Tag color={s >= 70 ? 'red' : s >= 45 ? 'orange' : 'blue'}>{s}</Tag>,
          },
          {
            title: t('analytics.kindTitle'),
            width: 130,
            render: (_: unknown, a) => t(`analytics.kind.${a.kind}` as MessageKey),
          },
          { title: t('analytics.explanation'), render: (_: unknown, a) => pick(a.explanation) },
          {
            title: t('analytics.amount'),
            align: 'right',
            width: 130,
            render: (_: unknown, a) =>
              a.amount === null || a.currency === null ? '' : money(a.amount, a.currency),
          },
          {
            title: t('analytics.claim'),
            width: 150,
            render: (_: unknown, a) =>
              a.link === null ? (
                (a.employeeCode ?? a.departmentCode ?? '')
              ) : (
                <Link to={a.link} data-testid="analytics-claim-link">
                  {a.claimNumber}
                </Link>
              ),
          },
        ]}
      />
    </Space>
  );
}

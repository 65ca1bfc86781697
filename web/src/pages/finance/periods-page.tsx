import { LockOutlined, ReloadOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Closed = Schemas['ClosedPeriodView'];
interface Row {
  readonly period: string;
  readonly closed: Closed | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Finance: closed periods (结账). The twelve months of a year, each open or closed with who closed it
 * and when (GET /api/v1/periods lists the closed ones); **Close** and **Reopen** (PUT
 * /api/v1/periods/{period}). No claim dated in a closed period can be submitted, and no voucher
 * dated in it is written at approval, reversal or correction.
 */
export default function PeriodsPage() {
  const { t, instant } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const now = new Date();
  const thisYear = now.getFullYear();
  const thisMonth = `${thisYear}-${pad(now.getMonth() + 1)}`;
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const closed = useRequest('finance-periods', () => unwrap(api.GET('/api/v1/periods')));
  const byPeriod = new Map((closed.data?.items ?? []).map((p) => [p.period, p]));
  const rows: Row[] = Array.from({ length: 12 }, (_, i) => {
    const period = `${year}-${pad(i + 1)}`;
    return { period, closed: byPeriod.get(period) };
  });
  const elsewhere = (closed.data?.items ?? []).filter((p) => !p.period.startsWith(`${year}-`));
  const years = [...new Set([thisYear - 2, thisYear - 1, thisYear, thisYear + 1, year])].sort();

  const change = async (period: string, status: 'closed' | 'open') => {
    setError(undefined);
    setBusy(period);
    try {
      await unwrap(api.PUT('/api/v1/periods/{period}', { params: { path: { period } }, body: { status } }));
      void message.success(
        t(status === 'closed' ? 'finance.period.closedNow' : 'finance.period.reopenedNow', { period }),
      );
      closed.reload();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const columns = [
    {
      title: t('finance.period'),
      width: 190,
      render: (_: unknown, r: Row) => (
        <Space>
          <Typography.Text strong>{r.period}</Typography.Text>
          {r.period === thisMonth ? <Tag color="blue">{t('finance.period.current')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('finance.period.status'),
      width: 120,
      render: (_: unknown, r: Row) =>
        r.closed === undefined ? (
          <Tag color="green" data-status="open">
            {t('finance.period.open')}
          </Tag>
        ) : (
          <Tag color="red" icon={<LockOutlined />} data-status="closed">
            {t('finance.period.closed')}
          </Tag>
        ),
    },
    { title: t('finance.period.closedBy'), render: (_: unknown, r: Row) => r.closed?.closedBy ?? '—' },
    {
      title: t('finance.period.closedAt'),
      render: (_: unknown, r: Row) => (r.closed === undefined ? '—' : instant(r.closed.closedAt)),
    },
    {
      title: '',
      width: 130,
      render: (_: unknown, r: Row) =>
        r.closed === undefined ? (
          <Popconfirm
            title={t('finance.period.closeConfirm', { period: r.period })}
            description={t('finance.period.closeWhat')}
            okText={t('finance.period.close')}
            cancelText={t('finance.cancel')}
            onConfirm={() => void change(r.period, 'closed')}
          >
            <Button
              size="small"
              danger
              icon={<LockOutlined />}
              loading={busy === r.period}
              data-testid="period-close"
            >
              {t('finance.period.close')}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={t('finance.period.reopenConfirm', { period: r.period })}
            okText={t('finance.period.reopen')}
            cancelText={t('finance.cancel')}
            onConfirm={() => void change(r.period, 'open')}
          >
            <Button
              size="small"
              icon={<UnlockOutlined />}
              loading={busy === r.period}
              data-testid="period-reopen"
            >
              {t('finance.period.reopen')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-periods">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('finance.period.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={closed.reload} aria-label={t('finance.reload')} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.period.intro')}
      </Typography.Paragraph>
      <Segmented<number>
        value={year}
        onChange={(y) => setParams({ year: String(y) }, { replace: true })}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        data-testid="period-year"
      />
      <ErrorNotice error={closed.error ?? error} />
      <Table<Row>
        data-testid="period-table"
        rowKey="period"
        size="middle"
        loading={closed.loading}
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={rows}
        onRow={(r) => ({ 'data-period': r.period }) as object}
        columns={columns}
      />
      {elsewhere.length === 0 ? null : (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('finance.period.otherYears')}
          </Typography.Title>
          <Table<Row>
            rowKey="period"
            size="small"
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={elsewhere.map((p) => ({ period: p.period, closed: p }))}
            columns={columns}
          />
        </>
      )}
    </Space>
  );
}

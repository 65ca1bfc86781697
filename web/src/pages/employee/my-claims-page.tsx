import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Drawer, Form, Grid, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { ExpenseDocument, ExpenseStatus } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ClaimDetail } from './claim-detail.tsx';
import { STATUSES, STATUS_LABELS, StatusTag } from './status.tsx';

const PAGE_SIZE = 20;

interface Filters {
  readonly status: ExpenseStatus | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

const isStatus = (value: string | null): value is ExpenseStatus =>
  value !== null && (STATUSES as readonly string[]).includes(value);
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Employee: my claims (GET /api/v1/expense-claims?mine=true) with status and date filters kept in
 * the address (so a link or a reload shows the same list), keyset pages, and a claim's details with
 * its status timeline in a drawer at /claims/{id}.
 */
export default function MyClaimsPage() {
  const { t, money, date } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const status = params.get('status');
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const filters: Filters = {
    status: isStatus(status) ? status : undefined,
    from: isDate(fromParam) ? fromParam : undefined,
    to: isDate(toParam) ? toParam : undefined,
  };
  // keyset pages: the cursors of the pages seen so far ([0] is the first page: no cursor)
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];
  const key = JSON.stringify({ filters, cursor });
  const list = useRequest(key, () =>
    unwrap(
      api.GET('/api/v1/expense-claims', {
        params: {
          query: {
            mine: true,
            limit: PAGE_SIZE,
            ...(filters.status === undefined ? {} : { status: filters.status }),
            ...(filters.from === undefined ? {} : { from: filters.from }),
            ...(filters.to === undefined ? {} : { to: filters.to }),
            ...(cursor === undefined ? {} : { cursor }),
          },
        },
      }),
    ),
  );

  const applyFilters = (values: { status?: ExpenseStatus; dates?: [Dayjs, Dayjs] | null }) => {
    const next = new URLSearchParams();
    if (values.status !== undefined) next.set('status', values.status);
    if (values.dates) {
      next.set('from', values.dates[0].format('YYYY-MM-DD'));
      next.set('to', values.dates[1].format('YYYY-MM-DD'));
    }
    setCursors([undefined]);
    setParams(next);
  };
  const search = params.toString() === '' ? '' : `?${params.toString()}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('claims.title')}
        </Typography.Title>
        <Link to="/claims/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('claims.new')}
          </Button>
        </Link>
      </div>
      <Form
        layout={screens.md === true ? 'inline' : 'vertical'}
        key={search}
        initialValues={{
          status: filters.status,
          dates:
            filters.from !== undefined && filters.to !== undefined
              ? [dayjs(filters.from), dayjs(filters.to)]
              : null,
        }}
        onFinish={applyFilters}
        data-testid="claim-filters"
      >
        <Form.Item name="status" label={t('claims.status')}>
          <Select<ExpenseStatus>
            allowClear
            placeholder={t('claims.anyStatus')}
            style={{ minWidth: 140 }}
            options={STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))}
            data-testid="status-filter"
          />
        </Form.Item>
        <Form.Item name="dates" label={t('claims.dates')}>
          <DatePicker.RangePicker allowClear />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="apply-filters">
              {t('claims.search')}
            </Button>
            <Button onClick={() => applyFilters({})}>{t('claims.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error === undefined ? null : <ErrorNotice error={list.error} />}
      <Table<ExpenseDocument>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('claims.empty') }}
        data-testid="claims-table"
        columns={[
          { title: t('claims.number'), dataIndex: 'number' },
          { title: t('claims.subject'), dataIndex: 'title', ellipsis: true },
          { title: t('claims.date'), dataIndex: 'date', render: (d: string) => date(d) },
          {
            title: t('claims.total'),
            key: 'total',
            align: 'right',
            render: (_: unknown, c) => money(c.total, c.currency),
          },
          {
            title: t('claims.status'),
            dataIndex: 'status',
            render: (s: ExpenseStatus) => <StatusTag status={s} />,
          },
          {
            title: t('claims.actions'),
            key: 'actions',
            render: (_: unknown, c) => (
              <Link to={`/claims/${c.id}${search}`} data-testid="open-claim">
                {t('claims.view')}
              </Link>
            ),
          },
        ]}
      />
      <Space>
        <Button
          disabled={page <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
          data-testid="previous-page"
        >
          {t('claims.previous')}
        </Button>
        <Typography.Text>{t('claims.page', { page })}</Typography.Text>
        <Button
          disabled={list.data?.nextCursor == null}
          onClick={() => {
            const next = list.data?.nextCursor;
            if (next != null) setCursors((c) => [...c, next]);
          }}
          data-testid="next-page"
        >
          {t('claims.next')}
        </Button>
      </Space>
      <Drawer
        open={id !== undefined}
        width={screens.md === true ? 720 : '100%'}
        title={t('claim.detail')}
        onClose={() => void navigate(`/claims${search}`)}
        destroyOnHidden
      >
        {id === undefined ? null : <ClaimDetail id={id} />}
      </Drawer>
    </Space>
  );
}

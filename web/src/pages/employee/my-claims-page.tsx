import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Drawer, Form, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ExpenseDocument, ExpenseStatus } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import {
  TABS,
  kindOfTab,
  listMine,
  listMineUrl,
  tabOfKind,
  type DocumentKind,
  type MineQuery,
} from './documents.ts';
import { ReversalTag, STATUSES, STATUS_LABELS, StatusTag } from './status.tsx';
import { useScreens } from '../../components/use-screens.ts';

const PAGE_SIZE = 20;
/**
 * A long subject is cut with an ellipsis by CSS alone. (antd's own `ellipsis` column and a table-wide
 * `scroll.x` make the table measure every column after its first render and render again: about a
 * fifth of the list's first paint on a 2-core machine, npm run bench -- console.)
 */
const CLIPPED = {
  display: 'inline-block',
  maxWidth: 360,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
} as const;
/** A document's details (lines, approval chain, voucher, invoices…) load only when one is opened. */
const ClaimDetail = lazy(() => import('./claim-detail.tsx').then((m) => ({ default: m.ClaimDetail })));

interface Filters {
  readonly status: ExpenseStatus | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

const isStatus = (value: string | null): value is ExpenseStatus =>
  value !== null && (STATUSES as readonly string[]).includes(value);
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The filters as the address carries them (anything malformed is left out). */
const filtersOf = (params: URLSearchParams): Filters => {
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  return {
    status: isStatus(status) ? status : undefined,
    from: isDate(from) ? from : undefined,
    to: isDate(to) ? to : undefined,
  };
};

const queryOf = (filters: Filters, cursor: string | undefined): MineQuery => ({
  limit: PAGE_SIZE,
  ...(filters.status === undefined ? {} : { status: filters.status }),
  ...(filters.from === undefined ? {} : { from: filters.from }),
  ...(filters.to === undefined ? {} : { to: filters.to }),
  ...(cursor === undefined ? {} : { cursor }),
});

const EMPTY: Record<DocumentKind, MessageKey> = {
  claim: 'claims.empty',
  request: 'mine.empty.requests',
  advance: 'mine.empty.advances',
};
const DETAIL_TITLE: Record<DocumentKind, MessageKey> = {
  claim: 'claim.detail',
  request: 'mine.detail.request',
  advance: 'mine.detail.advance',
};

/** Where the tab's "new" button leads: a new document of the tab's kind. */
const NEW_OF: Readonly<Record<DocumentKind, { path: string; label: MessageKey }>> = {
  claim: { path: '/claims/new', label: 'claims.new' },
  request: { path: '/requests/new', label: 'claims.newRequest' },
  advance: { path: '/advances/new', label: 'claims.newAdvance' },
};

/**
 * Employee: my claims (报销单), pre-approval requests (事前申请) and advances (借款), a tab each
 * (GET /api/v1/expense-claims, /expense-requests, /advances with mine=true), with the tab, status
 * and date filters kept in the address (so a link or a reload shows the same list), keyset pages, the
 * reversal (红冲) of a reversed or corrected document beside its status, what an advance still owes,
 * and a document's details with its approval chain and timeline in a drawer at /claims/{id}.
 */
export default function MyClaimsPage() {
  const { t, money, date } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const screens = useScreens();
  const kind = kindOfTab(params.get('tab'));
  const filters = filtersOf(params);
  // keyset pages: the cursors of the pages seen so far ([0] is the first page: no cursor), per list
  const listKey = JSON.stringify({ kind, filters });
  const [paging, setPaging] = useState<{ for: string; cursors: readonly (string | undefined)[] }>({
    for: listKey,
    cursors: [undefined],
  });
  const cursors = paging.for === listKey ? paging.cursors : [undefined];
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];
  const list = useRequest(
    JSON.stringify({ kind, filters, cursor }),
    () => listMine(kind, queryOf(filters, cursor)),
    listMineUrl(kind, queryOf(filters, cursor)),
  );

  const applyFilters = (values: { status?: ExpenseStatus; dates?: [Dayjs, Dayjs] | null }) => {
    const next = new URLSearchParams();
    if (kind !== 'claim') next.set('tab', tabOfKind(kind));
    if (values.status !== undefined) next.set('status', values.status);
    if (values.dates) {
      next.set('from', values.dates[0].format('YYYY-MM-DD'));
      next.set('to', values.dates[1].format('YYYY-MM-DD'));
    }
    setParams(next);
  };
  const switchTab = (tab: string) => {
    const next = new URLSearchParams(params);
    if (tab === 'claims') next.delete('tab');
    else next.set('tab', tab);
    setParams(next);
  };
  const search = params.toString() === '' ? '' : `?${params.toString()}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('mine.title')}
        </Typography.Title>
        <Link to={NEW_OF[kind].path}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-document">
            {t(NEW_OF[kind].label)}
          </Button>
        </Link>
      </div>
      <Tabs
        activeKey={tabOfKind(kind)}
        onChange={switchTab}
        items={TABS.map((x) => ({ key: x.tab, label: <span data-tab={x.tab}>{t(x.label)}</span> }))}
        data-testid="my-documents-tabs"
        style={{ marginBottom: -8 }}
      />
      <Form
        layout={screens.md ? 'inline' : 'vertical'}
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
            options={STATUSES.filter((s) => kind !== 'request' || (s !== 'posted' && s !== 'paid')).map(
              (s) => ({ value: s, label: t(STATUS_LABELS[s]) }),
            )}
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
      {/* a narrow screen scrolls the list sideways */}
      <div style={{ overflowX: 'auto' }}>
        <Table<ExpenseDocument>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t(EMPTY[kind]) }}
          data-testid="claims-table"
          data-kind={kind}
          columns={[
            { title: t('claims.number'), dataIndex: 'number' },
            {
              title: t('claims.subject'),
              dataIndex: 'title',
              render: (title: string) => (
                <span style={CLIPPED} title={title}>
                  {title}
                </span>
              ),
            },
            { title: t('claims.date'), dataIndex: 'date', render: (d: string) => date(d) },
            {
              title: t('claims.total'),
              key: 'total',
              align: 'right',
              render: (_: unknown, c) => money(c.total, c.currency),
            },
            ...(kind === 'advance'
              ? [
                  {
                    title: t('mine.outstanding'),
                    key: 'outstanding',
                    align: 'right' as const,
                    render: (_: unknown, c: ExpenseDocument) =>
                      c.advance === undefined ? '—' : money(c.advance.outstanding, c.currency),
                  },
                ]
              : []),
            {
              title: t('claims.status'),
              key: 'status',
              render: (_: unknown, c) => (
                <Space size={4} wrap>
                  <StatusTag status={c.status} />
                  <ReversalTag doc={c} />
                </Space>
              ),
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
      </div>
      <Space>
        <Button
          disabled={page <= 1}
          onClick={() => setPaging({ for: listKey, cursors: cursors.slice(0, -1) })}
          data-testid="previous-page"
        >
          {t('claims.previous')}
        </Button>
        <Typography.Text>{t('claims.page', { page })}</Typography.Text>
        <Button
          disabled={list.data?.nextCursor == null}
          onClick={() => {
            const next = list.data?.nextCursor;
            if (next != null) setPaging({ for: listKey, cursors: [...cursors, next] });
          }}
          data-testid="next-page"
        >
          {t('claims.next')}
        </Button>
      </Space>
      <Drawer
        open={id !== undefined}
        width={screens.md ? 720 : '100%'}
        title={t(DETAIL_TITLE[kind])}
        onClose={() => void navigate(`/claims${search}`)}
        destroyOnHidden
      >
        {id === undefined ? null : (
          <Suspense fallback={<Skeleton active />}>
            <ClaimDetail id={id} kind={kind} />
          </Suspense>
        )}
      </Drawer>
    </Space>
  );
}

import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Json, PageHeader } from './shared.tsx';

type Query = NonNullable<operations['listAuditEntries']['parameters']['query']>;
type Page = operations['listAuditEntries']['responses'][200]['content']['application/json'];
type Entry = Page['items'][number];
type Verification = operations['verifyAuditLog']['responses'][200]['content']['application/json'];

interface Filters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZES = [20, 50, 100] as const;

/** The filters as the API's query: blank fields left out, the period as UTC instants. */
function toQuery(filters: Filters): Query {
  const query: Query = {};
  for (const key of ['entityType', 'entityId', 'actor', 'action'] as const) {
    const value = filters[key]?.trim();
    if (value !== undefined && value !== '') query[key] = value;
  }
  const [from, to] = filters.period ?? [null, null];
  if (from !== null) query.from = from.toISOString();
  if (to !== null) query.to = to.toISOString();
  return query;
}

/**
 * Administration: the audit log (GET /api/v1/audit-log, audit:read — administrators and auditors),
 * newest first, filtered by entity, actor, action and time, paged by its cursor; each entry opens to
 * what it recorded before and after. Above it, the hash chain's verification (POST …:verify), run
 * when the page opens: intact up to entry N, or broken at entry N and why.
 */
export default function AuditPage() {
  const { t, instant } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>({});
  const [limit, setLimit] = useState<number>(20);
  // cursors of the pages before this one: [] on the first page
  const [cursors, setCursors] = useState<readonly (number | undefined)[]>([]);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const [verifyRound, setVerifyRound] = useState(0);

  const page = useRequest(`audit-${JSON.stringify(query)}-${limit}-${before ?? ''}`, () =>
    unwrap(
      api.GET('/api/v1/audit-log', {
        params: { query: { ...query, limit, ...(before === undefined ? {} : { before }) } },
      }),
    ),
  );
  const verification = useRequest(`audit-verify-${verifyRound}`, () =>
    unwrap(api.POST('/api/v1/audit-log:verify')),
  );
  const broken = new Set(verification.data?.problems.map((p) => p.seq));

  const search = (filters: Filters) => {
    setQuery(toQuery(filters));
    setCursors([]);
    setBefore(undefined);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('admin.audit.title')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={verification.loading}
            onClick={() => setVerifyRound((r) => r + 1)}
            data-testid="verify-chain"
          >
            {t('admin.audit.verifyAgain')}
          </Button>
        }
      />
      <ChainVerdict verification={verification.data} loading={verification.loading} />
      <ErrorNotice error={verification.error ?? page.error} />

      <Form<Filters> form={form} layout="inline" onFinish={search} data-testid="audit-filters">
        <Form.Item name="entityType" label={t('admin.audit.entityType')}>
          <Input allowClear placeholder="Company, api_client, Supplier…" style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="entityId" label={t('admin.audit.entityId')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="actor" label={t('admin.audit.actor')}>
          <Input allowClear placeholder="user:admin" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Input allowClear placeholder="create, update, rotate…" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="period" label={t('admin.audit.period')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('admin.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              {t('admin.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>

      <Table<Entry>
        rowKey="seq"
        size="small"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
        onRow={(e) => (broken.has(e.seq) ? { style: { background: '#fff1f0' } } : {})}
        expandable={{
          expandedRowRender: (e) => (
            <Space align="start" style={{ width: '100%' }} wrap>
              <div style={{ minWidth: 280, maxWidth: 560 }}>
                <Typography.Text type="secondary">{t('admin.audit.before')}</Typography.Text>
                <Json value={e.before} />
              </div>
              <div style={{ minWidth: 280, maxWidth: 560 }}>
                <Typography.Text type="secondary">{t('admin.audit.after')}</Typography.Text>
                <Json value={e.after} testId="audit-after" />
              </div>
              <div>
                <Typography.Text type="secondary">{t('admin.audit.hash')}</Typography.Text>
                <div>
                  <Typography.Text code style={{ fontSize: 11 }}>
                    {e.hash}
                  </Typography.Text>
                </div>
              </div>
            </Space>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('admin.audit.at'), dataIndex: 'at', render: (at: string) => instant(at) },
          { title: t('admin.audit.actor'), dataIndex: 'actor' },
          {
            title: t('admin.audit.action'),
            dataIndex: 'action',
            render: (a: string) => <Tag>{a}</Tag>,
          },
          { title: t('admin.audit.entityType'), dataIndex: 'entityType' },
          {
            title: t('admin.audit.entityId'),
            dataIndex: 'entityId',
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          {
            title: t('admin.audit.requestId'),
            dataIndex: 'requestId',
            render: (id: string | null) => id ?? '—',
          },
        ]}
      />
      <Space wrap>
        <Button
          disabled={cursors.length === 0}
          onClick={() => {
            setBefore(cursors.at(-1));
            setCursors((c) => c.slice(0, -1));
          }}
          data-testid="audit-previous"
        >
          {t('admin.previous')}
        </Button>
        <Typography.Text>{t('admin.page', { page: cursors.length + 1 })}</Typography.Text>
        <Button
          disabled={page.data?.nextBefore == null}
          onClick={() => {
            const next = page.data?.nextBefore;
            if (next === null || next === undefined) return;
            setCursors((c) => [...c, before]);
            setBefore(next);
          }}
          data-testid="audit-next"
        >
          {t('admin.next')}
        </Button>
        <Select<number>
          size="small"
          value={limit}
          onChange={(n) => {
            setLimit(n);
            setCursors([]);
            setBefore(undefined);
          }}
          options={PAGE_SIZES.map((n) => ({ value: n, label: t('admin.perPage', { n }) }))}
        />
      </Space>
    </Space>
  );
}

/** The chain's verdict, large: intact up to entry N, or broken at entry N with the reason. */
function ChainVerdict({
  verification,
  loading,
}: {
  readonly verification: Verification | undefined;
  readonly loading: boolean;
}) {
  const { t } = useI18n();
  if (verification === undefined)
    return loading ? <Alert type="info" showIcon message={t('admin.audit.verifying')} /> : null;
  if (verification.intact)
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        data-testid="chain-verdict"
        data-intact="true"
        message={
          <Typography.Text strong style={{ fontSize: 16 }}>
            {verification.entries === 0
              ? t('admin.audit.empty')
              : t('admin.audit.intact', { n: verification.entries })}
          </Typography.Text>
        }
        description={t('admin.audit.intactDetail')}
      />
    );
  const first = [...verification.problems].sort((a, b) => a.seq - b.seq)[0];
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleFilled />}
      data-testid="chain-verdict"
      data-intact="false"
      message={
        <Typography.Text strong style={{ fontSize: 16 }}>
          {first === undefined
            ? t('admin.audit.brokenUnknown')
            : t('admin.audit.broken', { n: first.seq, kind: first.kind, up: Math.max(0, first.seq - 1) })}
        </Typography.Text>
      }
      description={
        <Space direction="vertical" size={2}>
          {verification.problems.map((p) => (
            <Typography.Text key={`${p.kind}-${p.seq}`}>
              {t('admin.audit.problem', { n: p.seq, kind: p.kind, detail: p.detail })}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}

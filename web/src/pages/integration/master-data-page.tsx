import { CloudDownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useConnections } from './shared.tsx';
import type { BulkResult, SyncRun, SyncState } from './types.ts';

/** What every master-data list answers per record (each resource's schema has at least these). */
interface MasterRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly status: 'active' | 'inactive';
  readonly updatedAt: string;
  readonly version: number;
}
interface ListAnswer {
  readonly items: readonly MasterRecord[];
  readonly nextCursor: string | null;
}
type Query = { limit: number; q?: string };
type Items = Record<string, unknown>[];

/** FinBridge's own master data: the list and bulk-upsert routes of each resource (literal paths, typed). */
const RESOURCES = {
  departments: {
    list: (query: Query): Promise<ListAnswer> =>
      unwrap(api.GET('/api/v1/departments', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/departments:bulk-upsert', { body: { items, atomic } })),
  },
  employees: {
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/employees', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/employees:bulk-upsert', { body: { items, atomic } })),
  },
  suppliers: {
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/suppliers', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/suppliers:bulk-upsert', { body: { items, atomic } })),
  },
  customers: {
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/customers', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/customers:bulk-upsert', { body: { items, atomic } })),
  },
  accounts: {
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/accounts', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/accounts:bulk-upsert', { body: { items, atomic } })),
  },
  projects: {
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/projects', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/projects:bulk-upsert', { body: { items, atomic } })),
  },
  'cost-centers': {
    list: (query: Query): Promise<ListAnswer> =>
      unwrap(api.GET('/api/v1/cost-centers', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/cost-centers:bulk-upsert', { body: { items, atomic } })),
  },
  'expense-categories': {
    list: (query: Query): Promise<ListAnswer> =>
      unwrap(api.GET('/api/v1/expense-categories', { params: { query } })),
    bulk: (items: Items, atomic: boolean) =>
      unwrap(api.POST('/api/v1/expense-categories:bulk-upsert', { body: { items, atomic } })),
  },
} as const;
type Resource = keyof typeof RESOURCES;
const isResource = (r: string | null): r is Resource => r !== null && Object.hasOwn(RESOURCES, r);

const SCHEDULES = [null, 900, 3600, 6 * 3600, 86_400] as const;

/** CSV with a header row (RFC 4180 quotes) → one object per row; blank cells left out. */
function parseCsv(text: string): Items {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows.filter((r) => r.some((x) => x.trim() !== ''));
  if (header === undefined) return [];
  const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  return body.map((r) =>
    Object.fromEntries(
      names.flatMap((n, i) => {
        const v = r[i]?.trim() ?? '';
        return v === '' ? [] : [[n, v]];
      }),
    ),
  );
}

/**
 * Integration: master data — each connection's pulls from the ERP (GET …/sync; schedules PUT
 * …/sync/schedules; pull now POST …/sync/{object}) and FinBridge's own master data with a bulk
 * upsert from a CSV or JSON file (POST /api/v1/{resource}:bulk-upsert).
 */
export default function MasterDataPage() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('int.master.title')}
      </Typography.Title>
      <ErpPulls />
      <OwnMasterData />
    </Space>
  );
}

function ErpPulls() {
  const { t, instant } = useI18n();
  const connections = useConnections();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('connection');
  const connection = connections.data?.items.find((c) => c.id === chosen) ?? connections.data?.items[0];
  const id = connection?.id;
  const states = useRequest(`sync-${id ?? ''}`, () =>
    id === undefined
      ? Promise.resolve(undefined)
      : unwrap(api.GET('/api/v1/connections/{id}/sync', { params: { path: { id } } })),
  );
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [runs, setRuns] = useState<Readonly<Record<string, SyncRun>>>({});

  const pull = async (object: string) => {
    if (id === undefined) return;
    setBusy(object);
    setError(undefined);
    try {
      const run = await unwrap(
        api.POST('/api/v1/connections/{id}/sync/{object}', { params: { path: { id, object } } }),
      );
      setRuns((r) => ({ ...r, [object]: run }));
      states.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const schedule = async (object: string, every: number | null) => {
    if (id === undefined) return;
    setError(undefined);
    try {
      await unwrap(
        api.PUT('/api/v1/connections/{id}/sync/schedules', {
          params: { path: { id } },
          body: { [object]: every },
        }),
      );
      states.reload();
    } catch (e) {
      setError(e);
    }
  };
  const rows = (states.data?.pullable ?? []).map(
    (object): Partial<SyncState> & { object: string } =>
      states.data?.items.find((s) => s.object === object) ?? { object },
  );
  const everyLabel = (s: number | null) =>
    s === null
      ? t('int.master.off')
      : s % 3600 === 0
        ? t('int.master.hours', { n: s / 3600 })
        : t('int.master.minutes', { n: s / 60 });

  return (
    <Card size="small" title={t('int.master.pulls')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('int.connection')}</Typography.Text>
          <Select
            style={{ minWidth: 280 }}
            value={connection?.id ?? null}
            options={(connections.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(c: string) => setParams({ connection: c })}
          />
        </Space>
        <ErrorNotice error={error ?? states.error ?? connections.error} />
        <Table
          rowKey="object"
          size="middle"
          loading={states.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="sync-table"
          locale={{ emptyText: t('int.master.nothingPullable') }}
          columns={[
            { title: t('int.sync.object'), dataIndex: 'object' },
            {
              title: t('int.master.schedule'),
              key: 'every',
              render: (_: unknown, s) => (
                <Select<number | null>
                  size="small"
                  style={{ minWidth: 130 }}
                  value={s.everySeconds ?? null}
                  onChange={(v) => void schedule(s.object, v)}
                  options={[...new Set([...SCHEDULES, s.everySeconds ?? null])].map((v) => ({
                    value: v,
                    label: everyLabel(v),
                  }))}
                  data-testid={`schedule-${s.object}`}
                />
              ),
            },
            {
              title: t('int.master.nextRun'),
              dataIndex: 'nextRunAt',
              render: (at: string | null | undefined) => (at == null ? '—' : instant(at)),
            },
            {
              title: t('int.sync.lastSuccess'),
              dataIndex: 'lastSuccessAt',
              render: (at: string | null | undefined) => (at == null ? '—' : instant(at)),
            },
            {
              title: t('int.master.lastCount'),
              dataIndex: 'lastCount',
              render: (n: number | undefined) => n ?? '—',
            },
            {
              title: t('int.sync.count'),
              dataIndex: 'totalCount',
              render: (n: number | undefined) => n ?? '—',
            },
            {
              title: t('int.sync.lastError'),
              dataIndex: 'lastError',
              render: (e: string | null | undefined) =>
                e == null ? '—' : <Typography.Text type="danger">{e}</Typography.Text>,
            },
            {
              title: t('int.actions'),
              key: 'a',
              render: (_: unknown, s) => {
                const run = runs[s.object];
                return (
                  <Space wrap>
                    <Button
                      size="small"
                      icon={<CloudDownloadOutlined />}
                      loading={busy === s.object || s.running === true}
                      onClick={() => void pull(s.object)}
                      data-testid={`pull-${s.object}`}
                    >
                      {t('int.master.pullNow')}
                    </Button>
                    {run === undefined ? null : run.ok ? (
                      <Tag color="green" data-testid="pull-result">
                        {t('int.master.pulled', { n: run.records, pages: run.pages })}
                      </Tag>
                    ) : (
                      <Tag color="red" data-testid="pull-result">
                        {run.failure?.code}: {run.failure?.message}
                      </Tag>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
        <Typography.Text type="secondary">{t('int.master.noErpBrowser')}</Typography.Text>
      </Space>
    </Card>
  );
}

function OwnMasterData() {
  const { t, instant } = useI18n();
  const [resource, setResource] = useState<Resource>('departments');
  const [q, setQ] = useState('');
  const list = useRequest(`md-${resource}-${q}`, () =>
    RESOURCES[resource].list({ limit: 200, ...(q === '' ? {} : { q }) }),
  );
  const [atomic, setAtomic] = useState(false);
  const [result, setResult] = useState<BulkResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      const text = await file.text();
      const parsed: unknown = /\.json$/i.test(file.name) ? JSON.parse(text) : parseCsv(text);
      const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown }).items;
      if (!Array.isArray(items) || items.length === 0) throw new Error(t('int.master.emptyFile'));
      setResult(await RESOURCES[resource].bulk(items as Items, atomic));
      list.reload();
    } catch (e) {
      setError(e instanceof SyntaxError ? new Error(t('int.mapping.badJson')) : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('int.master.own')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select<Resource>
            value={resource}
            style={{ minWidth: 180 }}
            onChange={(r) => {
              if (isResource(r)) setResource(r);
              setResult(undefined);
            }}
            options={Object.keys(RESOURCES).map((r) => ({ value: r, label: r }))}
            data-testid="md-resource"
          />
          <Input.Search
            allowClear
            placeholder={t('int.master.search')}
            onSearch={setQ}
            style={{ width: 220 }}
          />
        </Space>
        <ErrorNotice error={list.error} />
        <Table<MasterRecord>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={[...(list.data?.items ?? [])]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="md-table"
          columns={[
            { title: t('int.master.code'), dataIndex: 'code' },
            { title: t('int.connections.name'), dataIndex: 'name' },
            {
              title: t('int.connections.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{s}</Tag>,
            },
            { title: t('int.master.version'), dataIndex: 'version' },
            { title: t('int.postings.updated'), dataIndex: 'updatedAt', render: (at: string) => instant(at) },
          ]}
        />
        <Typography.Title level={5}>{t('int.master.bulk')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('int.master.bulkHint')}</Typography.Paragraph>
        <Space wrap>
          <Upload
            accept=".csv,.json,text/csv,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="md-upload">
              {t('int.master.upload')}
            </Button>
          </Upload>
          <Space>
            <Switch checked={atomic} onChange={setAtomic} />
            <Typography.Text>{t('int.master.atomic')}</Typography.Text>
          </Space>
        </Space>
        <ErrorNotice error={error} />
        {result === undefined ? null : (
          <>
            <Alert
              type={result.failed > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="md-bulk-result"
              message={t('int.master.bulkDone', {
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
                failed: result.failed,
              })}
            />
            <Table
              size="small"
              rowKey="index"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={result.items.filter((i) => i.status === 'failed')}
              columns={[
                { title: '#', dataIndex: 'index', render: (i: number) => i + 1 },
                { title: t('int.master.code'), dataIndex: 'key', render: (k: string | null) => k ?? '—' },
                {
                  title: t('int.master.errors'),
                  dataIndex: 'errors',
                  render: (errors: BulkResult['items'][number]['errors']) =>
                    (errors ?? []).map((e) => (
                      <div key={`${e.pointer}-${e.code}`}>{`${e.pointer}: ${e.message}`}</div>
                    )),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}

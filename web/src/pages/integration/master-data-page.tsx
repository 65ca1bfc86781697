import { CloudDownloadOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
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

type FileBody = { fileName: string; content: string };
type Imported = operations['importSuppliers']['responses'][200]['content']['application/json'];

/**
 * FinBridge's own master data: the list, bulk-upsert and file-import routes of each resource (literal
 * paths, typed), and the name of its published input schema (the columns a file may have).
 */
const RESOURCES = {
  departments: {
    schema: 'DepartmentInput',
    list: (query: Query): Promise<ListAnswer> =>
      unwrap(api.GET('/api/v1/departments', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/departments:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/departments:import', { body })),
  },
  employees: {
    schema: 'EmployeeInput',
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/employees', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/employees:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/employees:import', { body })),
  },
  suppliers: {
    schema: 'SupplierInput',
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/suppliers', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/suppliers:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/suppliers:import', { body })),
  },
  customers: {
    schema: 'CustomerInput',
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/customers', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/customers:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/customers:import', { body })),
  },
  accounts: {
    schema: 'AccountInput',
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/accounts', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/accounts:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/accounts:import', { body })),
  },
  projects: {
    schema: 'ProjectInput',
    list: (query: Query): Promise<ListAnswer> => unwrap(api.GET('/api/v1/projects', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/projects:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/projects:import', { body })),
  },
  'cost-centers': {
    schema: 'CostCenterInput',
    list: (query: Query): Promise<ListAnswer> =>
      unwrap(api.GET('/api/v1/cost-centers', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/cost-centers:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> => unwrap(api.POST('/api/v1/cost-centers:import', { body })),
  },
  'expense-categories': {
    schema: 'ExpenseCategoryInput',
    list: (query: Query): Promise<ListAnswer> =>
      unwrap(api.GET('/api/v1/expense-categories', { params: { query } })),
    bulk: (items: Items) =>
      unwrap(api.POST('/api/v1/expense-categories:bulk-upsert', { body: { items, atomic: true } })),
    file: (body: FileBody): Promise<Imported> =>
      unwrap(api.POST('/api/v1/expense-categories:import', { body })),
  },
} as const;
type Resource = keyof typeof RESOURCES;
const isResource = (r: string | null): r is Resource => r !== null && Object.hasOwn(RESOURCES, r);

/** What a refused import names: each wrong cell by row and column (problem extension `rows`). */
interface RowError {
  readonly row: number;
  readonly column: string | null;
  readonly header: string | null;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

function rowErrorsOf(error: unknown): readonly RowError[] | undefined {
  if (!(error instanceof ApiError) || error.problem?.code !== 'import_rejected') return undefined;
  const rows = (error.problem as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as RowError[]) : undefined;
}

/** The file as base64, the way the import route takes it. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; type?: unknown };

/** The columns a file may have: the input schema's fields, nested ones dotted (bankAccounts.0.bankName). */
export function columnsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const walk = (node: JsonSchema, prefix: string) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      if (child.type === 'object') walk(child, path);
      else if (child.type === 'array' && child.items?.type === 'object') walk(child.items, `${path}.0`);
      else out.push(path);
    }
  };
  walk(schema, '');
  return out;
}

const SCHEDULE_MAX_MINUTES = 7 * 24 * 60;

/**
 * Integration: master data — each connection's pulls from the ERP (GET …/sync; the schedules editor
 * PUT …/sync/schedules; pull now POST …/sync/{object}) and FinBridge's own master data, imported from
 * an xlsx or CSV file parsed by the server (POST /api/v1/{resource}:import) or a JSON array (…:bulk-upsert),
 * always all rows or none, with every wrong cell named by row and column.
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
  const [editing, setEditing] = useState(false);

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
  const rows = (states.data?.pullable ?? []).map(
    (object): Partial<SyncState> & { object: string } =>
      states.data?.items.find((s) => s.object === object) ?? { object },
  );
  const everyLabel = useEveryLabel();

  return (
    <Card
      size="small"
      title={t('int.master.pulls')}
      extra={
        <Button
          size="small"
          icon={<EditOutlined />}
          disabled={id === undefined || rows.length === 0}
          onClick={() => setEditing(true)}
          data-testid="edit-schedules"
        >
          {t('masterData.schedules.edit')}
        </Button>
      }
    >
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
                <Tag color={s.everySeconds == null ? 'default' : 'blue'} data-testid={`schedule-${s.object}`}>
                  {everyLabel(s.everySeconds ?? null)}
                </Tag>
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
      {editing && id !== undefined ? (
        <ScheduleEditor
          connectionId={id}
          connectionName={connection?.name ?? ''}
          rows={rows}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            states.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

function useEveryLabel(): (seconds: number | null) => string {
  const { t } = useI18n();
  return (s) =>
    s === null
      ? t('int.master.off')
      : s % 3600 === 0
        ? t('int.master.hours', { n: s / 3600 })
        : s % 60 === 0
          ? t('int.master.minutes', { n: s / 60 })
          : t('masterData.schedules.seconds', { n: s });
}

type ScheduleValues = Record<string, { on: boolean; minutes: number | null }>;

/**
 * Every pulled object's schedule in one form, saved together (PUT …/sync/schedules): on or off and
 * how many minutes apart; the server's refusals appear beside the object they name.
 */
function ScheduleEditor({
  connectionId,
  connectionName,
  rows,
  onClose,
  onSaved,
}: {
  readonly connectionId: string;
  readonly connectionName: string;
  readonly rows: readonly (Partial<SyncState> & { object: string })[];
  readonly onClose: () => void;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ScheduleValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as ScheduleValues | undefined;

  const save = async (v: ScheduleValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, number | null> = {};
      for (const row of rows) {
        const entry = v[row.object];
        body[row.object] =
          entry?.on === true && entry.minutes !== null ? Math.round(entry.minutes * 60) : null;
      }
      await unwrap(
        api.PUT('/api/v1/connections/{id}/sync/schedules', {
          params: { path: { id: connectionId } },
          body,
        }),
      );
      onSaved();
    } catch (e) {
      // the API names the object (/suppliers); its minutes field shows the message
      if (e instanceof ApiError && e.problem?.errors !== undefined)
        form.setFields(
          e.problem.errors.flatMap((fe) => {
            const object = fe.pointer.split('/')[1];
            return object === undefined || !rows.some((r) => r.object === object)
              ? []
              : [{ name: [object, 'minutes'], errors: [fe.message] }];
          }),
        );
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('masterData.schedules.title', { connection: connectionName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('masterData.save')}
      cancelText={t('masterData.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'schedules-save' }}
      width={560}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('masterData.schedules.hint')}
        </Typography.Paragraph>
        <ErrorNotice error={error} />
        <Form<ScheduleValues>
          form={form}
          layout="horizontal"
          onFinish={(v) => void save(v)}
          data-testid="schedules-form"
          initialValues={Object.fromEntries(
            rows.map((r) => [
              r.object,
              {
                on: r.everySeconds != null,
                minutes: r.everySeconds == null ? 60 : r.everySeconds / 60,
              },
            ]),
          )}
        >
          {rows.map((r) => (
            <Space key={r.object} align="baseline" wrap style={{ width: '100%' }}>
              <Typography.Text strong style={{ display: 'inline-block', minWidth: 140 }}>
                {r.object}
              </Typography.Text>
              <Form.Item name={[r.object, 'on']} valuePropName="checked" style={{ marginBottom: 12 }}>
                <Switch
                  checkedChildren={t('masterData.schedules.on')}
                  unCheckedChildren={t('int.master.off')}
                  data-testid={`schedule-on-${r.object}`}
                />
              </Form.Item>
              <Typography.Text type="secondary">{t('masterData.schedules.every')}</Typography.Text>
              <Form.Item
                name={[r.object, 'minutes']}
                dependencies={[[r.object, 'on']]}
                style={{ marginBottom: 12 }}
                rules={[
                  {
                    validator: async (_rule, minutes: number | null) => {
                      if (values?.[r.object]?.on !== true) return;
                      if (minutes === null || minutes < 1 || minutes > SCHEDULE_MAX_MINUTES)
                        throw new Error(t('masterData.schedules.range', { max: SCHEDULE_MAX_MINUTES }));
                    },
                  },
                ]}
              >
                <InputNumber
                  min={1}
                  max={SCHEDULE_MAX_MINUTES}
                  disabled={values?.[r.object]?.on !== true}
                  data-testid={`schedule-minutes-${r.object}`}
                />
              </Form.Item>
              <Typography.Text type="secondary">{t('masterData.schedules.minutes')}</Typography.Text>
            </Space>
          ))}
        </Form>
      </Space>
    </Modal>
  );
}

function OwnMasterData() {
  const { t, instant } = useI18n();
  const [resource, setResource] = useState<Resource>('departments');
  const [q, setQ] = useState('');
  const list = useRequest(`md-${resource}-${q}`, () =>
    RESOURCES[resource].list({ limit: 200, ...(q === '' ? {} : { q }) }),
  );
  const schema = useRequest(`md-schema-${resource}`, async () => {
    const answer = await fetch(`/schemas/${RESOURCES[resource].schema}.json`);
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    return (await answer.json()) as JsonSchema;
  });
  const columns = schema.data === undefined ? [] : columnsOf(schema.data);
  const [imported, setImported] = useState<Imported | undefined>(undefined);
  const [bulk, setBulk] = useState<BulkResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const rowErrors = rowErrorsOf(error);

  const upload = async (file: File) => {
    setError(undefined);
    setImported(undefined);
    setBulk(undefined);
    setBusy(true);
    try {
      if (/\.json$/i.test(file.name)) {
        const parsed: unknown = JSON.parse(await file.text());
        const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown }).items;
        if (!Array.isArray(items) || items.length === 0) throw new Error(t('int.master.emptyFile'));
        setBulk(await RESOURCES[resource].bulk(items as Items));
      } else {
        setImported(await RESOURCES[resource].file({ fileName: file.name, content: await base64Of(file) }));
      }
      list.reload();
    } catch (e) {
      if (e instanceof ApiError && e.problem?.code === 'bulk_failed') {
        const result = (e.problem as { result?: BulkResult }).result;
        if (result !== undefined) setBulk(result);
      }
      setError(e instanceof SyntaxError ? new Error(t('int.mapping.badJson')) : e);
    } finally {
      setBusy(false);
    }
  };

  const template = () => {
    const blob = new Blob([`\uFEFF${columns.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${resource}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
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
              setImported(undefined);
              setBulk(undefined);
              setError(undefined);
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
        <Typography.Title level={5}>{t('masterData.import.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('masterData.import.hint')}
        </Typography.Paragraph>
        {columns.length === 0 ? null : (
          <div data-testid="md-columns">
            <Typography.Text type="secondary">{t('masterData.import.columns')} </Typography.Text>
            <Space size={[4, 4]} wrap>
              {columns.map((c) => (
                <Typography.Text key={c} code>
                  {c}
                </Typography.Text>
              ))}
            </Space>
          </div>
        )}
        <Space wrap>
          <Upload
            accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="md-upload">
              {t('masterData.import.upload')}
            </Button>
          </Upload>
          <Button
            icon={<DownloadOutlined />}
            disabled={columns.length === 0}
            onClick={template}
            data-testid="md-template"
          >
            {t('masterData.import.template')}
          </Button>
        </Space>
        {rowErrors === undefined ? (
          <ErrorNotice error={error} />
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="md-import-refused"
              message={error instanceof ApiError ? error.problem?.detail : undefined}
              description={t('masterData.import.nothingStored')}
            />
            <Table<RowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.field}-${r.code}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={[...rowErrors]}
              data-testid="md-import-errors"
              columns={[
                { title: t('masterData.import.row'), dataIndex: 'row', width: 80 },
                {
                  title: t('masterData.import.column'),
                  key: 'column',
                  width: 180,
                  render: (_: unknown, r) =>
                    r.column === null
                      ? r.field.replace(/^\//, '') || '—'
                      : `${r.column}${r.header === null ? '' : ` (${r.header})`}`,
                },
                { title: t('masterData.import.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
        {imported === undefined ? null : (
          <Alert
            type="success"
            showIcon
            data-testid="md-import-result"
            message={t('masterData.import.done', {
              rows: imported.rows,
              created: imported.created,
              updated: imported.updated,
              unchanged: imported.unchanged,
            })}
            description={
              imported.sheet === null ? undefined : t('masterData.import.sheet', { sheet: imported.sheet })
            }
          />
        )}
        {bulk === undefined ? null : (
          <>
            <Alert
              type={bulk.failed > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="md-bulk-result"
              message={t('int.master.bulkDone', {
                created: bulk.created,
                updated: bulk.updated,
                unchanged: bulk.unchanged,
                failed: bulk.failed,
              })}
            />
            <Table
              size="small"
              rowKey="index"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={bulk.items.filter((i) => i.status === 'failed')}
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

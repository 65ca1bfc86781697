import {
  CheckCircleOutlined,
  DownloadOutlined,
  ExperimentOutlined,
  RollbackOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { base64Of, columnsOf, type JsonSchema } from '../integration/master-data-page.tsx';
import { columnLetter, readHeaders } from './import-file.ts';

type DryRun = operations['dryRunImport']['responses'][200]['content']['application/json'];
type DryRunRow = DryRun['items'][number];
type RowStatus = DryRunRow['status'];
type Batch =
  operations['listImportBatches']['responses'][200]['content']['application/json']['items'][number];
type Cleansing = {
  fullWidth: boolean;
  codes: boolean;
  dates: boolean;
  amounts: boolean;
  dedup: 'refuse' | 'first' | 'last';
};

/**
 * What a file may hold: the master-data resources, with the name of each one's published input schema,
 * and history from an old system (claims, vouchers), whose columns are read from its template.
 */
const RESOURCES = {
  suppliers: 'SupplierInput',
  employees: 'EmployeeInput',
  accounts: 'AccountInput',
  customers: 'CustomerInput',
  departments: 'DepartmentInput',
  'cost-centers': 'CostCenterInput',
  projects: 'ProjectInput',
  'expense-categories': 'ExpenseCategoryInput',
  currencies: 'CurrencyInput',
  'exchange-rates': 'ExchangeRateInput',
  'historical-claims': null,
  'historical-vouchers': null,
} as const;
type Resource = keyof typeof RESOURCES;

const STATUS_COLOR: Record<RowStatus, string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
  skipped: 'gold',
  refused: 'red',
};
const STATUS_LABEL: Record<RowStatus, MessageKey> = {
  created: 'gov.import.status.created',
  updated: 'gov.import.status.updated',
  unchanged: 'gov.import.status.unchanged',
  skipped: 'gov.import.status.skipped',
  refused: 'gov.import.status.refused',
};
const CLEANSING_KEYS = ['fullWidth', 'codes', 'dates', 'amounts'] as const;

interface Picked {
  readonly file: File;
  readonly content: string;
  readonly headers: readonly string[];
}

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * Governance: the import wizard (issue #19). Choose the resource, pick an xlsx or CSV (UTF-8 or GBK),
 * map the file's columns to fields, choose the cleansing, dry-run it (each row created, updated with
 * its diff against the current record, unchanged, skipped or refused with the reasons), commit it as one
 * batch — or, where the company requires a second person, file it as a change request — and roll back
 * a committed batch (a refused rollback lists the later edits that block it). A template per resource.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const [resource, setResource] = useState<Resource>('suppliers');
  const [picked, setPicked] = useState<Picked | undefined>(undefined);
  const [mapping, setMapping] = useState<Readonly<Record<string, string | undefined>>>({});
  const [cleansing, setCleansing] = useState<Cleansing>({
    fullWidth: true,
    codes: true,
    dates: true,
    amounts: true,
    dedup: 'refuse',
  });
  const [dryRun, setDryRun] = useState<DryRun | undefined>(undefined);
  const [committed, setCommitted] = useState<{ rows: number; created: number; updated: number } | undefined>(
    undefined,
  );
  const [filed, setFiled] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<'read' | 'dry' | 'commit' | 'file' | 'template' | undefined>(undefined);
  const batches = useRequest('gov-import-batches', () =>
    unwrap(api.GET('/api/v1/governance/imports', { params: { query: { limit: 50 } } })),
  );
  const schemaName = RESOURCES[resource];
  const schema = useRequest(`gov-import-schema-${resource}`, async (): Promise<readonly string[]> => {
    if (schemaName === null) {
      // history has no published input schema: its template's first row names the columns
      const blob = await unwrap(
        api.GET('/api/v1/governance/import-templates/{resource}', {
          params: { path: { resource } },
          parseAs: 'blob',
        }),
      );
      return readHeaders(new File([blob], `${resource}.xlsx`));
    }
    const answer = await fetch(`/schemas/${schemaName}.json`);
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    return columnsOf((await answer.json()) as JsonSchema);
  });
  const fields = schema.data ?? [];
  const needsApproval = error instanceof ApiError && error.problem?.code === 'change_requires_approval';

  const reset = () => {
    setDryRun(undefined);
    setCommitted(undefined);
    setFiled(undefined);
    setError(undefined);
  };

  const pick = async (file: File) => {
    reset();
    setBusy('read');
    try {
      const [content, headers] = await Promise.all([base64Of(file), readHeaders(file).catch(() => [])]);
      setPicked({ file, content, headers });
      setMapping(Object.fromEntries(headers.map((h) => [h, fields.includes(h) ? h : undefined])));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const body = () => {
    if (picked === undefined) throw new Error(t('gov.import.noFile'));
    const map = Object.fromEntries(
      Object.entries(mapping).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== e[0]),
    );
    return {
      resource,
      fileName: picked.file.name,
      content: picked.content,
      ...(Object.keys(map).length === 0 ? {} : { mapping: map }),
      cleansing,
    };
  };

  const run = async (what: 'dry' | 'commit' | 'file') => {
    setBusy(what);
    setError(undefined);
    try {
      if (what === 'dry') {
        setCommitted(undefined);
        setFiled(undefined);
        setDryRun(await unwrap(api.POST('/api/v1/governance/imports:dry-run', { body: body() })));
      } else if (what === 'commit') {
        const answer = await unwrap(api.POST('/api/v1/governance/imports', { body: body() }));
        setCommitted(answer.batch);
        // the commit answers counts; the rows and their diff stay as the dry run showed them
        setDryRun((shown) =>
          answer.result.items.length === 0 && shown !== undefined ? shown : answer.result,
        );
        batches.reload();
      } else {
        const { resource: r, fileName, ...rest } = body();
        const request = await unwrap(
          api.POST('/api/v1/governance/change-requests', {
            body: {
              target: `master-data:${r}`,
              subject: fileName,
              payload: { op: 'import', fileName, ...rest },
            },
          }),
        );
        setFiled(request.id);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const template = async () => {
    setBusy('template');
    setError(undefined);
    try {
      const blob = await unwrap(
        api.GET('/api/v1/governance/import-templates/{resource}', {
          params: { path: { resource } },
          parseAs: 'blob',
        }),
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${resource}.xlsx`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const step =
    committed !== undefined || filed !== undefined
      ? 3
      : dryRun !== undefined
        ? 2
        : picked !== undefined
          ? 1
          : 0;
  const rowErrors =
    error instanceof ApiError && error.problem?.code === 'import_rejected'
      ? ((error.problem as { rows?: DryRunRow['reasons'] }).rows ?? [])
      : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="import-title">
        {t('gov.import.title')}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        responsive
        items={[
          { title: t('gov.import.step.file') },
          { title: t('gov.import.step.mapping') },
          { title: t('gov.import.step.dryRun') },
          { title: t('gov.import.step.commit') },
        ]}
      />
      <Card size="small" title={t('gov.import.step.file')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('gov.import.fileHint')}
          </Typography.Paragraph>
          {schemaName === null ? (
            <Alert
              type="info"
              showIcon
              message={t('gov.import.historyHint')}
              data-testid="import-history-hint"
            />
          ) : null}
          <Space wrap>
            <Select<Resource>
              value={resource}
              style={{ minWidth: 200 }}
              onChange={(r) => {
                setResource(r);
                setPicked(undefined);
                setMapping({});
                reset();
              }}
              options={Object.keys(RESOURCES).map((r) => ({ value: r as Resource, label: r }))}
              data-testid="import-resource"
            />
            <Upload
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void pick(file);
                return false;
              }}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                loading={busy === 'read'}
                data-testid="import-file"
              >
                {t('gov.import.pick')}
              </Button>
            </Upload>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'template'}
              onClick={() => void template()}
              data-testid="import-template"
            >
              {t('gov.import.template')}
            </Button>
          </Space>
          {picked === undefined ? null : (
            <Typography.Text data-testid="import-picked">
              {t('gov.import.picked', { name: picked.file.name, columns: picked.headers.length })}
            </Typography.Text>
          )}
        </Space>
      </Card>

      {picked === undefined ? null : (
        <Card size="small" title={t('gov.import.step.mapping')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Table<{ header: string; index: number }>
              rowKey="index"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={picked.headers.map((header, index) => ({ header, index }))}
              data-testid="import-mapping"
              columns={[
                {
                  title: t('gov.import.column'),
                  key: 'letter',
                  width: 70,
                  render: (_: unknown, r) => columnLetter(r.index),
                },
                { title: t('gov.import.header'), dataIndex: 'header' },
                {
                  title: t('gov.import.field'),
                  key: 'field',
                  render: (_: unknown, r) => {
                    const problems = columnErrors(error, columnLetter(r.index));
                    return (
                      <Space direction="vertical" size={0}>
                        <Select<string>
                          allowClear
                          showSearch
                          style={{ minWidth: 220 }}
                          status={problems.length > 0 ? 'error' : ''}
                          placeholder={t('gov.import.unmapped')}
                          value={mapping[r.header] ?? null}
                          options={fields.map((f) => ({ value: f, label: f }))}
                          onChange={(f: string | undefined) => setMapping((m) => ({ ...m, [r.header]: f }))}
                          data-testid={`import-map-${r.header}`}
                        />
                        {problems.map((p) => (
                          <Typography.Text key={p} type="danger" data-testid="import-column-error">
                            {p}
                          </Typography.Text>
                        ))}
                      </Space>
                    );
                  },
                },
              ]}
            />
            <Typography.Text strong>{t('gov.import.cleansing')}</Typography.Text>
            <Space wrap>
              {CLEANSING_KEYS.map((k) => (
                <Checkbox
                  key={k}
                  checked={cleansing[k]}
                  onChange={(e) => setCleansing((c) => ({ ...c, [k]: e.target.checked }))}
                  data-testid={`import-cleansing-${k}`}
                >
                  {t(`gov.import.cleansing.${k}`)}
                </Checkbox>
              ))}
            </Space>
            <Space wrap>
              <Typography.Text>{t('gov.import.dedup')}</Typography.Text>
              <Segmented<Cleansing['dedup']>
                value={cleansing.dedup}
                onChange={(d) => setCleansing((c) => ({ ...c, dedup: d }))}
                options={(['refuse', 'first', 'last'] as const).map((d) => ({
                  value: d,
                  label: t(`gov.import.dedup.${d}`),
                }))}
              />
            </Space>
            <Space wrap>
              <Button
                type="primary"
                icon={<ExperimentOutlined />}
                loading={busy === 'dry'}
                disabled={busy !== undefined && busy !== 'dry'}
                onClick={() => void run('dry')}
                data-testid="import-dry-run"
              >
                {t('gov.import.dryRun')}
              </Button>
              <Popconfirm
                title={t('gov.import.commitConfirm')}
                onConfirm={() => void run('commit')}
                okText={t('gov.ok')}
                cancelText={t('gov.cancel')}
                disabled={dryRun === undefined || dryRun.refused > 0 || committed !== undefined}
              >
                <Button
                  icon={<CheckCircleOutlined />}
                  loading={busy === 'commit'}
                  disabled={dryRun === undefined || dryRun.refused > 0 || committed !== undefined}
                  data-testid="import-commit"
                >
                  {t('gov.import.commit')}
                </Button>
              </Popconfirm>
            </Space>
          </Space>
        </Card>
      )}

      {needsApproval && filed === undefined ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-needs-approval"
          message={error.problem.detail}
          description={
            <Space direction="vertical">
              <span>{t('gov.import.fileRequestHint')}</span>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy === 'file'}
                onClick={() => void run('file')}
                data-testid="import-file-request"
              >
                {t('gov.import.fileRequest')}
              </Button>
            </Space>
          }
        />
      ) : rowErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          message={error instanceof ApiError ? error.problem?.detail : undefined}
        />
      ) : columnErrorsAny(error) ? (
        <Alert
          type="error"
          showIcon
          data-testid="error-notice"
          message={error instanceof ApiError ? (error.problem?.title ?? '') : ''}
          description={t('gov.import.columnsRefused')}
        />
      ) : (
        <ErrorNotice error={error} />
      )}
      {filed === undefined ? null : (
        <Alert
          type="success"
          showIcon
          data-testid="import-filed"
          message={t('gov.import.filed')}
          description={<Link to="/governance/changes">{t('gov.import.toChanges')}</Link>}
        />
      )}
      {committed === undefined ? null : (
        <Alert
          type="success"
          showIcon
          data-testid="import-committed"
          message={t('gov.import.committed', {
            rows: committed.rows,
            created: committed.created,
            updated: committed.updated,
          })}
        />
      )}
      {dryRun === undefined ? null : <DryRunResult result={dryRun} />}
      <Batches
        batches={batches.data?.items ?? []}
        loading={batches.loading}
        error={batches.error}
        onChanged={batches.reload}
      />
    </Space>
  );
}

const columnErrors = (error: unknown, letter: string): string[] =>
  error instanceof ApiError
    ? (error.problem?.errors ?? []).filter((e) => e.pointer === `/columns/${letter}`).map((e) => e.message)
    : [];
const columnErrorsAny = (error: unknown): boolean =>
  error instanceof ApiError && (error.problem?.errors ?? []).some((e) => e.pointer.startsWith('/columns/'));

/** The dry run (or the committed batch's result): counts, then every row with its reasons and diff. */
function DryRunResult({ result }: { readonly result: DryRun }) {
  const { t } = useI18n();
  const [only, setOnly] = useState<RowStatus | 'all'>('all');
  const rows = only === 'all' ? result.items : result.items.filter((r) => r.status === only);
  const statuses: RowStatus[] = ['created', 'updated', 'unchanged', 'skipped', 'refused'];
  return (
    <Card size="small" title={t('gov.import.result')} data-testid="import-result">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space size={[4, 4]} wrap data-testid="import-counts">
          <Tag>{t('gov.import.rows', { n: result.rows })}</Tag>
          {statuses.map((s) => (
            <Tag key={s} color={STATUS_COLOR[s]} data-testid={`import-count-${s}`} data-count={result[s]}>
              {t(STATUS_LABEL[s])}: {result[s]}
            </Tag>
          ))}
          {result.sheet === null ? null : <Tag>{t('gov.import.sheet', { sheet: result.sheet })}</Tag>}
        </Space>
        <Segmented<RowStatus | 'all'>
          value={only}
          onChange={setOnly}
          options={[
            { value: 'all', label: t('gov.import.all') },
            ...statuses.filter((s) => result[s] > 0).map((s) => ({ value: s, label: t(STATUS_LABEL[s]) })),
          ]}
        />
        <Table<DryRunRow>
          rowKey="row"
          size="small"
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="import-rows"
          columns={[
            { title: t('gov.import.row'), dataIndex: 'row', width: 70 },
            { title: t('gov.import.key'), dataIndex: 'key', render: (k: string | null) => k ?? '—' },
            {
              title: t('gov.import.statusTitle'),
              dataIndex: 'status',
              render: (s: RowStatus) => (
                <Tag color={STATUS_COLOR[s]} data-status={s}>
                  {t(STATUS_LABEL[s])}
                </Tag>
              ),
            },
            {
              title: t('gov.import.diff'),
              key: 'changes',
              render: (_: unknown, r) =>
                r.changes.length === 0 ? (
                  '—'
                ) : (
                  <div data-testid="import-diff" style={{ maxWidth: 560, wordBreak: 'break-all' }}>
                    {r.changes.map((c) => (
                      <div key={c.field}>
                        <Typography.Text code>{c.field}</Typography.Text>{' '}
                        <Typography.Text delete type="secondary">
                          {show(c.before)}
                        </Typography.Text>{' '}
                        → <Typography.Text strong>{show(c.after)}</Typography.Text>
                      </div>
                    ))}
                  </div>
                ),
            },
            {
              title: t('gov.import.reasons'),
              key: 'reasons',
              render: (_: unknown, r) =>
                r.reasons.length === 0
                  ? '—'
                  : r.reasons.map((e) => (
                      <div key={`${e.field}-${e.code}`} data-testid="import-reason">
                        <Typography.Text type="danger">
                          {e.column === null
                            ? e.field
                            : `${e.column}${e.header === null ? '' : ` (${e.header})`}`}
                          : {e.message}
                        </Typography.Text>
                      </div>
                    )),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

type Blocked = {
  code: string;
  id: string;
  reason: string;
  importedVersion: number;
  currentVersion: number | null;
  referencedBy?: string;
};

/** Committed batches, newest first, each with its rollback (refused: the later edits that block it). */
function Batches({
  batches,
  loading,
  error,
  onChanged,
}: {
  readonly batches: readonly Batch[];
  readonly loading: boolean;
  readonly error: unknown;
  readonly onChanged: () => void;
}) {
  const { t, instant } = useI18n();
  const { me } = useMe();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState<{ id: string; error: unknown } | undefined>(undefined);
  const rollback = async (id: string) => {
    setBusy(id);
    setFailed(undefined);
    try {
      await unwrap(api.POST('/api/v1/governance/imports/{id}/rollback', { params: { path: { id } } }));
      onChanged();
    } catch (e) {
      setFailed({ id, error: e });
    } finally {
      setBusy(undefined);
    }
  };
  const blocked =
    failed?.error instanceof ApiError &&
    (failed.error.problem?.code === 'import_rollback_blocked' ||
      failed.error.problem?.code === 'import_rollback_period_frozen')
      ? ((failed.error.problem as { records?: Blocked[] }).records ?? [])
      : undefined;
  const reasonLabel = (r: string) =>
    r === 'changed_since' ||
    r === 'deleted_since' ||
    r === 'referenced' ||
    r === 'period_closed' ||
    r === 'period_archived'
      ? t(`gov.import.blocked.${r}`)
      : r;
  return (
    <Card size="small" title={t('gov.import.batches')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorNotice error={error} />
        <Table<Batch>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={[...batches]}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="import-batches"
          columns={[
            { title: t('gov.import.fileName'), dataIndex: 'fileName' },
            { title: t('gov.import.resource'), dataIndex: 'resource' },
            {
              title: t('gov.import.statusTitle'),
              dataIndex: 'status',
              render: (s: Batch['status']) => (
                <Tag color={s === 'committed' ? 'green' : 'default'} data-status={s}>
                  {t(s === 'committed' ? 'gov.import.batch.committed' : 'gov.import.batch.rolledBack')}
                </Tag>
              ),
            },
            {
              title: t('gov.import.counts'),
              key: 'counts',
              render: (_: unknown, b) =>
                t('gov.import.countsValue', {
                  rows: b.rows,
                  created: b.created,
                  updated: b.updated,
                  unchanged: b.unchanged,
                }),
            },
            {
              title: t('gov.import.committedBy'),
              key: 'by',
              render: (_: unknown, b) => `${b.committedBy} · ${instant(b.committedAt)}`,
            },
            {
              title: t('gov.import.rolledBackBy'),
              key: 'rb',
              render: (_: unknown, b) =>
                b.rolledBackAt === null ? '—' : `${b.rolledBackBy ?? ''} · ${instant(b.rolledBackAt)}`,
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, b) =>
                b.status === 'committed' && me.scopes.includes('governance:write') ? (
                  <Popconfirm
                    title={t('gov.import.rollbackConfirm', { file: b.fileName })}
                    onConfirm={() => void rollback(b.id)}
                    okText={t('gov.ok')}
                    cancelText={t('gov.cancel')}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<RollbackOutlined />}
                      loading={busy === b.id}
                      data-testid="import-rollback"
                    >
                      {t('gov.import.rollback')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
        {failed === undefined ? null : blocked === undefined ? (
          <ErrorNotice error={failed.error} />
        ) : (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="import-rollback-blocked"
              message={failed.error instanceof ApiError ? failed.error.problem?.detail : undefined}
              description={t('gov.import.blockedHint')}
            />
            <Table<Blocked>
              rowKey={(r) => `${r.id}-${r.reason}`}
              size="small"
              dataSource={blocked}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="import-blocked-records"
              columns={[
                { title: t('gov.import.key'), dataIndex: 'code' },
                { title: t('gov.import.blockedReason'), dataIndex: 'reason', render: reasonLabel },
                { title: t('gov.import.importedVersion'), dataIndex: 'importedVersion' },
                {
                  title: t('gov.import.currentVersion'),
                  dataIndex: 'currentVersion',
                  render: (v: number | null) => v ?? '—',
                },
                {
                  title: t('gov.import.referencedBy'),
                  dataIndex: 'referencedBy',
                  render: (v: string | undefined) => v ?? '—',
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}

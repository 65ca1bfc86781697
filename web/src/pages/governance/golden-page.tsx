import { MergeCellsOutlined, ReloadOutlined, ScissorOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useMe } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useScreens } from '../../components/use-screens.ts';

type Golden = operations['getGoldenRecord']['responses'][200]['content']['application/json'];
type Source = Golden['sources'][number];
type Entity = Golden['entity'];
type CrossRef =
  operations['getCrossReference']['responses'][200]['content']['application/json']['items'][number];

const ENTITIES: readonly Entity[] = ['supplier', 'employee', 'account'];
const isEntity = (e: string | null): e is Entity => ENTITIES.includes(e as Entity);
const ENTITY_LABEL: Record<Entity, MessageKey> = {
  supplier: 'gov.entity.supplier',
  employee: 'gov.entity.employee',
  account: 'gov.entity.account',
};
/** The fields golden records keep per entity (src/governance/golden/sources.ts), in that order. */
const FIELDS: Record<Entity, readonly string[]> = {
  supplier: ['code', 'name', 'taxId', 'bankAccount', 'status'],
  employee: ['code', 'name', 'email', 'departmentCode', 'bankAccount', 'status'],
  account: ['code', 'name', 'type', 'status'],
};

const sourceKey = (s: Pick<Source, 'source' | 'key'>) => `${s.source}\u0000${s.key}`;

/** A problem's field errors whose pointer starts with `prefix` (`/from`, `/sources/0`). */
function errorsAt(error: unknown, prefix: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem?.errors ?? [])
    .filter((e) => e.pointer === prefix || e.pointer.startsWith(`${prefix}/`))
    .map((e) => e.message);
}

/**
 * Governance: golden records (issue #19). One per real-world supplier, employee or account, matched
 * from FinBridge's master data and each connection's last pull: the list with search, each record's
 * sources side by side (which value won by survivorship), merge and split with the API's refusals beside
 * the field they name, and the cross-reference golden id ↔ FinBridge code ↔ each ERP's code.
 */
export default function GoldenPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const entity: Entity = isEntity(params.get('entity')) ? (params.get('entity') as Entity) : 'supplier';
  const tab = params.get('tab') === 'xref' ? 'xref' : 'records';
  const set = (next: Record<string, string>) =>
    setParams({ entity, ...(tab === 'xref' ? { tab } : {}), ...next });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="golden-title">
        {t('gov.golden.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('gov.golden.hint')}
      </Typography.Paragraph>
      <Segmented<Entity>
        value={entity}
        options={ENTITIES.map((e) => ({ value: e, label: t(ENTITY_LABEL[e]) }))}
        onChange={(e) => set({ entity: e })}
        data-testid="golden-entity"
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ entity, ...(k === 'xref' ? { tab: k } : {}) })}
        items={[
          { key: 'records', label: t('gov.golden.records'), children: <Records entity={entity} /> },
          { key: 'xref', label: t('gov.golden.xref'), children: <CrossReference entity={entity} /> },
        ]}
      />
    </Space>
  );
}

function Records({ entity }: { readonly entity: Entity }) {
  const { t, instant } = useI18n();
  const { me } = useMe();
  const canWrite = me.scopes.includes('governance:write');
  const [q, setQ] = useState('');
  const [conflictsOnly, setConflictsOnly] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useRequest(`golden-${entity}-${q}-${String(conflictsOnly)}-${page}`, () =>
    unwrap(
      api.GET('/api/v1/governance/golden-records', {
        params: {
          query: {
            entity,
            limit: pageSize,
            offset: (page - 1) * pageSize,
            ...(q === '' ? {} : { q }),
            ...(conflictsOnly ? { conflicts: true } : {}),
          },
        },
      }),
    ),
  );
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [refreshed, setRefreshed] = useState<string | undefined>(undefined);

  const refresh = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await unwrap(
        api.POST('/api/v1/governance/golden-records:refresh', { body: { entity } }),
      );
      const r = answer.items[0];
      if (r !== undefined)
        setRefreshed(
          t('gov.golden.refreshed', { sources: r.sources, records: r.goldenRecords, created: r.created }),
        );
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('gov.golden.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
          data-testid="golden-search"
        />
        <Space>
          <Switch
            checked={conflictsOnly}
            onChange={(v) => {
              setConflictsOnly(v);
              setPage(1);
            }}
            data-testid="golden-conflicts-only"
          />
          <Typography.Text>{t('gov.golden.conflictsOnly')}</Typography.Text>
        </Space>
        {canWrite ? (
          <Button
            icon={<ReloadOutlined />}
            loading={busy}
            onClick={() => void refresh()}
            data-testid="golden-refresh"
          >
            {t('gov.golden.refresh')}
          </Button>
        ) : null}
      </Space>
      {refreshed === undefined ? null : (
        <Alert type="success" showIcon closable message={refreshed} data-testid="golden-refreshed" />
      )}
      <ErrorNotice error={error ?? list.error} />
      <Table<Golden>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="golden-table"
        locale={{ emptyText: t('gov.golden.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        onRow={(g) => ({ onClick: () => setOpenId(g.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('gov.golden.name'),
            dataIndex: 'name',
            render: (name: string, g) => (
              <Typography.Link data-testid="golden-row" onClick={() => setOpenId(g.id)}>
                {name}
              </Typography.Link>
            ),
          },
          {
            title: t('gov.golden.code'),
            key: 'code',
            render: (_: unknown, g) => g.fields['code']?.value ?? '—',
          },
          {
            title: t('gov.golden.sources'),
            key: 'sources',
            render: (_: unknown, g) => (
              <Space size={[4, 4]} wrap data-testid="golden-row-sources">
                {g.sources.map((s) => (
                  <Tag key={sourceKey(s)} color={s.source === 'finbridge' ? 'blue' : 'purple'}>
                    {s.sourceName}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('gov.golden.conflicts'),
            key: 'conflicts',
            render: (_: unknown, g) =>
              g.conflicts.length === 0 ? (
                <Tag color="green">{t('gov.golden.agree')}</Tag>
              ) : (
                <Tag color="orange">{g.conflicts.join(', ')}</Tag>
              ),
          },
          { title: t('gov.golden.updated'), dataIndex: 'updatedAt', render: (at: string) => instant(at) },
        ]}
      />
      {openId === undefined ? null : (
        <GoldenDrawer
          id={openId}
          canWrite={canWrite}
          candidates={(list.data?.items ?? []).filter((g) => g.id !== openId)}
          onClose={() => setOpenId(undefined)}
          onChanged={(nextId) => {
            list.reload();
            if (nextId !== undefined) setOpenId(nextId);
          }}
        />
      )}
    </Space>
  );
}

/** One golden record: the sources side by side, its codes in every system, merge and split. */
function GoldenDrawer({
  id,
  canWrite,
  candidates,
  onClose,
  onChanged,
}: {
  readonly id: string;
  readonly canWrite: boolean;
  readonly candidates: readonly Golden[];
  readonly onClose: () => void;
  readonly onChanged: (id?: string) => void;
}) {
  const { t, instant } = useI18n();
  const screens = useScreens();
  const record = useRequest(`golden-one-${id}`, () =>
    unwrap(api.GET('/api/v1/governance/golden-records/{id}', { params: { path: { id } } })),
  );
  const g = record.data;
  const [splitError, setSplitError] = useState<{ key: string; error: unknown } | undefined>(undefined);
  const [splitting, setSplitting] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const split = async (s: Source) => {
    setSplitting(sourceKey(s));
    setSplitError(undefined);
    try {
      const answer = await unwrap(
        api.POST('/api/v1/governance/golden-records/{id}/split', {
          params: { path: { id } },
          body: { sources: [{ source: s.source, key: s.key }] },
        }),
      );
      setNotice(t('gov.golden.splitDone', { name: answer.split.name }));
      record.reload();
      onChanged();
    } catch (e) {
      setSplitError({ key: sourceKey(s), error: e });
    } finally {
      setSplitting(undefined);
    }
  };

  const fields = g === undefined ? [] : FIELDS[g.entity];
  // FinBridge's own copy first, then the ERPs in the order the API gives them
  const sources =
    g === undefined
      ? []
      : [
          ...g.sources.filter((s) => s.source === 'finbridge'),
          ...g.sources.filter((s) => s.source !== 'finbridge'),
        ];
  type Row = { field: string };
  return (
    <Drawer
      open
      onClose={onClose}
      width={screens.lg ? 960 : '100%'}
      title={g?.name ?? t('app.loading')}
      data-testid="golden-drawer"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ErrorNotice error={record.error} />
        {notice === undefined ? null : (
          <Alert type="success" showIcon message={notice} data-testid="golden-notice" />
        )}
        {g === undefined ? null : (
          <>
            <Descriptions size="small" column={screens.md ? 3 : 1} bordered>
              <Descriptions.Item label={t('gov.golden.id')}>
                <Typography.Text copyable code data-testid="golden-id">
                  {g.id}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('gov.golden.status')}>
                <Tag color={g.status === 'active' ? 'green' : 'default'}>
                  {t(`gov.golden.status.${g.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('gov.golden.updated')}>{instant(g.updatedAt)}</Descriptions.Item>
            </Descriptions>
            {g.status === 'merged' ? (
              <Alert type="info" showIcon message={t('gov.golden.mergedInto', { id: g.mergedInto ?? '' })} />
            ) : null}
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('gov.golden.sideBySide')}
            </Typography.Title>
            <Table<Row>
              rowKey="field"
              size="small"
              pagination={false}
              bordered
              scroll={{ x: 'max-content' }}
              dataSource={fields.map((field) => ({ field }))}
              data-testid="golden-sources"
              columns={[
                {
                  title: t('gov.golden.field'),
                  dataIndex: 'field',
                  fixed: 'left',
                  render: (field: string) => (
                    <Space size={4}>
                      <Typography.Text strong>{field}</Typography.Text>
                      {g.conflicts.includes(field) ? (
                        <Tag color="orange">{t('gov.golden.disagree')}</Tag>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('gov.golden.surviving'),
                  key: 'golden',
                  render: (_: unknown, r) => (
                    <Typography.Text strong data-testid={`golden-value-${r.field}`}>
                      {g.fields[r.field]?.value ?? '—'}
                    </Typography.Text>
                  ),
                },
                ...sources.map((s) => ({
                  title: (
                    <Space direction="vertical" size={0} data-testid="golden-source-column">
                      <Typography.Text strong>{s.sourceName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {s.sourceType} · {s.key}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(s.linkedBy === 'manual' ? 'gov.golden.linkedManual' : 'gov.golden.linkedAuto')} ·{' '}
                        {instant(s.changedAt)}
                      </Typography.Text>
                    </Space>
                  ),
                  key: sourceKey(s),
                  render: (_: unknown, r: Row) => {
                    const value = s.fields[r.field];
                    const won = g.fields[r.field]?.source === s.source && value !== undefined;
                    return value === undefined ? (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ) : (
                      <Space size={4}>
                        <span>{value}</span>
                        {won ? (
                          <Tag color="green" data-testid="golden-won">
                            {t('gov.golden.won')}
                          </Tag>
                        ) : null}
                      </Space>
                    );
                  },
                })),
              ]}
            />
            {canWrite && g.status === 'active' && g.sources.length > 1 ? (
              <Card size="small" title={t('gov.golden.split')}>
                <Typography.Paragraph type="secondary">{t('gov.golden.splitHint')}</Typography.Paragraph>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {sources.map((s) => {
                    const mine = splitError?.key === sourceKey(s) ? splitError.error : undefined;
                    const index0 = errorsAt(mine, '/sources/0');
                    return (
                      <div key={sourceKey(s)}>
                        <Space wrap>
                          <Tag color={s.source === 'finbridge' ? 'blue' : 'purple'}>{s.sourceName}</Tag>
                          <Typography.Text code>{s.key}</Typography.Text>
                          <Popconfirm
                            title={t('gov.golden.splitConfirm', { name: s.name })}
                            onConfirm={() => void split(s)}
                            okText={t('gov.ok')}
                            cancelText={t('gov.cancel')}
                          >
                            <Button
                              size="small"
                              icon={<ScissorOutlined />}
                              loading={splitting === sourceKey(s)}
                              data-testid="golden-split"
                            >
                              {t('gov.golden.splitOff')}
                            </Button>
                          </Popconfirm>
                        </Space>
                        {mine === undefined ? null : index0.length > 0 ? (
                          <div>
                            <Typography.Text type="danger" data-testid="golden-split-error">
                              {index0.join('; ')}
                            </Typography.Text>
                          </div>
                        ) : (
                          <div data-testid="golden-split-error">
                            <ErrorNotice error={mine} />
                          </div>
                        )}
                      </div>
                    );
                  })}
                </Space>
              </Card>
            ) : null}
            {canWrite && g.status === 'active' ? (
              <MergeForm
                id={g.id}
                candidates={candidates}
                onMerged={() => {
                  setNotice(t('gov.golden.mergeDone'));
                  record.reload();
                  onChanged();
                }}
              />
            ) : null}
          </>
        )}
      </Space>
    </Drawer>
  );
}

/**
 * Merge other golden records into this one: picked from the list or their ids pasted; the API's
 * refusals (another company's record, already merged, another entity) appear under the field.
 */
function MergeForm({
  id,
  candidates,
  onMerged,
}: {
  readonly id: string;
  readonly candidates: readonly Golden[];
  readonly onMerged: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ from: string[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const merge = async ({ from }: { from: string[] }) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/v1/governance/golden-records/{id}/merge', {
          params: { path: { id } },
          body: { from: from.map((f) => f.trim()) },
        }),
      );
      form.resetFields();
      onMerged();
    } catch (e) {
      const messages = errorsAt(e, '/from');
      if (messages.length > 0) form.setFields([{ name: 'from', errors: messages }]);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('gov.golden.merge')}>
      <Form form={form} layout="vertical" onFinish={(v) => void merge(v)} data-testid="golden-merge-form">
        <Form.Item
          name="from"
          label={t('gov.golden.mergeFrom')}
          extra={t('gov.golden.mergeHint')}
          rules={[{ required: true, message: t('gov.golden.mergeRequired') }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', ' ']}
            placeholder={t('gov.golden.mergePlaceholder')}
            options={candidates.map((c) => ({
              value: c.id,
              label: `${c.name} (${c.fields['code']?.value ?? c.id})`,
            }))}
            optionFilterProp="label"
            data-testid="golden-merge-from"
          />
        </Form.Item>
        <ErrorNotice error={error} />
        <Button
          type="primary"
          htmlType="submit"
          icon={<MergeCellsOutlined />}
          loading={busy}
          data-testid="golden-merge"
        >
          {t('gov.golden.mergeSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

/** Golden id ↔ FinBridge code ↔ each connection's code: what a mapping profile's value map needs. */
function CrossReference({ entity }: { readonly entity: Entity }) {
  const { t } = useI18n();
  const xref = useRequest(`golden-xref-${entity}`, () =>
    unwrap(api.GET('/api/v1/governance/cross-reference/{entity}', { params: { path: { entity } } })),
  );
  // connection names from the golden records' sources (finance may not read the connections list)
  const names = useRequest(`golden-xref-names-${entity}`, () =>
    unwrap(api.GET('/api/v1/governance/golden-records', { params: { query: { entity, limit: 500 } } })),
  );
  const nameOf = new Map<string, string>();
  for (const g of names.data?.items ?? []) for (const s of g.sources) nameOf.set(s.source, s.sourceName);
  const connections = [...new Set((xref.data?.items ?? []).flatMap((i) => Object.keys(i.erpCodes)))].sort();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('gov.golden.xrefHint')}
      </Typography.Paragraph>
      <ErrorNotice error={xref.error} />
      <Table<CrossRef>
        rowKey="goldenId"
        size="small"
        loading={xref.loading}
        dataSource={xref.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="golden-xref"
        columns={[
          { title: t('gov.golden.name'), dataIndex: 'name' },
          {
            title: t('gov.golden.id'),
            dataIndex: 'goldenId',
            render: (v: string) => (
              <Typography.Text code copyable>
                {v.slice(0, 8)}
              </Typography.Text>
            ),
          },
          { title: 'FinBridge', dataIndex: 'code', render: (c: string | null) => c ?? '—' },
          ...connections.map((c) => ({
            title: nameOf.get(c) ?? c,
            key: c,
            render: (_: unknown, r: CrossRef) => r.erpCodes[c] ?? '—',
          })),
        ]}
      />
    </Space>
  );
}

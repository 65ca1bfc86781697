import {
  Alert,
  Button,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import {
  MapInput,
  SchemaFields,
  fromFormValues,
  type JsonSchema,
} from '../../components/integration-schema-form.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { JsonBlock, useConnections, useConnectors } from './shared.tsx';
import type { Connection, DryRun, MappingProfile, Posting } from './types.ts';

const VALUE_MAPS = [
  'accounts',
  'expenseCategories',
  'taxRates',
  'departments',
  'suppliers',
  'employees',
  'projects',
] as const;
type Kind = 'voucher' | 'supplier_bill' | 'payment';
const KINDS: readonly Kind[] = ['voucher', 'supplier_bill', 'payment'];

const SAMPLE_VOUCHER = {
  companyCode: 'DEMO',
  date: '2026-12-03',
  period: '2026-12',
  word: '记',
  currency: 'CNY',
  summary: 'Dry run',
  lines: [
    { summary: 'Hotel', accountCode: '660101', debit: '100.00', aux: { department: 'SALES-E' } },
    { summary: 'Payable', accountCode: '224101', credit: '100.00' },
  ],
};

/**
 * Integration: a connection's mapping profile — its versions (GET …/mapping-profiles), a new version
 * (POST …/mapping-profiles, refusals beside the value map they name) and the side-by-side dry run of
 * a real document (POST …/dry-run): canonical on the left, the ERP wire payload on the right.
 */
export default function MappingPage() {
  const { t } = useI18n();
  const connections = useConnections();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('connection');
  const connection: Connection | undefined =
    connections.data?.items.find((c) => c.id === chosen) ?? connections.data?.items[0];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('int.mapping.title')}
      </Typography.Title>
      <ErrorNotice error={connections.error} />
      <Space wrap>
        <Typography.Text>{t('int.connection')}</Typography.Text>
        <Select
          style={{ minWidth: 280 }}
          value={connection?.id ?? null}
          loading={connections.loading}
          options={(connections.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(id: string) => setParams({ connection: id })}
          data-testid="mapping-connection"
        />
      </Space>
      {connection === undefined ? null : <ConnectionMapping key={connection.id} connection={connection} />}
    </Space>
  );
}

function ConnectionMapping({ connection }: { readonly connection: Connection }) {
  const { t, instant } = useI18n();
  const profiles = useRequest(`profiles-${connection.id}`, () =>
    unwrap(api.GET('/api/v1/connections/{id}/mapping-profiles', { params: { path: { id: connection.id } } })),
  );
  const [base, setBase] = useState<MappingProfile | undefined>(undefined);
  const [tab, setTab] = useState('versions');
  const latest = profiles.data?.items[0];
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        {
          key: 'versions',
          label: t('int.mapping.versions'),
          children: (
            <>
              <ErrorNotice error={profiles.error} />
              <Table<MappingProfile>
                rowKey="version"
                size="middle"
                loading={profiles.loading}
                dataSource={profiles.data?.items ?? []}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="profile-versions"
                locale={{ emptyText: t('int.mapping.noVersions') }}
                columns={[
                  { title: t('int.mapping.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
                  { title: t('int.mapping.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
                  {
                    title: t('int.mapping.by'),
                    dataIndex: 'createdBy',
                    render: (n: string | null) => n ?? '—',
                  },
                  {
                    title: t('int.mapping.at'),
                    dataIndex: 'createdAt',
                    render: (at: string | null) => (at === null ? '—' : instant(at)),
                  },
                  {
                    title: t('int.connections.erpVersion'),
                    dataIndex: 'erpVersion',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: t('int.mapping.maps'),
                    key: 'maps',
                    render: (_: unknown, p) =>
                      VALUE_MAPS.filter((m) => Object.keys(p.valueMaps[m] ?? {}).length > 0).map((m) => (
                        <Tag key={m}>
                          {m}: {Object.keys(p.valueMaps[m] ?? {}).length}
                        </Tag>
                      )),
                  },
                  {
                    title: t('int.actions'),
                    key: 'a',
                    render: (_: unknown, p) => (
                      <Button
                        size="small"
                        onClick={() => {
                          setBase(p);
                          setTab('edit');
                        }}
                      >
                        {t('int.mapping.startFrom')}
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          ),
        },
        {
          key: 'edit',
          label: t('int.mapping.newVersion'),
          children: (
            <ProfileEditor
              key={`${base?.version ?? latest?.version ?? 'none'}`}
              connection={connection}
              base={base ?? latest}
              onSaved={() => {
                profiles.reload();
                setBase(undefined);
                setTab('versions');
              }}
            />
          ),
        },
        {
          key: 'dry-run',
          label: <span data-testid="dry-run-tab">{t('int.mapping.dryRun')}</span>,
          children: <DryRunPanel connection={connection} versions={profiles.data?.items ?? []} />,
        },
      ]}
    />
  );
}

interface ProfileValues {
  valueMaps?: Record<string, Record<string, string>>;
  settings?: Record<string, unknown>;
  note?: string;
}

function ProfileEditor({
  connection,
  base,
  onSaved,
}: {
  readonly connection: Connection;
  readonly base: MappingProfile | undefined;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const connectors = useConnectors();
  const connector = connectors.data?.items.find((c) => c.type === connection.type);
  const [form] = Form.useForm<ProfileValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const schema = connector?.profileSettings as JsonSchema | undefined;

  const save = async (values: ProfileValues) => {
    setError(undefined);
    try {
      const answer = await unwrap(
        api.POST('/api/v1/connections/{id}/mapping-profiles', {
          params: { path: { id: connection.id } },
          body: {
            valueMaps: values.valueMaps ?? {},
            settings:
              (schema === undefined
                ? values.settings
                : (fromFormValues(schema, values.settings ?? {}) as Record<string, unknown>)) ?? {},
            ...(values.note === undefined || values.note === '' ? {} : { note: values.note }),
          },
        }),
      );
      setSaved(
        t('int.mapping.saved', { version: answer.version }) +
          (answer.unverified.length > 0
            ? ` — ${t('int.mapping.unverified', { list: answer.unverified.join(', ') })}`
            : ''),
      );
      onSaved();
    } catch (e) {
      // refusals name `/valueMaps/<map>/<code>`: shown beside the map they belong to
      const left = showFieldErrors(form, e);
      const byMap = new Map<string, string[]>();
      for (const f of left) {
        const [, map, code] = /^\/valueMaps\/([^/]+)\/(.+)$/.exec(f.pointer) ?? [];
        if (map === undefined || code === undefined) continue;
        byMap.set(map, [...(byMap.get(map) ?? []), `${code}: ${f.message}`]);
      }
      form.setFields([...byMap].map(([name, errors]) => ({ name: ['valueMaps', name], errors })));
      setError(e);
    }
  };

  if (connectors.data === undefined) return <ErrorNotice error={connectors.error} />;
  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void save(v)}
      data-testid="profile-form"
      initialValues={{ valueMaps: base?.valueMaps ?? {}, settings: base?.settings ?? {} }}
    >
      {saved === undefined ? null : (
        <Alert type="success" showIcon message={saved} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph type="secondary">
        {base === undefined
          ? t('int.mapping.fromDefaults')
          : t('int.mapping.fromVersion', { version: base.version })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('int.mapping.valueMaps')}</Typography.Title>
      <Row gutter={16}>
        {VALUE_MAPS.map((m) => (
          <Col xs={24} lg={12} key={m}>
            <Form.Item name={['valueMaps', m]} label={m} data-testid={`value-map-${m}`}>
              <MapInput />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {schema === undefined ? null : (
        <>
          <Typography.Title level={5}>{t('int.mapping.settings')}</Typography.Title>
          <SchemaFields schema={schema} name={['settings']} />
        </>
      )}
      <Form.Item name="note" label={t('int.mapping.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <ErrorNotice error={error} />
      <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} data-testid="save-profile">
        {t('int.mapping.saveVersion')}
      </Button>
    </Form>
  );
}

/** The canonical document of a posting, when the API can give it: claims and advances have a voucher preview. */
async function documentOfPosting(posting: Posting): Promise<unknown> {
  try {
    const claim = await unwrap(
      api.GET('/api/v1/expense-claims/{id}/voucher', { params: { path: { id: posting.documentId } } }),
    );
    return claim.voucher;
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
  }
  const advance = await unwrap(
    api.GET('/api/v1/advances/{id}/voucher', { params: { path: { id: posting.documentId } } }),
  );
  return advance.voucher;
}

function DryRunPanel({
  connection,
  versions,
}: {
  readonly connection: Connection;
  readonly versions: readonly MappingProfile[];
}) {
  const { t, instant } = useI18n();
  const [source, setSource] = useState<'posting' | 'paste'>('posting');
  const [postingId, setPostingId] = useState<string | undefined>(undefined);
  const [text, setText] = useState(JSON.stringify(SAMPLE_VOUCHER, null, 2));
  const [kind, setKind] = useState<Kind>('voucher');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<{ document: unknown; answer: DryRun } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [running, setRunning] = useState(false);
  const postings = useRequest(`dry-postings-${connection.id}`, () =>
    unwrap(api.GET('/api/v1/postings', { params: { query: { connectionId: connection.id, limit: 50 } } })),
  );

  const run = async () => {
    setError(undefined);
    setResult(undefined);
    setRunning(true);
    try {
      let document: unknown;
      let documentKind = kind;
      let documentId: string | undefined;
      if (source === 'posting') {
        const posting = postings.data?.items.find((p) => p.id === postingId);
        if (posting === undefined) throw new Error(t('int.mapping.pickPosting'));
        try {
          document = await documentOfPosting(posting);
        } catch (e) {
          throw e instanceof ApiError && e.status === 404 ? new Error(t('int.mapping.noDocument')) : e;
        }
        documentKind = 'voucher';
        documentId = /^[0-9A-Za-z._-]{1,60}$/.test(posting.documentId) ? posting.documentId : undefined;
      } else {
        try {
          document = JSON.parse(text) as unknown;
        } catch {
          throw new Error(t('int.mapping.badJson'));
        }
      }
      if (typeof document !== 'object' || document === null) throw new Error(t('int.mapping.badJson'));
      const answer = await unwrap(
        api.POST('/api/v1/connections/{id}/dry-run', {
          params: { path: { id: connection.id } },
          body: {
            kind: documentKind,
            document: document as Record<string, unknown>,
            ...(version === undefined ? {} : { profileVersion: version }),
            ...(documentId === undefined ? {} : { documentId }),
          },
        }),
      );
      setResult({ document, answer });
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  // claims and advances post vouchers under their own id (a UUID): the API gives their voucher back
  const claimPostings = (postings.data?.items ?? []).filter(
    (p) => p.documentType === 'voucher' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(p.documentId),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Radio.Group
        value={source}
        onChange={(e) => setSource(e.target.value as 'posting' | 'paste')}
        data-testid="dry-run-source"
      >
        <Radio.Button value="posting">{t('int.mapping.fromPosting')}</Radio.Button>
        <Radio.Button value="paste" data-testid="dry-run-paste">
          {t('int.mapping.paste')}
        </Radio.Button>
      </Radio.Group>
      {source === 'posting' ? (
        <>
          <Select
            style={{ width: '100%', maxWidth: 640 }}
            placeholder={t('int.mapping.pickPosting')}
            value={postingId}
            onChange={setPostingId}
            loading={postings.loading}
            options={claimPostings.map((p) => ({
              value: p.id,
              label: `${p.documentId} · ${p.erpNumber ?? p.status} · ${instant(p.createdAt)}`,
            }))}
            data-testid="dry-run-posting"
          />
          <Typography.Text type="secondary">{t('int.mapping.postingHint')}</Typography.Text>
        </>
      ) : (
        <>
          <Select<Kind>
            value={kind}
            onChange={setKind}
            style={{ width: 200 }}
            options={KINDS.map((k) => ({ value: k, label: k }))}
          />
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 20 }}
            style={{ fontFamily: 'monospace' }}
            data-testid="dry-run-json"
          />
        </>
      )}
      <Space wrap>
        <Typography.Text>{t('int.mapping.version')}</Typography.Text>
        <Select<number>
          allowClear
          placeholder={t('int.mapping.current')}
          style={{ width: 160 }}
          value={version ?? null}
          onChange={setVersion}
          options={[
            ...versions.map((v) => ({ value: v.version, label: `v${v.version}` })),
            { value: 0, label: t('int.mapping.defaults') },
          ]}
        />
        <Button type="primary" onClick={() => void run()} loading={running} data-testid="run-dry-run">
          {t('int.mapping.run')}
        </Button>
      </Space>
      <ErrorNotice error={error} />
      {result === undefined ? null : (
        <div data-testid="dry-run-result">
          <Typography.Paragraph>
            {t('int.mapping.resultHead', {
              object: result.answer.erpObject,
              operation: result.answer.operation,
              reference: result.answer.externalReference,
              version: result.answer.profileVersion,
            })}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('int.mapping.canonical')}</Typography.Title>
              <JsonBlock value={result.document} testId="dry-run-canonical" />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('int.mapping.wire')}</Typography.Title>
              <JsonBlock value={result.answer.payload} testId="dry-run-payload" />
            </Col>
          </Row>
          {result.answer.warnings.length === 0 ? null : (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="dry-run-warnings"
              message={t('int.mapping.warnings')}
              description={result.answer.warnings.map((w) => (
                <div key={`${w.pointer}-${w.code}`}>
                  {t('int.mapping.missing', { pointer: w.pointer, object: w.object, code: w.code })}
                </div>
              ))}
            />
          )}
          {result.answer.unverified.length === 0 ? null : (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 8 }}
              message={t('int.mapping.unverified', { list: result.answer.unverified.join(', ') })}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('int.mapping.explain')}
          </Typography.Title>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={result.answer.explain.map((e, key) => ({ ...e, key }))}
            data-testid="dry-run-explain"
            columns={[
              { title: t('int.mapping.source'), dataIndex: 'source' },
              { title: t('int.mapping.field'), dataIndex: 'field' },
              { title: t('int.mapping.from'), dataIndex: 'from' },
              { title: t('int.mapping.to'), dataIndex: 'to' },
              { title: t('int.mapping.rule'), dataIndex: 'rule' },
              {
                title: t('int.mapping.object'),
                dataIndex: 'object',
                render: (o: string | undefined) => o ?? '—',
              },
            ]}
          />
        </div>
      )}
    </Space>
  );
}

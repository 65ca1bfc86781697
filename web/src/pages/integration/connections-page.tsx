import {
  ApiOutlined,
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { SchemaFields, fromFormValues, type JsonSchema } from '../../components/integration-schema-form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { connectionName, useConnections, useConnectorName, useConnectors } from './shared.tsx';
import type { Connection, Connector, TestResult } from './types.ts';
import { useScreens } from '../../components/use-screens.ts';

/**
 * Integration: ERP connections (GET /api/v1/connections). Create and edit with forms generated from
 * the connector's settings and credential schemas (GET /api/v1/connectors), "test connection"
 * (POST …/test: latency, ERP version, unsupported-version warning), pause and resume (PATCH status).
 */
export default function ConnectionsPage() {
  const { t, instant } = useI18n();
  const connections = useConnections();
  const connectors = useConnectors();
  const nameOf = useConnectorName(connectors.data?.items);
  const [editing, setEditing] = useState<Connection | 'new' | undefined>(undefined);
  const [tests, setTests] = useState<Readonly<Record<string, TestResult | 'running' | { failed: unknown }>>>(
    {},
  );
  const [actionError, setActionError] = useState<unknown>(undefined);
  const screens = useScreens();

  const runTest = async (c: Connection) => {
    setTests((s) => ({ ...s, [c.id]: 'running' }));
    try {
      const result = await unwrap(
        api.POST('/api/v1/connections/{id}/test', { params: { path: { id: c.id } } }),
      );
      setTests((s) => ({ ...s, [c.id]: result }));
      connections.reload();
    } catch (error) {
      setTests((s) => ({ ...s, [c.id]: { failed: error } }));
    }
  };
  const setStatus = async (c: Connection, status: 'active' | 'paused') => {
    setActionError(undefined);
    try {
      await unwrap(
        api.PATCH('/api/v1/connections/{id}', { params: { path: { id: c.id } }, body: { status } }),
      );
      connections.reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
        }}
      >
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('int.connections.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="new-connection"
        >
          {t('int.connections.new')}
        </Button>
      </div>
      <ErrorNotice error={connections.error ?? connectors.error ?? actionError} />
      {Object.entries(tests).map(([id, result]) => (
        <div key={id} data-testid="test-outcome" data-connection={id}>
          <Typography.Text strong>{connectionName(connections.data?.items, id)}</Typography.Text>
          <TestOutcome result={result} />
        </div>
      ))}
      <Table<Connection>
        rowKey="id"
        size="middle"
        loading={connections.loading && connections.data === undefined}
        dataSource={connections.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="connections-table"
        columns={[
          { title: t('int.connections.name'), dataIndex: 'name' },
          { title: t('int.connections.type'), dataIndex: 'type', render: (type: string) => nameOf(type) },
          {
            title: t('int.connections.status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'active' ? 'green' : 'orange'} data-testid="connection-status">
                {s === 'active'
                  ? t('int.connections.active')
                  : s === 'paused'
                    ? t('int.connections.paused')
                    : s}
              </Tag>
            ),
          },
          {
            title: t('int.connections.erpVersion'),
            dataIndex: 'erpVersion',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('int.connections.rateLimit'),
            dataIndex: 'rateLimitRps',
            render: (n: number) => t('int.connections.rps', { n }),
          },
          {
            title: t('int.connections.updated'),
            dataIndex: 'updatedAt',
            render: (at: string) => instant(at),
          },
          {
            title: t('int.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, c) => (
              <Space wrap>
                <Button
                  size="small"
                  icon={<ApiOutlined />}
                  loading={tests[c.id] === 'running'}
                  onClick={() => void runTest(c)}
                  data-testid="test-connection"
                >
                  {t('int.connections.test')}
                </Button>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(c)}
                  data-testid="edit-connection"
                >
                  {t('int.edit')}
                </Button>
                {c.status === 'paused' ? (
                  <Button
                    size="small"
                    icon={<PlayCircleOutlined />}
                    onClick={() => void setStatus(c, 'active')}
                    data-testid="resume-connection"
                  >
                    {t('int.connections.resume')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    icon={<PauseCircleOutlined />}
                    onClick={() => void setStatus(c, 'paused')}
                    data-testid="pause-connection"
                  >
                    {t('int.connections.pause')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={editing !== undefined}
        width={screens.md ? 640 : '100%'}
        title={editing === 'new' ? t('int.connections.new') : t('int.connections.edit')}
        onClose={() => setEditing(undefined)}
        destroyOnHidden
      >
        {editing === undefined || connectors.data === undefined ? null : (
          <ConnectionForm
            connectors={connectors.data.items}
            connection={editing === 'new' ? undefined : editing}
            onSaved={() => {
              setEditing(undefined);
              connections.reload();
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}

function TestOutcome({
  result,
}: {
  readonly result: TestResult | 'running' | { failed: unknown } | undefined;
}) {
  const { t } = useI18n();
  if (result === undefined || result === 'running')
    return <Typography.Text type="secondary">{t('int.connections.testing')}</Typography.Text>;
  if ('failed' in result) return <ErrorNotice error={result.failed} />;
  if (!result.ok)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="test-result"
        message={t('int.connections.testFailed', { ms: result.latencyMs })}
        description={`${result.outcome} · ${result.code}: ${result.message}`}
      />
    );
  return (
    <Alert
      type={result.supported === false ? 'warning' : 'success'}
      showIcon
      data-testid="test-result"
      message={t('int.connections.testOk', { ms: result.latencyMs })}
      description={
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('int.connections.latency')}>
            <span data-testid="test-latency">{result.latencyMs} ms</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('int.connections.detectedVersion')}>
            <span data-testid="test-version">{result.version ?? '—'}</span>
            {result.supported === undefined ? null : (
              <Tag color={result.supported ? 'green' : 'orange'} style={{ marginLeft: 8 }}>
                {result.supported ? t('int.connections.supported') : t('int.connections.unsupported')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('int.connections.detail')}>{result.detail}</Descriptions.Item>
          {result.warning === undefined ? null : (
            <Descriptions.Item label={t('int.connections.warning')}>
              <Typography.Text type="warning" data-testid="test-warning">
                {result.warning}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      }
    />
  );
}

interface FormValues {
  name?: string;
  type?: string;
  baseUrl?: string;
  rateLimitRps?: number;
  settings?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
}

function ConnectionForm({
  connectors,
  connection,
  onSaved,
}: {
  readonly connectors: readonly Connector[];
  readonly connection: Connection | undefined;
  readonly onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const type = Form.useWatch('type', form) ?? connection?.type;
  const connector = connectors.find((c) => c.type === type);
  const settingsSchema = connector?.settings as JsonSchema | undefined;
  const authKindField = Form.useWatch(['settings', 'authKind'], form) as unknown;
  const authKind =
    typeof authKindField === 'string'
      ? authKindField
      : ((connection?.settings['authKind'] as string | undefined) ?? connector?.authKinds[0]);
  const credentialSchema =
    connector === undefined || authKind === undefined
      ? undefined
      : (connector.credentials[authKind] as JsonSchema | undefined);

  const save = async (values: FormValues) => {
    if (connector === undefined || settingsSchema === undefined) return;
    setError(undefined);
    setSaving(true);
    const settings = (fromFormValues(settingsSchema, values.settings ?? {}) ?? {}) as Record<string, unknown>;
    const credentials = Object.fromEntries(
      Object.entries(values.credentials ?? {}).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
      ),
    );
    try {
      if (connection === undefined)
        await unwrap(
          api.POST('/api/v1/connections', {
            body: {
              name: values.name ?? '',
              type: connector.type,
              baseUrl: values.baseUrl ?? '',
              settings,
              credentials,
              ...(values.rateLimitRps === undefined ? {} : { rateLimitRps: values.rateLimitRps }),
            },
          }),
        );
      else
        await unwrap(
          api.PATCH('/api/v1/connections/{id}', {
            params: { path: { id: connection.id } },
            body: {
              ...(values.baseUrl === undefined ? {} : { baseUrl: values.baseUrl }),
              settings,
              ...(Object.keys(credentials).length === 0 ? {} : { credentials }),
              ...(values.rateLimitRps === undefined ? {} : { rateLimitRps: values.rateLimitRps }),
            },
          }),
        );
      onSaved();
    } catch (e) {
      showFieldErrors(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void save(v)}
      data-testid="connection-form"
      initialValues={
        connection === undefined
          ? { rateLimitRps: undefined }
          : {
              name: connection.name,
              type: connection.type,
              baseUrl: connection.baseUrl,
              rateLimitRps: connection.rateLimitRps,
              settings: connection.settings,
            }
      }
    >
      <Form.Item
        name="name"
        label={t('int.connections.name')}
        rules={[{ required: true, message: t('int.form.required', { field: t('int.connections.name') }) }]}
      >
        <Input disabled={connection !== undefined} maxLength={100} data-testid="connection-name" />
      </Form.Item>
      <Form.Item
        name="type"
        label={t('int.connections.type')}
        rules={[{ required: true, message: t('int.form.required', { field: t('int.connections.type') }) }]}
      >
        <Select
          disabled={connection !== undefined}
          options={connectors.map((c) => ({ value: c.type, label: `${pick(c.names)} (${c.type})` }))}
          onChange={() => form.setFieldsValue({ settings: {}, credentials: {} })}
          data-testid="connection-type"
        />
      </Form.Item>
      <Form.Item
        name="baseUrl"
        label={t('int.connections.baseUrl')}
        rules={[{ required: true, message: t('int.form.required', { field: t('int.connections.baseUrl') }) }]}
      >
        <Input placeholder="https://erp.example.com/" data-testid="connection-baseUrl" />
      </Form.Item>
      <Form.Item
        name="rateLimitRps"
        label={t('int.connections.rateLimit')}
        extra={
          connector === undefined
            ? undefined
            : t('int.connections.defaultRps', { n: connector.defaultRateLimitRps })
        }
      >
        <InputNumber min={1} max={1000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {settingsSchema === undefined ? null : (
        <>
          <Typography.Title level={5}>{t('int.connections.settings')}</Typography.Title>
          <SchemaFields
            key={`s-${type ?? ''}`}
            schema={settingsSchema}
            name={['settings']}
            testId="settings-fields"
          />
        </>
      )}
      {credentialSchema === undefined ? null : (
        <>
          <Typography.Title level={5}>
            {t('int.connections.credentials')} <Tag>{authKind}</Tag>
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {connection === undefined
              ? t('int.connections.credentialsNew')
              : t('int.connections.credentialsKeep')}
          </Typography.Paragraph>
          <SchemaFields
            key={`c-${type ?? ''}-${authKind ?? ''}`}
            schema={credentialSchema}
            name={['credentials']}
            optional={connection !== undefined}
            testId="credential-fields"
          />
        </>
      )}
      <ErrorNotice error={error} />
      <Form.Item style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="save-connection">
          {t('int.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}

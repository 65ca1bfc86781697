import { ExclamationCircleOutlined, KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from './shared.tsx';

type ClientBody = operations['createClient']['requestBody']['content']['application/json'];
type ClientScope = ClientBody['scopes'][number];
type Created = operations['createClient']['responses'][201]['content']['application/json'];
type Client = Created['client'];

/**
 * Administration: API clients (OAuth 2.0 client credentials) of the company, clients:admin. The list
 * shows who each client is and what it may do — never a secret. A new client's secret is shown once,
 * in a dialog with a copy button and a warning; closing it forgets the secret (only its hash is
 * stored). Revoking a client stops its tokens at once.
 */
export default function ClientsPage() {
  const { t, instant } = useI18n();
  const clients = useRequest('admin-clients', () => unwrap(api.GET('/api/v1/clients')));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const revoke = async (client: Client) => {
    setError(undefined);
    try {
      await unwrap(api.POST('/api/v1/clients/{id}/revoke', { params: { path: { id: client.id } } }));
      clients.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('admin.clients.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-client"
          >
            {t('admin.clients.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.clients.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={clients.error ?? error} />
      <Table<Client>
        rowKey="id"
        size="middle"
        loading={clients.loading && clients.data === undefined}
        dataSource={clients.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="clients-table"
        columns={[
          {
            title: t('admin.clients.name'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <Space>
                {name}
                {c.status === 'revoked' ? <Tag color="red">{t('admin.clients.revoked')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('admin.clients.clientId'),
            dataIndex: 'clientId',
            render: (id: string) => (
              <Typography.Text code copyable={{ text: id }}>
                {id}
              </Typography.Text>
            ),
          },
          {
            title: t('admin.clients.scopes'),
            dataIndex: 'scopes',
            render: (scopes: readonly string[]) => (
              <Space size={[0, 4]} wrap style={{ maxWidth: 420 }}>
                {scopes.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('admin.created'), dataIndex: 'createdAt', render: (at: string) => instant(at) },
          {
            title: t('admin.actions'),
            key: 'revoke',
            render: (_: unknown, c) =>
              c.status === 'revoked' ? null : (
                <Popconfirm
                  title={t('admin.clients.revokeConfirm', { name: c.name })}
                  description={t('admin.clients.revokeHint')}
                  okText={t('admin.clients.revoke')}
                  okButtonProps={{ danger: true, 'data-testid': 'confirm-revoke' }}
                  cancelText={t('admin.cancel')}
                  onConfirm={() => void revoke(c)}
                >
                  <Button size="small" danger icon={<StopOutlined />} data-testid={`revoke-${c.clientId}`}>
                    {t('admin.clients.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating ? (
        <NewClient
          onClose={() => setCreating(false)}
          onCreated={(answer) => {
            setCreating(false);
            setCreated(answer);
            clients.reload();
          }}
        />
      ) : null}
      {created === undefined ? null : <SecretOnce created={created} onClose={() => setCreated(undefined)} />}
    </Space>
  );
}

function NewClient({
  onClose,
  onCreated,
}: {
  readonly onClose: () => void;
  readonly onCreated: (created: Created) => void;
}) {
  const { t } = useI18n();
  const { me } = useMe();
  const [form] = Form.useForm<ClientBody>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  // the scopes a client may be granted (the server's list), of those this person holds
  const metadata = useRequest('oauth-metadata', () =>
    unwrap(api.GET('/.well-known/oauth-authorization-server')),
  );
  const grantable = (metadata.data?.scopes_supported ?? []).filter((s) =>
    me.scopes.includes(s),
  ) as ClientScope[];

  const save = async (values: ClientBody) => {
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await unwrap(api.POST('/api/v1/clients', { body: values })));
    } catch (failure) {
      showFieldErrors(form, failure);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('admin.clients.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.clients.create')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'client-create' }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorNotice error={error ?? metadata.error} />
        <Form<ClientBody>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ scopes: [] }}
          data-testid="client-form"
        >
          <Form.Item
            name="name"
            label={t('admin.clients.name')}
            rules={[{ required: true, message: t('admin.required', { field: t('admin.clients.name') }) }]}
          >
            <Input maxLength={100} data-testid="client-name" />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('admin.clients.scopes')}
            extra={t('admin.clients.scopesHint')}
            rules={[{ required: true, message: t('admin.clients.scopesRequired') }]}
          >
            <Checkbox.Group data-testid="client-scopes">
              <Space direction="vertical" size={2}>
                {grantable.map((s) => (
                  <Checkbox key={s} value={s} data-scope={s}>
                    <Typography.Text code>{s}</Typography.Text>
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

/** The one time a client's secret is shown: copy it now, it cannot be shown again. */
function SecretOnce({ created, onClose }: { readonly created: Created; readonly onClose: () => void }) {
  const { t } = useI18n();
  const tokenUrl = `${window.location.origin}/oauth/token`;
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      keyboard={false}
      title={
        <Space>
          <KeyOutlined />
          {t('admin.clients.secretTitle', { name: created.client.name })}
        </Space>
      }
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('admin.clients.secretDone')}
        </Button>
      }
      width={640}
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="client-secret-dialog">
        <Alert
          type="warning"
          showIcon
          icon={<ExclamationCircleOutlined />}
          message={t('admin.clients.secretWarning')}
          description={t('admin.clients.secretWarningDetail')}
        />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('admin.clients.clientId')}>
            <Typography.Text
              code
              copyable={{ text: created.client.clientId }}
              data-testid="created-client-id"
            >
              {created.client.clientId}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.clients.secret')}>
            <Typography.Text
              code
              copyable={{ text: created.clientSecret, tooltips: [t('admin.copy'), t('admin.copied')] }}
              data-testid="client-secret"
            >
              {created.clientSecret}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.clients.tokenUrl')}>
            <Typography.Text code>{tokenUrl}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('admin.clients.howToUse')}
        </Typography.Paragraph>
        <Typography.Paragraph code copyable style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {`curl -u '${created.client.clientId}:<secret>' -d grant_type=client_credentials ${tokenUrl}`}
        </Typography.Paragraph>
      </Space>
    </Modal>
  );
}

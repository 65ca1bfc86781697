import { LockOutlined, SafetyOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { PageHeader, age } from './shared.tsx';

type Keys = operations['listKeys']['responses'][200]['content']['application/json'];
type SigningKey = Keys['signing']['keys'][number];
type MasterReport = operations['rotateMasterKey']['responses'][200]['content']['application/json'];
type SigningReport = operations['rotateSigningKey']['responses'][200]['content']['application/json'];

const STATUS: Record<SigningKey['status'], { color: string; label: MessageKey }> = {
  active: { color: 'green', label: 'admin.keys.active' },
  retiring: { color: 'orange', label: 'admin.keys.retiring' },
  retired: { color: 'default', label: 'admin.keys.retired' },
};

/**
 * Administration: the keys every company shares, for installation operators (platform:admin) — the
 * token-signing keys (GET /api/v1/keys; rotate: POST /api/v1/keys/signing:rotate, old tokens keep
 * working until they expire) and the master key that seals every stored secret (rotate: POST
 * /api/v1/keys/master:rotate, every secret re-sealed in one transaction). Ids and ages only: no key
 * material ever reaches the browser.
 */
export default function KeysPage() {
  const { t, instant } = useI18n();
  const keys = useRequest('admin-keys', () => unwrap(api.GET('/api/v1/keys')));
  const [busy, setBusy] = useState<'signing' | 'master' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [signingDone, setSigningDone] = useState<SigningReport | undefined>(undefined);
  const [masterDone, setMasterDone] = useState<MasterReport | undefined>(undefined);
  const data = keys.data;

  const rotateSigning = async () => {
    setBusy('signing');
    setError(undefined);
    try {
      setSigningDone(await unwrap(api.POST('/api/v1/keys/signing:rotate')));
      keys.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const rotateMaster = async () => {
    setBusy('master');
    setError(undefined);
    try {
      setMasterDone(await unwrap(api.POST('/api/v1/keys/master:rotate')));
      keys.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const master = data?.master;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('admin.keys.title')} />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.keys.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={keys.error ?? error} />

      <Card
        size="small"
        title={
          <Space>
            <SafetyOutlined />
            {t('admin.keys.signing')}
          </Space>
        }
        extra={
          <Popconfirm
            title={t('admin.keys.rotateSigningConfirm')}
            description={t('admin.keys.rotateSigningHint', {
              ttl: Math.round((data?.signing.tokenTtlSeconds ?? 0) / 60),
            })}
            okText={t('admin.keys.rotate')}
            cancelText={t('admin.cancel')}
            okButtonProps={{ 'data-testid': 'confirm-rotate-signing' }}
            onConfirm={() => void rotateSigning()}
          >
            <Button icon={<SyncOutlined />} loading={busy === 'signing'} data-testid="rotate-signing">
              {t('admin.keys.rotateSigning')}
            </Button>
          </Popconfirm>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {signingDone === undefined ? null : (
            <Alert
              type="success"
              showIcon
              closable
              data-testid="signing-rotated"
              message={t('admin.keys.signingRotated', { kid: signingDone.kid })}
              description={
                signingDone.retiring.length === 0
                  ? undefined
                  : t('admin.keys.stillVerifying', { kids: signingDone.retiring.join(', ') })
              }
            />
          )}
          <Table<SigningKey>
            rowKey="kid"
            size="small"
            loading={keys.loading && data === undefined}
            dataSource={data?.signing.keys ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="signing-keys"
            columns={[
              {
                title: t('admin.keys.kid'),
                dataIndex: 'kid',
                render: (kid: string) => <Typography.Text code>{kid}</Typography.Text>,
              },
              {
                title: t('admin.keys.status'),
                dataIndex: 'status',
                render: (s: SigningKey['status']) => (
                  <Tag color={STATUS[s].color} data-status={s}>
                    {t(STATUS[s].label)}
                  </Tag>
                ),
              },
              { title: t('admin.keys.alg'), dataIndex: 'alg' },
              { title: t('admin.created'), dataIndex: 'createdAt', render: (at: string) => instant(at) },
              {
                title: t('admin.keys.age'),
                key: 'age',
                render: (_: unknown, k) => (data === undefined ? '—' : age(t, k.createdAt, data.asOf)),
              },
              {
                title: t('admin.keys.retiredAt'),
                dataIndex: 'retiredAt',
                render: (at: string | null) => (at === null ? '—' : instant(at)),
              },
            ]}
          />
        </Space>
      </Card>

      <Card
        size="small"
        title={
          <Space>
            <LockOutlined />
            {t('admin.keys.master')}
          </Space>
        }
        extra={
          <Popconfirm
            title={t('admin.keys.rotateMasterConfirm')}
            description={
              master?.mode === 'environment'
                ? t('admin.keys.rotateMasterEnvHint')
                : t('admin.keys.rotateMasterHint')
            }
            okText={t('admin.keys.rotate')}
            cancelText={t('admin.cancel')}
            okButtonProps={{ 'data-testid': 'confirm-rotate-master' }}
            onConfirm={() => void rotateMaster()}
          >
            <Button
              danger
              icon={<SyncOutlined />}
              loading={busy === 'master'}
              disabled={master === undefined}
              data-testid="rotate-master"
            >
              {t('admin.keys.rotateMaster')}
            </Button>
          </Popconfirm>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {masterDone === undefined ? null : (
            <Alert
              type="success"
              showIcon
              closable
              data-testid="master-rotated"
              message={t('admin.keys.masterRotated', { id: masterDone.newKeyId })}
              description={t('admin.keys.masterResealed', {
                signing: masterDone.signingKeys,
                platform: masterDone.platformSecrets,
                secrets: masterDone.secrets,
              })}
            />
          )}
          {master === undefined || data === undefined ? null : (
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="master-key">
              <Descriptions.Item label={t('admin.keys.mode')}>
                {master.mode === 'key-file' ? t('admin.keys.modeFile') : t('admin.keys.modeEnv')}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.keys.primary')}>
                <Typography.Text code data-testid="master-primary">
                  {master.primaryId}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.keys.written')}>
                {master.writtenAt === null
                  ? t('admin.keys.unknownAge')
                  : `${instant(master.writtenAt)} (${age(t, master.writtenAt, data.asOf)})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.keys.previous')}>
                {master.previousIds.length === 0
                  ? '—'
                  : master.previousIds.map((id) => (
                      <Tag key={id}>
                        <code>{id}</code>
                      </Tag>
                    ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin.keys.sealed')} span={2}>
                <Space wrap>
                  {master.sealed.map((s) => (
                    <Tag key={s.keyId} color={s.keyId === master.primaryId ? 'green' : 'default'}>
                      <code>{s.keyId}</code>
                      {`: ${t('admin.keys.values', { n: s.values })}`}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Text type="secondary">{t('admin.keys.restartHint')}</Typography.Text>
        </Space>
      </Card>
    </Space>
  );
}

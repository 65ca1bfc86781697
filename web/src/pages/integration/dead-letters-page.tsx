import { RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Popconfirm, Select, Space, Table, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  connectionName,
  POSTING_STATUS_LABEL,
  PostingStatusTag,
  useConnections,
  usePolled,
} from './shared.tsx';
import type { Posting } from './types.ts';
import { useScreens } from '../../components/use-screens.ts';

type Parked = 'rejected' | 'dead';
const PARKED: readonly Parked[] = ['rejected', 'dead'];
const isParked = (s: string | null): s is Parked => s === 'rejected' || s === 'dead';

interface BulkValues {
  status: Parked;
  connectionId?: string;
  errorCode?: string;
  documentType?: string;
}

/**
 * Integration: dead letters — postings the ERP rejected or the hub gave up on (GET /api/v1/postings
 * ?status=rejected|dead), with the reason in the reader's language beside the ERP's message; replay
 * one (POST /api/v1/postings/{id}/replay) or in bulk by filter (POST /api/v1/postings/replay).
 */
export default function DeadLettersPage() {
  const { t, instant } = useI18n();
  const [params, setParams] = useSearchParams();
  const screens = useScreens();
  const connections = useConnections();
  const statusParam = params.get('status');
  const status: Parked = isParked(statusParam) ? statusParam : 'rejected';
  const connectionId = params.get('connection') ?? undefined;
  const errorCode = params.get('errorCode') ?? undefined;
  const list = usePolled(`dead-${status}-${connectionId ?? ''}`, () =>
    unwrap(
      api.GET('/api/v1/postings', {
        params: { query: { status, limit: 500, ...(connectionId === undefined ? {} : { connectionId }) } },
      }),
    ),
  );
  const summary = usePolled('dead-summary', () => unwrap(api.GET('/api/v1/postings/summary')));
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [bulkAnswer, setBulkAnswer] = useState<
    { replayed: number; ids: string[]; more: boolean } | undefined
  >(undefined);
  const [toast, holder] = message.useMessage();
  const [form] = Form.useForm<BulkValues>();

  // the list API has no error-code filter: the page filters what it got (up to 500 per status)
  const items = (list.data?.items ?? []).filter(
    (p) => errorCode === undefined || p.lastError?.code === errorCode,
  );
  const codes = (summary.data?.parkedByError ?? []).filter((p) => p.status === status);

  const setFilter = (next: {
    status?: Parked;
    connection?: string | undefined;
    errorCode?: string | undefined;
  }) => {
    const q = new URLSearchParams();
    q.set('status', next.status ?? status);
    const c = 'connection' in next ? next.connection : connectionId;
    const e = 'errorCode' in next ? next.errorCode : errorCode;
    if (c !== undefined) q.set('connection', c);
    if (e !== undefined) q.set('errorCode', e);
    setParams(q);
  };

  const replayOne = async (p: Posting) => {
    setError(undefined);
    setBusy(p.id);
    try {
      const replayed = await unwrap(
        api.POST('/api/v1/postings/{id}/replay', { params: { path: { id: p.id } } }),
      );
      void toast.success(t('int.dead.replayedOne', { id: replayed.documentId }));
      list.reload();
      summary.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const replayBulk = async (values: BulkValues) => {
    setError(undefined);
    setBusy('bulk');
    try {
      const answer = await unwrap(
        api.POST('/api/v1/postings/replay', {
          body: {
            status: values.status,
            ...(values.connectionId === undefined ? {} : { connectionId: values.connectionId }),
            ...(values.errorCode === undefined ? {} : { errorCode: values.errorCode }),
            ...(values.documentType === undefined ? {} : { documentType: values.documentType }),
          },
        }),
      );
      setBulkAnswer(answer);
      list.reload();
      summary.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('int.dead.title')}
      </Typography.Title>
      <Space wrap>
        <Select<Parked>
          value={status}
          style={{ minWidth: 140 }}
          onChange={(s) => setFilter({ status: s, errorCode: undefined })}
          options={PARKED.map((s) => ({ value: s, label: t(POSTING_STATUS_LABEL[s]) }))}
          data-testid="dead-status"
        />
        <Select
          allowClear
          value={connectionId}
          placeholder={t('int.postings.anyConnection')}
          style={{ minWidth: 240 }}
          onChange={(c: string | undefined) => setFilter({ connection: c })}
          options={(connections.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          allowClear
          value={errorCode}
          placeholder={t('int.dead.anyCode')}
          style={{ minWidth: 200 }}
          onChange={(c: string | undefined) => setFilter({ errorCode: c })}
          options={codes.map((c) => ({ value: c.code, label: `${c.code} (${c.count})` }))}
        />
      </Space>
      <ErrorNotice error={error ?? list.error ?? connections.error} />
      <Table<Posting>
        rowKey="id"
        size="middle"
        loading={list.data === undefined && list.error === undefined}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="dead-table"
        locale={{ emptyText: t('int.dead.empty') }}
        columns={[
          {
            title: t('int.postings.document'),
            key: 'doc',
            render: (_: unknown, p) => `${p.documentType} · ${p.documentId}`,
          },
          {
            title: t('int.connection'),
            dataIndex: 'connectionId',
            render: (c: string) => connectionName(connections.data?.items, c),
          },
          {
            title: t('int.postings.status'),
            dataIndex: 'status',
            render: (s: string) => <PostingStatusTag status={s} />,
          },
          {
            title: t('int.dead.reason'),
            key: 'reason',
            render: (_: unknown, p) => <Reason posting={p} />,
          },
          { title: t('int.postings.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('int.postings.updated'), dataIndex: 'updatedAt', render: (at: string) => instant(at) },
          {
            title: t('int.actions'),
            key: 'a',
            fixed: 'right',
            render: (_: unknown, p) => (
              <Space>
                <Button
                  size="small"
                  icon={<RedoOutlined />}
                  loading={busy === p.id}
                  onClick={() => void replayOne(p)}
                  data-testid="replay-one"
                >
                  {t('int.dead.replay')}
                </Button>
                <Link to={`/integration/postings/${p.id}`}>{t('int.postings.trace')}</Link>
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title={t('int.dead.bulkTitle')}>
        <Typography.Paragraph type="secondary">{t('int.dead.bulkHint')}</Typography.Paragraph>
        <Form<BulkValues>
          form={form}
          layout={screens.md ? 'inline' : 'vertical'}
          initialValues={{ status }}
          onFinish={(v) => void replayBulk(v)}
          data-testid="bulk-replay"
        >
          <Form.Item name="status" label={t('int.postings.status')} rules={[{ required: true }]}>
            <Select<Parked>
              style={{ minWidth: 120 }}
              options={PARKED.map((s) => ({ value: s, label: t(POSTING_STATUS_LABEL[s]) }))}
            />
          </Form.Item>
          <Form.Item name="connectionId" label={t('int.connection')}>
            <Select
              allowClear
              style={{ minWidth: 220 }}
              options={(connections.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="errorCode" label={t('int.monitor.code')}>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              options={[...new Set((summary.data?.parkedByError ?? []).map((p) => p.code))].map((c) => ({
                value: c,
                label: c,
              }))}
            />
          </Form.Item>
          <Form.Item name="documentType" label={t('int.dead.documentType')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={['voucher', 'supplier_bill', 'payment'].map((d) => ({ value: d, label: d }))}
            />
          </Form.Item>
          <Form.Item>
            <Popconfirm title={t('int.dead.bulkConfirm')} onConfirm={() => form.submit()}>
              <Button type="primary" loading={busy === 'bulk'} data-testid="bulk-replay-submit">
                {t('int.dead.bulkReplay')}
              </Button>
            </Popconfirm>
          </Form.Item>
        </Form>
        {bulkAnswer === undefined ? null : (
          <Alert
            style={{ marginTop: 12 }}
            type={bulkAnswer.replayed > 0 ? 'success' : 'info'}
            showIcon
            data-testid="bulk-answer"
            message={t('int.dead.bulkDone', { n: bulkAnswer.replayed })}
            description={bulkAnswer.more ? t('int.dead.bulkMore') : undefined}
          />
        )}
      </Card>
    </Space>
  );
}

function Reason({ posting }: { readonly posting: Posting }) {
  const { locale } = useI18n();
  const e = posting.lastError;
  if (e === null) return <>—</>;
  return (
    <Space direction="vertical" size={0} style={{ maxWidth: 360 }}>
      {e.reasonText === null ? null : <Typography.Text strong>{e.reasonText[locale]}</Typography.Text>}
      <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }}>
        {e.code}: {e.message}
      </Typography.Text>
    </Space>
  );
}

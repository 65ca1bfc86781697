import { Button, Drawer, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PostingTrace } from './posting-trace.tsx';
import {
  connectionName,
  POSTING_STATUS_LABEL,
  PostingStatusTag,
  useConnections,
  usePolled,
} from './shared.tsx';
import { POSTING_STATUSES, type Posting, type PostingStatus } from './types.ts';
import { useScreens } from '../../components/use-screens.ts';

const PAGE_SIZE = 50;
const isStatus = (s: string | null): s is PostingStatus =>
  s !== null && (POSTING_STATUSES as readonly string[]).includes(s);

/**
 * Integration: postings (GET /api/v1/postings) filtered by status and connection (kept in the
 * address), refreshed every few seconds; a posting's trace timeline in a drawer at
 * /integration/postings/{id} (GET /api/v1/documents/{id}/trace).
 */
export default function PostingsPage() {
  const { t, instant } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const screens = useScreens();
  const connections = useConnections();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const connectionId = params.get('connection') ?? undefined;
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const list = usePolled(JSON.stringify({ status, connectionId, cursor }), () =>
    unwrap(
      api.GET('/api/v1/postings', {
        params: {
          query: {
            limit: PAGE_SIZE,
            ...(status === undefined ? {} : { status }),
            ...(connectionId === undefined ? {} : { connectionId }),
            ...(cursor === undefined ? {} : { cursor }),
          },
        },
      }),
    ),
  );
  const search = params.toString() === '' ? '' : `?${params.toString()}`;
  const apply = (values: { status?: PostingStatus; connection?: string }) => {
    const next = new URLSearchParams();
    if (values.status !== undefined) next.set('status', values.status);
    if (values.connection !== undefined) next.set('connection', values.connection);
    setCursors([undefined]);
    setParams(next);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('int.postings.title')}
      </Typography.Title>
      <Form
        key={search}
        layout={screens.md ? 'inline' : 'vertical'}
        initialValues={{ status, connection: connectionId }}
        onValuesChange={(_, all: { status?: PostingStatus; connection?: string }) => apply(all)}
        data-testid="posting-filters"
      >
        <Form.Item name="status" label={t('int.postings.status')}>
          <Select<PostingStatus>
            allowClear
            placeholder={t('int.postings.anyStatus')}
            style={{ minWidth: 140 }}
            options={POSTING_STATUSES.map((s) => ({ value: s, label: t(POSTING_STATUS_LABEL[s]) }))}
            data-testid="posting-status-filter"
          />
        </Form.Item>
        <Form.Item name="connection" label={t('int.connection')}>
          <Select
            allowClear
            placeholder={t('int.postings.anyConnection')}
            style={{ minWidth: 240 }}
            options={(connections.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Form>
      <ErrorNotice error={list.error ?? connections.error} />
      <Table<Posting>
        rowKey="id"
        size="middle"
        loading={list.data === undefined && list.error === undefined}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="postings-table"
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
            title: t('int.postings.erpNumber'),
            dataIndex: 'erpNumber',
            render: (n: string | null) => n ?? '—',
          },
          { title: t('int.postings.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('int.postings.updated'), dataIndex: 'updatedAt', render: (at: string) => instant(at) },
          {
            title: t('int.actions'),
            key: 'a',
            fixed: 'right',
            render: (_: unknown, p) => (
              <Link to={`/integration/postings/${p.id}${search}`} data-testid="open-trace">
                {t('int.postings.trace')}
              </Link>
            ),
          },
        ]}
      />
      <Space>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('claims.previous')}
        </Button>
        <Button
          disabled={list.data?.nextCursor == null}
          onClick={() => {
            const next = list.data?.nextCursor;
            if (next != null) setCursors((c) => [...c, next]);
          }}
        >
          {t('claims.next')}
        </Button>
      </Space>
      <Drawer
        open={id !== undefined}
        width={screens.md ? 760 : '100%'}
        title={t('int.trace.title')}
        onClose={() => void navigate(`/integration/postings${search}`)}
        destroyOnHidden
      >
        {id === undefined ? null : <PostingTrace id={id} />}
      </Drawer>
    </Space>
  );
}

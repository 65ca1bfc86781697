import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useScreens } from '../../components/use-screens.ts';

type ChangeRequest = operations['getChangeRequest']['responses'][200]['content']['application/json'];
type Status = ChangeRequest['status'];
type Policy =
  operations['listChangePolicies']['responses'][200]['content']['application/json']['items'][number];

const STATUS_COLOR: Record<Status, string> = {
  pending: 'processing',
  applied: 'success',
  rejected: 'default',
  failed: 'error',
};
const STATUS_LABEL: Record<Status, MessageKey> = {
  pending: 'gov.changes.status.pending',
  applied: 'gov.changes.status.applied',
  rejected: 'gov.changes.status.rejected',
  failed: 'gov.changes.status.failed',
};
const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
/** What the API shows instead of a secret (a connection's credentials): the diff says only that it changes. */
const REDACTED = '[redacted]';

/**
 * Governance: the checker's inbox (maker-checker, issue #19). Pending change requests with their
 * diff (before → after), approved (applied at once) or rejected with a reason by someone other than
 * the maker — the API refuses the maker, and the page says so; the decided ones as history; which
 * targets need a second person in this company.
 */
export default function ChangesPage() {
  const { t, instant, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'history' ? 'history' : 'pending';
  const list = useRequest(`gov-changes-${view}`, () =>
    unwrap(
      api.GET('/api/v1/governance/change-requests', {
        params: { query: view === 'pending' ? { status: 'pending', limit: 200 } : { limit: 200 } },
      }),
    ),
  );
  const policies = useRequest('gov-change-policies', () =>
    unwrap(api.GET('/api/v1/governance/change-policies')),
  );
  const [openId, setOpenId] = useState<string | undefined>(params.get('id') ?? undefined);
  const items = (list.data?.items ?? []).filter((c) => view === 'pending' || c.status !== 'pending');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="changes-title">
        {t('gov.changes.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('gov.changes.hint')}
      </Typography.Paragraph>
      <Segmented<'pending' | 'history'>
        value={view}
        onChange={(v) => setParams(v === 'history' ? { view: v } : {})}
        options={[
          { value: 'pending', label: t('gov.changes.pending') },
          { value: 'history', label: t('gov.changes.history') },
        ]}
        data-testid="changes-view"
      />
      <ErrorNotice error={list.error} />
      <Table<ChangeRequest>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="changes-table"
        locale={{ emptyText: t(view === 'pending' ? 'gov.changes.nonePending' : 'gov.changes.noneDecided') }}
        onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('gov.changes.summary'),
            dataIndex: 'summary',
            render: (s: string, c) => (
              <Typography.Link data-testid="change-row" onClick={() => setOpenId(c.id)}>
                {s}
              </Typography.Link>
            ),
          },
          { title: t('gov.changes.target'), dataIndex: 'target', render: (v: string) => <Tag>{v}</Tag> },
          {
            title: t('gov.changes.status'),
            dataIndex: 'status',
            render: (s: Status) => (
              <Tag color={STATUS_COLOR[s]} data-status={s}>
                {t(STATUS_LABEL[s])}
              </Tag>
            ),
          },
          { title: t('gov.changes.requestedBy'), dataIndex: 'requestedBy' },
          {
            title: t('gov.changes.requestedAt'),
            dataIndex: 'requestedAt',
            render: (at: string) => instant(at),
          },
          {
            title: t('gov.changes.decidedBy'),
            key: 'decided',
            render: (_: unknown, c) =>
              c.decidedAt === null ? '—' : `${c.decidedBy ?? ''} · ${instant(c.decidedAt)}`,
          },
        ]}
      />
      <Card size="small" title={t('gov.changes.policies')}>
        <ErrorNotice error={policies.error} />
        <Table<Policy>
          rowKey="target"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={policies.loading}
          dataSource={policies.data?.items ?? []}
          data-testid="change-policies"
          columns={[
            {
              title: t('gov.changes.target'),
              key: 'label',
              render: (_: unknown, p) => `${pick(p.label)} (${p.target})`,
            },
            {
              title: t('gov.changes.requiresApproval'),
              dataIndex: 'requiresApproval',
              render: (on: boolean, p) => (
                <Tag color={on ? 'orange' : 'default'} data-testid={`policy-${p.target}`}>
                  {t(on ? 'gov.changes.secondPerson' : 'gov.changes.direct')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {openId === undefined ? null : (
        <ChangeDrawer
          id={openId}
          onClose={() => setOpenId(undefined)}
          onDecided={() => {
            list.reload();
          }}
        />
      )}
    </Space>
  );
}

function ChangeDrawer({
  id,
  onClose,
  onDecided,
}: {
  readonly id: string;
  readonly onClose: () => void;
  readonly onDecided: () => void;
}) {
  const { t, instant } = useI18n();
  const { me } = useMe();
  const screens = useScreens();
  const request = useRequest(`gov-change-${id}`, () =>
    unwrap(api.GET('/api/v1/governance/change-requests/{id}', { params: { path: { id } } })),
  );
  const c = request.data;
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState<'approve' | 'reject' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const canDecide = me.scopes.includes('governance:approve');

  const decide = async (action: 'approve' | 'reject') => {
    setBusy(action);
    setError(undefined);
    const note = (form.getFieldValue('note') as string | undefined)?.trim();
    if (action === 'reject' && (note === undefined || note === '')) {
      form.setFields([{ name: 'note', errors: [t('gov.changes.reasonRequired')] }]);
      setBusy(undefined);
      return;
    }
    try {
      const body = note === undefined || note === '' ? {} : { note };
      if (action === 'approve')
        await unwrap(
          api.POST('/api/v1/governance/change-requests/{id}/approve', { params: { path: { id } }, body }),
        );
      else
        await unwrap(
          api.POST('/api/v1/governance/change-requests/{id}/reject', { params: { path: { id } }, body }),
        );
      request.reload();
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const samePerson = error instanceof ApiError && error.problem?.code === 'change_same_person';

  return (
    <Drawer
      open
      onClose={onClose}
      width={screens.lg ? 820 : '100%'}
      title={c?.summary ?? t('app.loading')}
      data-testid="change-drawer"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ErrorNotice error={request.error} />
        {c === undefined ? null : (
          <>
            <Space size={[4, 4]} wrap>
              <Tag color={STATUS_COLOR[c.status]} data-testid="change-status" data-status={c.status}>
                {t(STATUS_LABEL[c.status])}
              </Tag>
              <Tag>{c.target}</Tag>
              <Typography.Text type="secondary">{c.subject}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">
              {t('gov.changes.filedBy', { who: c.requestedBy, at: instant(c.requestedAt) })}
            </Typography.Text>
            {c.decidedAt === null ? null : (
              <Alert
                type={c.status === 'applied' ? 'success' : 'info'}
                showIcon
                data-testid="change-decision"
                message={t('gov.changes.decided', {
                  who: c.decidedBy ?? '',
                  at: instant(c.decidedAt),
                  status: t(STATUS_LABEL[c.status]),
                })}
                description={c.decisionNote ?? undefined}
              />
            )}
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('gov.changes.diff')}
            </Typography.Title>
            <Table<ChangeRequest['diff'][number]>
              rowKey="path"
              size="small"
              bordered
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={c.diff}
              data-testid="change-diff"
              locale={{ emptyText: t('gov.changes.noDiff') }}
              columns={[
                {
                  title: t('gov.changes.path'),
                  dataIndex: 'path',
                  render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
                },
                {
                  title: t('gov.changes.before'),
                  dataIndex: 'before',
                  render: (v: unknown) =>
                    v === REDACTED ? (
                      <Tag data-testid="change-secret">{t('gov.changes.secretSet')}</Tag>
                    ) : (
                      <Typography.Text type="secondary" delete={v !== null && v !== undefined}>
                        {show(v)}
                      </Typography.Text>
                    ),
                },
                {
                  title: t('gov.changes.after'),
                  dataIndex: 'after',
                  render: (v: unknown) =>
                    v === REDACTED ? (
                      <Tag color="orange" data-testid="change-secret">
                        {t('gov.changes.secretChanged')}
                      </Tag>
                    ) : (
                      <Typography.Text strong>{show(v)}</Typography.Text>
                    ),
                },
              ]}
            />
            {c.status === 'pending' && canDecide ? (
              <Form form={form} layout="vertical" data-testid="change-decide">
                <Form.Item name="note" label={t('gov.changes.note')} extra={t('gov.changes.noteHint')}>
                  <Input.TextArea rows={2} maxLength={500} data-testid="change-note" />
                </Form.Item>
                {samePerson ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    data-testid="change-same-person"
                    message={t('gov.changes.samePerson')}
                    description={error.problem.detail}
                  />
                ) : (
                  <ErrorNotice error={error} />
                )}
                <Space wrap>
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={busy === 'approve'}
                    disabled={busy !== undefined}
                    onClick={() => void decide('approve')}
                    data-testid="change-approve"
                  >
                    {t('gov.changes.approve')}
                  </Button>
                  <Button
                    danger
                    icon={<CloseOutlined />}
                    loading={busy === 'reject'}
                    disabled={busy !== undefined}
                    onClick={() => void decide('reject')}
                    data-testid="change-reject"
                  >
                    {t('gov.changes.reject')}
                  </Button>
                </Space>
              </Form>
            ) : null}
          </>
        )}
      </Space>
    </Drawer>
  );
}

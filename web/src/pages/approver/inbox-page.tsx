import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Drawer,
  Empty,
  Grid,
  List,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useStepName, type ApprovalRuleSet, type InboxTask } from './approval-rule.tsx';
import { TaskPanel } from './task-panel.tsx';

/** The API gives at most this many tasks in one answer (it has no cursor for this list yet). */
const MOST = 500;
type Filter = 'all' | 'claim' | 'request' | 'advance' | 'risky' | 'overdue';
const KIND_LABEL: Record<InboxTask['document']['kind'], MessageKey> = {
  claim: 'approver.kind.claim',
  request: 'approver.kind.request',
  advance: 'approver.kind.advance',
};

interface Outcome {
  readonly taskId: string;
  readonly number: string;
  readonly error?: unknown;
}

const errorText = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.problem?.detail ?? error.message}${error.requestId === undefined ? '' : ` (${error.requestId})`}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Approver: my pending approval tasks (GET /api/v1/approval-tasks) with counts by kind, risk and
 * urgency; a task opens beside the list (/approvals/{taskId}) with its document, the rule that
 * routed it to me and its budget impact; approve, reject with a reason, delegate; bulk approve of
 * the selected tasks, one call each, with each task's outcome (a failed one stays selected with its
 * error). A virtual table on wide screens, a card list on a phone.
 */
export default function InboxPage() {
  const { t, money, instant } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { taskId } = useParams();
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;
  const stepName = useStepName();
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [failed, setFailed] = useState<ReadonlyMap<string, unknown>>(new Map());
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [now] = useState(() => Date.now());

  const tasks = useRequest('approval-tasks', () =>
    unwrap(api.GET('/api/v1/approval-tasks', { params: { query: { status: 'pending', limit: MOST } } })),
  );
  const rules = useRequest('approval-rules', async () => {
    const page = await unwrap(
      api.GET('/api/v1/rules/{kind}/versions', { params: { path: { kind: 'approval' } } }),
    );
    return page.items.filter((v): v is ApprovalRuleSet => v.kind === 'approval');
  });
  const company = useRequest(`company:${me.tenantId}`, () =>
    unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id: me.tenantId } } })),
  );
  const currency = company.data?.baseCurrency ?? 'CNY';

  const all = useMemo(() => tasks.data?.items ?? [], [tasks.data]);
  const overdue = (task: InboxTask) => task.dueAt !== null && Date.parse(task.dueAt) < now;
  const risky = (task: InboxTask) => task.document.riskTags.length > 0;
  const counts: Record<Filter, number> = {
    all: all.length,
    claim: all.filter((x) => x.document.kind === 'claim').length,
    request: all.filter((x) => x.document.kind === 'request').length,
    advance: all.filter((x) => x.document.kind === 'advance').length,
    risky: all.filter(risky).length,
    overdue: all.filter(overdue).length,
  };
  const shown = all.filter((x) =>
    filter === 'all'
      ? true
      : filter === 'risky'
        ? risky(x)
        : filter === 'overdue'
          ? overdue(x)
          : x.document.kind === filter,
  );
  const open = all.find((x) => x.id === taskId);
  // a selected task no longer pending (decided elsewhere) drops out of the selection with the list
  const chosen = all.filter((x) => selected.includes(x.id));

  const bulkApprove = async () => {
    setBulkBusy(true);
    const results: Outcome[] = [];
    for (const task of chosen.filter((x) => x.kind === 'person')) {
      try {
        await unwrap(
          api.POST('/api/v1/approval-tasks/{id}/approve', { params: { path: { id: task.id } }, body: {} }),
        );
        results.push({ taskId: task.id, number: task.document.number });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) break; // signed out: sign-in takes over
        results.push({ taskId: task.id, number: task.document.number, error });
      }
    }
    const failures = results.filter((r) => r.error !== undefined);
    setOutcomes(results);
    setFailed(new Map(failures.map((r) => [r.taskId, r.error])));
    setSelected(failures.map((r) => r.taskId));
    setBulkBusy(false);
    if (failures.length === 0) void message.success(t('approver.bulkDone', { count: results.length }));
    else
      void message.warning(
        t('approver.bulkPartly', { ok: results.length - failures.length, failed: failures.length }),
      );
    tasks.reload();
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const versions = rules.data;
  const failure = (id: string) =>
    failed.has(id) ? (
      <Tooltip title={errorText(failed.get(id))}>
        <Tag color="error" data-testid="task-error">
          {errorText(failed.get(id))}
        </Tag>
      </Tooltip>
    ) : null;

  const filters: { value: Filter; label: MessageKey }[] = [
    { value: 'all', label: 'approver.filter.all' },
    { value: 'claim', label: 'approver.kind.claim' },
    { value: 'request', label: 'approver.kind.request' },
    { value: 'advance', label: 'approver.kind.advance' },
    { value: 'risky', label: 'approver.filter.risky' },
    { value: 'overdue', label: 'approver.filter.overdue' },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="approver-inbox">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('approver.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={tasks.reload} aria-label={t('approver.reload')} />
      </Space>
      {tasks.error === undefined ? null : <ErrorNotice error={tasks.error} />}
      {rules.error === undefined ? null : <ErrorNotice error={rules.error} />}
      <Space size={wide ? 'large' : 'middle'} wrap data-testid="inbox-counts">
        <Statistic title={t('approver.count.pending')} value={counts.all} />
        <Statistic title={t('approver.kind.claim')} value={counts.claim} />
        <Statistic title={t('approver.filter.risky')} value={counts.risky} />
        <Statistic
          title={t('approver.filter.overdue')}
          value={counts.overdue}
          valueStyle={counts.overdue > 0 ? { color: '#cf1322' } : {}}
        />
      </Space>
      {all.length >= MOST ? (
        <Alert type="info" showIcon message={t('approver.capped', { most: MOST })} />
      ) : null}
      <div style={{ overflowX: 'auto' }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={filters.map((f) => ({ value: f.value, label: `${t(f.label)} ${counts[f.value]}` }))}
          data-testid="inbox-filter"
        />
      </div>
      <Space wrap>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={chosen.length === 0}
          loading={bulkBusy}
          onClick={() => void bulkApprove()}
          data-testid="bulk-approve"
        >
          {t('approver.bulkApprove', { count: chosen.length })}
        </Button>
        {chosen.length > 0 ? (
          <Button type="link" onClick={() => setSelected([])}>
            {t('approver.clearSelection')}
          </Button>
        ) : null}
      </Space>
      {outcomes.length === 0 ? null : (
        <Alert
          type={outcomes.some((o) => o.error !== undefined) ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOutcomes([])}
          message={t('approver.bulkOutcome')}
          data-testid="bulk-outcome"
          description={outcomes.map((o) => (
            <div key={o.taskId} data-testid="bulk-outcome-row" data-ok={o.error === undefined}>
              {o.number}: {o.error === undefined ? t('approver.outcomeApproved') : errorText(o.error)}
            </div>
          ))}
        />
      )}
      {wide ? (
        <Table<InboxTask>
          data-testid="inbox-table"
          rowKey="id"
          size="middle"
          virtual
          rowClassName={() => 'inbox-row'}
          loading={tasks.loading}
          scroll={{ x: 1200, y: 560 }}
          pagination={false}
          dataSource={shown}
          locale={{ emptyText: <Empty description={t('approver.empty')} /> }}
          rowSelection={{
            columnWidth: 48,
            selectedRowKeys: [...selected],
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: r.kind !== 'person' }),
          }}
          onRow={(r) => ({
            onClick: (e) => {
              // ticking a row's box selects it; anywhere else on the row opens the task
              if (e.target instanceof Element && e.target.closest('.ant-table-selection-column') !== null)
                return;
              void navigate(`/approvals/${r.id}`);
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('claims.number'), width: 170, render: (_, r) => r.document.number },
            {
              title: t('claims.subject'),
              width: 240,
              ellipsis: true,
              render: (_, r) => (
                <Space size={4}>
                  {r.document.title}
                  {failure(r.id)}
                </Space>
              ),
            },
            { title: t('approver.kind'), width: 90, render: (_, r) => t(KIND_LABEL[r.document.kind]) },
            { title: t('claim.employee'), width: 100, render: (_, r) => r.document.employeeCode },
            {
              title: t('claims.total'),
              width: 130,
              align: 'right',
              render: (_, r) => money(r.document.total, currency),
            },
            { title: t('approver.step'), width: 150, render: (_, r) => stepName(versions, r.stepId) },
            {
              title: t('claim.risks'),
              width: 90,
              render: (_, r) =>
                r.document.riskTags.length === 0 ? (
                  '—'
                ) : (
                  <Badge count={r.document.riskTags.length} color="orange" />
                ),
            },
            {
              title: t('approver.since'),
              width: 170,
              render: (_, r) => (
                <Typography.Text {...(overdue(r) ? { type: 'danger' as const } : {})}>
                  {instant(r.createdAt)}
                </Typography.Text>
              ),
            },
          ]}
        />
      ) : (
        <List<InboxTask>
          data-testid="inbox-cards"
          loading={tasks.loading}
          dataSource={shown}
          locale={{ emptyText: <Empty description={t('approver.empty')} /> }}
          pagination={shown.length > 20 ? { pageSize: 20, size: 'small', simple: true } : false}
          renderItem={(r) => (
            <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                data-testid="inbox-card"
                title={
                  <Space>
                    <Checkbox
                      checked={selected.includes(r.id)}
                      disabled={r.kind !== 'person'}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                      aria-label={r.document.number}
                    />
                    <span>{r.document.number}</span>
                  </Space>
                }
                extra={<Typography.Text strong>{money(r.document.total, currency)}</Typography.Text>}
              >
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                  {r.document.title}
                </Typography.Paragraph>
                <Space size={4} wrap>
                  <Tag>{t(KIND_LABEL[r.document.kind])}</Tag>
                  <Tag color="blue">{stepName(versions, r.stepId)}</Tag>
                  <Tag>{r.document.employeeCode}</Tag>
                  {r.document.riskTags.length === 0 ? null : (
                    <Tag color="orange">{t('approver.riskCount', { count: r.document.riskTags.length })}</Tag>
                  )}
                  {overdue(r) ? <Tag color="red">{t('approver.filter.overdue')}</Tag> : null}
                  {failure(r.id)}
                </Space>
                <div style={{ marginTop: 8 }}>
                  <Button
                    size="small"
                    block
                    onClick={() => void navigate(`/approvals/${r.id}`)}
                    data-testid="open-task"
                  >
                    {t('approver.open')}
                  </Button>
                </div>
              </Card>
            </List.Item>
          )}
        />
      )}
      <Drawer
        open={taskId !== undefined}
        width={wide ? 760 : '100%'}
        title={open === undefined ? t('approver.task') : `${open.document.number} · ${open.document.title}`}
        onClose={() => void navigate('/approvals')}
        destroyOnHidden
      >
        {taskId === undefined ? null : open === undefined ? (
          tasks.loading ? null : (
            <Alert type="info" showIcon message={t('approver.notPending')} />
          )
        ) : (
          <TaskPanel
            key={open.id}
            task={open}
            versions={versions}
            canSeeBudgets={me.scopes.includes('budgets:read')}
            onDecided={() => {
              setSelected((s) => s.filter((x) => x !== open.id));
              tasks.reload();
              void navigate('/approvals');
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}

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
  List,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState, type UIEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { useStepName, type ApprovalRuleSet, type InboxTask } from './approval-rule.tsx';
import { TaskPanel } from './task-panel.tsx';
import { announceTaskChange, useTaskCounts } from './task-counts.ts';
import { useTaskPages, type TaskQuery } from './task-pages.ts';
import { useScreens } from '../../components/use-screens.ts';

type Filter = 'all' | 'claim' | 'request' | 'advance' | 'risky' | 'overdue';
const KIND_LABEL: Record<InboxTask['document']['kind'], MessageKey> = {
  claim: 'approver.kind.claim',
  request: 'approver.kind.request',
  advance: 'approver.kind.advance',
};
const QUERY: Record<Filter, TaskQuery> = {
  all: {},
  claim: { kind: 'claim' },
  request: { kind: 'request' },
  advance: { kind: 'advance' },
  risky: { risky: true },
  overdue: { overdue: true },
};
/** Bulk approval sends this many decisions at a time (each its own call, with its own outcome). */
const BULK_PARALLEL = 4;
/** Within this many pixels of the end of the loaded rows, the next page is fetched. */
const NEAR_END_PX = 600;

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

/** A refusal meaning the task is no longer mine to decide (decided, withdrawn or handed on elsewhere). */
const gone = (error: unknown) => error instanceof ApiError && [403, 404, 409].includes(error.status);

/**
 * Approver: my pending approval tasks, however many (GET /api/v1/approval-tasks in keyset pages,
 * the next page fetched as the list scrolls near its end), with the counts of the whole inbox
 * (GET /api/v1/approval-tasks/counts: pending, due soon, overdue, risky, by kind) and filters by kind,
 * risk and urgency that the API applies; a task opens beside the list (/approvals/{taskId}) with its
 * document, the rule that routed it to me and its budget impact; approve, reject with a reason,
 * delegate; bulk approve of the selected tasks, one call each, with each task's outcome (a failed one
 * stays selected with its error). A virtual table on wide screens (only the rows in view are drawn,
 * so ten thousand rows scroll smoothly), a card list on a phone.
 */
export default function InboxPage() {
  const { t, money, instant } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { taskId } = useParams();
  const screens = useScreens();
  const wide = screens.md;
  const stepName = useStepName();
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [failed, setFailed] = useState<ReadonlyMap<string, unknown>>(new Map());
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [now] = useState(() => Date.now());

  const tasks = useTaskPages(QUERY[filter]);
  const counts = useTaskCounts();
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

  const all = tasks.items;
  const c = counts.data;
  const countOf: Record<Filter, number | undefined> = {
    all: c?.pending,
    claim: c?.byKind.claim.pending,
    request: c?.byKind.request.pending,
    advance: c?.byKind.advance.pending,
    risky: c?.risky,
    overdue: c?.overdue,
  };
  const overdue = (task: InboxTask) => task.dueAt !== null && Date.parse(task.dueAt) < now;
  const loadedOpen = all.find((x) => x.id === taskId);
  // a task opened by its address that is not among the rows loaded (yet) is read on its own
  const single = useRequest(`approval-task:${loadedOpen === undefined ? (taskId ?? '') : ''}`, () =>
    loadedOpen !== undefined || taskId === undefined
      ? Promise.resolve(undefined)
      : unwrap(api.GET('/api/v1/approval-tasks/{id}', { params: { path: { id: taskId } } })),
  );
  const open = loadedOpen ?? single.data;
  // a selected task no longer listed (decided elsewhere) drops out of the selection with the list
  const chosen = all.filter((x) => selected.includes(x.id));

  const changed = (ids: readonly string[]) => {
    tasks.remove(ids);
    announceTaskChange();
  };

  const bulkApprove = async () => {
    setBulkBusy(true);
    const queue = chosen.filter((x) => x.kind === 'person');
    const results: (Outcome | undefined)[] = queue.map(() => undefined);
    let next = 0;
    let signedOut = false;
    const worker = async () => {
      while (!signedOut && next < queue.length) {
        const i = next++;
        const task = queue[i];
        if (task === undefined) continue;
        try {
          await unwrap(
            api.POST('/api/v1/approval-tasks/{id}/approve', { params: { path: { id: task.id } }, body: {} }),
          );
          results[i] = { taskId: task.id, number: task.document.number };
        } catch (error) {
          if (error instanceof ApiError && error.status === 401)
            signedOut = true; // sign-in takes over
          else results[i] = { taskId: task.id, number: task.document.number, error };
        }
      }
    };
    await Promise.all(Array.from({ length: BULK_PARALLEL }, worker));
    const done = results.filter((r): r is Outcome => r !== undefined);
    const failures = done.filter((r) => r.error !== undefined);
    setOutcomes(done);
    setFailed(new Map(failures.filter((r) => !gone(r.error)).map((r) => [r.taskId, r.error])));
    setSelected(failures.filter((r) => !gone(r.error)).map((r) => r.taskId));
    setBulkBusy(false);
    changed(done.filter((r) => r.error === undefined || gone(r.error)).map((r) => r.taskId));
    if (failures.length === 0) void message.success(t('approver.bulkDone', { count: done.length }));
    else
      void message.warning(
        t('approver.bulkPartly', { ok: done.length - failures.length, failed: failures.length }),
      );
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
  const reloadAll = () => {
    tasks.reload();
    counts.reload();
  };
  const nearEnd = (e: UIEvent<HTMLElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX) tasks.loadMore();
  };
  const total = countOf[filter];
  const progress = (
    <Space size="small" wrap data-testid="inbox-loaded" data-loaded={all.length} data-done={tasks.done}>
      <Typography.Text type="secondary">
        {total === undefined
          ? t('inbox.loadedSome', { loaded: all.length })
          : t('inbox.loaded', { loaded: all.length, total: Math.max(total, all.length) })}
      </Typography.Text>
      {tasks.done ? null : (
        <Button size="small" loading={tasks.loading} onClick={tasks.loadMore} data-testid="load-more">
          {t('inbox.loadMore')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="approver-inbox">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('approver.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={reloadAll} aria-label={t('approver.reload')} />
      </Space>
      {tasks.error === undefined ? null : <ErrorNotice error={tasks.error} />}
      {counts.error === undefined ? null : <ErrorNotice error={counts.error} />}
      {rules.error === undefined ? null : <ErrorNotice error={rules.error} />}
      <Space size={wide ? 'large' : 'middle'} wrap data-testid="inbox-counts">
        <Statistic
          title={t('approver.count.pending')}
          value={c?.pending ?? '—'}
          data-testid="count-pending"
          data-count={c?.pending}
        />
        <Statistic
          title={t('inbox.dueSoon', { hours: c?.soonHours ?? 4 })}
          value={c?.dueSoon ?? '—'}
          valueStyle={(c?.dueSoon ?? 0) > 0 ? { color: '#d46b08' } : {}}
          data-testid="count-due-soon"
          data-count={c?.dueSoon}
        />
        <Statistic
          title={t('approver.filter.overdue')}
          value={c?.overdue ?? '—'}
          valueStyle={(c?.overdue ?? 0) > 0 ? { color: '#cf1322' } : {}}
          data-testid="count-overdue"
          data-count={c?.overdue}
        />
        <Statistic
          title={t('approver.filter.risky')}
          value={c?.risky ?? '—'}
          data-testid="count-risky"
          data-count={c?.risky}
        />
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setSelected([]);
          }}
          options={filters.map((f) => ({
            value: f.value,
            label: `${t(f.label)} ${countOf[f.value] ?? ''}`.trim(),
          }))}
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
          loading={tasks.loading && all.length === 0}
          scroll={{ x: 1200, y: 560 }}
          onScroll={nearEnd}
          pagination={false}
          dataSource={all}
          footer={() => progress}
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
          loading={tasks.loading && all.length === 0}
          dataSource={[...all]}
          locale={{ emptyText: <Empty description={t('approver.empty')} /> }}
          footer={all.length === 0 ? null : progress}
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
          single.loading ? null : single.error instanceof ApiError && single.error.status !== 404 ? (
            <ErrorNotice error={single.error} />
          ) : (
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
              changed([open.id]);
              void navigate('/approvals');
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}

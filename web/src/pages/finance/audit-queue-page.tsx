import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { AuditPanel, type QueueTask } from './audit-panel.tsx';
import { SeverityTag, useCurrency, useRuleName } from './shared.tsx';
import { useScreens } from '../../components/use-screens.ts';

type ApprovalRuleSet = Extract<Schemas['RuleSetView'], { kind: 'approval' }>;
type Step = ApprovalRuleSet['body']['steps'][number];
type Show = 'finance' | 'all';

/** The API gives at most this many tasks in one answer. */
const MOST = 500;
const KIND: Record<QueueTask['document']['kind'], MessageKey> = {
  claim: 'finance.kind.claim',
  request: 'finance.kind.request',
  advance: 'finance.kind.advance',
};

/** The step a task stands for: the newest rule-set version that has it. */
function stepOf(versions: readonly ApprovalRuleSet[], stepId: string): Step | undefined {
  for (const v of [...versions].sort((a, b) => b.version - a.version)) {
    const step = v.body.steps.find((s) => s.id === stepId);
    if (step !== undefined) return step;
  }
  return undefined;
}

/** A step finance staff take as a role: the finance review (财务审核) of the approval rules. */
const isFinanceStep = (step: Step | undefined): boolean =>
  step?.approvers.kind === 'role' && step.approvers.role === 'finance';

/**
 * Finance: the audit queue (财务审核). The documents waiting for my decision at a finance step of the
 * approval rules (GET /api/v1/approval-tasks, the steps read from GET /api/v1/rules/approval/versions),
 * with what the audit rules found on each; one opens beside the list (/finance/audit/{taskId}) with
 * each audit rule's findings and the voucher it will post, to approve or return with a reason.
 */
export default function AuditQueuePage() {
  const { t, money, instant, pick } = useI18n();
  const navigate = useNavigate();
  const { taskId } = useParams();
  const wide = useScreens().md;
  const currency = useCurrency();
  const ruleName = useRuleName();
  const [show, setShow] = useState<Show>('finance');
  const tasks = useRequest('finance-audit-tasks', () =>
    unwrap(api.GET('/api/v1/approval-tasks', { params: { query: { status: 'pending', limit: MOST } } })),
  );
  const versions = useRequest('finance-approval-rules', async () => {
    const page = await unwrap(
      api.GET('/api/v1/rules/{kind}/versions', { params: { path: { kind: 'approval' } } }),
    );
    const defaults = await unwrap(
      api.GET('/api/v1/rules/{kind}', { params: { path: { kind: 'approval' } } }),
    );
    return [...page.items, defaults].filter((v): v is ApprovalRuleSet => v.kind === 'approval');
  });
  const all = useMemo(() => tasks.data?.items ?? [], [tasks.data]);
  const finance = all.filter((x) => isFinanceStep(stepOf(versions.data ?? [], x.stepId)));
  const shown = show === 'finance' ? finance : all;
  const blocked = finance.filter((x) => x.document.riskTags.some((r) => r.severity === 'block')).length;
  const flagged = finance.filter((x) => x.document.riskTags.length > 0).length;
  const open = all.find((x) => x.id === taskId);
  const stepName = (stepId: string) => {
    const step = stepOf(versions.data ?? [], stepId);
    return step === undefined ? stepId : pick({ zh: step.nameZh, en: step.nameEn });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-audit">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('finance.audit.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={tasks.reload} aria-label={t('finance.reload')} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.audit.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={tasks.error ?? versions.error} />
      <Space size="large" wrap data-testid="audit-counts">
        <Statistic title={t('finance.audit.waiting')} value={finance.length} />
        <Statistic title={t('finance.audit.flagged')} value={flagged} />
        <Statistic
          title={t('finance.audit.blocking')}
          value={blocked}
          valueStyle={blocked > 0 ? { color: '#cf1322' } : {}}
        />
        <Statistic title={t('finance.audit.allMine')} value={all.length} />
      </Space>
      {all.length >= MOST ? (
        <Alert type="info" showIcon message={t('finance.capped', { most: MOST })} />
      ) : null}
      <Segmented<Show>
        value={show}
        onChange={setShow}
        data-testid="audit-show"
        options={[
          { value: 'finance', label: `${t('finance.audit.show.finance')} ${finance.length}` },
          { value: 'all', label: `${t('finance.audit.show.all')} ${all.length}` },
        ]}
      />
      <Table<QueueTask>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        loading={tasks.loading || versions.loading}
        scroll={{ x: 1100 }}
        pagination={shown.length > 20 ? { pageSize: 20 } : false}
        dataSource={shown}
        rowClassName={() => 'audit-row'}
        locale={{ emptyText: <Empty description={t('finance.audit.empty')} /> }}
        onRow={(r) => ({
          onClick: () => void navigate(`/finance/audit/${r.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('finance.doc.number'), width: 160, render: (_, r) => r.document.number },
          { title: t('finance.doc.title'), width: 220, ellipsis: true, render: (_, r) => r.document.title },
          { title: t('finance.doc.kind'), width: 90, render: (_, r) => t(KIND[r.document.kind]) },
          { title: t('finance.doc.employee'), width: 100, render: (_, r) => r.document.employeeCode },
          {
            title: t('finance.doc.total'),
            width: 130,
            align: 'right',
            render: (_, r) => money(r.document.total, currency),
          },
          {
            title: t('finance.audit.findings'),
            render: (_, r) =>
              r.document.riskTags.length === 0 ? (
                <Typography.Text type="secondary">{t('finance.audit.nothing')}</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  {r.document.riskTags.map((tag, i) => (
                    <span key={i} title={pick(tag)}>
                      <SeverityTag severity={tag.severity} />
                      {ruleName(tag.rule)}
                    </span>
                  ))}
                </Space>
              ),
          },
          { title: t('finance.audit.step'), width: 140, render: (_, r) => <Tag>{stepName(r.stepId)}</Tag> },
          { title: t('finance.audit.since'), width: 170, render: (_, r) => instant(r.createdAt) },
        ]}
      />
      <Drawer
        open={taskId !== undefined}
        width={wide ? 820 : '100%'}
        title={
          open === undefined ? t('finance.audit.task') : `${open.document.number} · ${open.document.title}`
        }
        onClose={() => void navigate('/finance/audit')}
        destroyOnHidden
      >
        {taskId === undefined ? null : open === undefined ? (
          tasks.loading ? null : (
            <Alert type="info" showIcon message={t('finance.audit.notPending')} />
          )
        ) : (
          <AuditPanel
            key={open.id}
            task={open}
            onDecided={() => {
              tasks.reload();
              void navigate('/finance/audit');
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}

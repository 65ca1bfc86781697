import { Alert, App, Descriptions, Divider, Form, Select, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { ExpenseDocument } from '../../api/types.ts';
import { DecisionForm } from '../../components/decision-form.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusTag } from '../employee/status.tsx';
import { RuleExplanation, type ApprovalRuleSet, type InboxTask } from './approval-rule.tsx';
import { BudgetImpact } from './budget-impact.tsx';

type Line = NonNullable<ExpenseDocument['lines']>[number];

/** The document behind a task, read by its kind (claims, requests and advances have their own routes). */
export function loadDocument(task: Pick<InboxTask, 'documentId' | 'document'>): Promise<ExpenseDocument> {
  const params = { params: { path: { id: task.documentId } } };
  switch (task.document.kind) {
    case 'claim':
      return unwrap(api.GET('/api/v1/expense-claims/{id}', params));
    case 'request':
      return unwrap(api.GET('/api/v1/expense-requests/{id}', params));
    case 'advance':
      return unwrap(api.GET('/api/v1/advances/{id}', params));
  }
}

interface DecisionValues {
  comment?: string;
  to?: string;
}

/**
 * One task to decide, beside everything needed to decide it: the document (lines, risks, timeline),
 * the approval rule that routed it to me, explained, and its budget impact; then approve, reject with
 * a reason, or delegate to another employee.
 */
export function TaskPanel({
  task,
  versions,
  canSeeBudgets,
  onDecided,
}: {
  readonly task: InboxTask;
  readonly versions: readonly ApprovalRuleSet[] | undefined;
  readonly canSeeBudgets: boolean;
  readonly onDecided: () => void;
}) {
  const { t, money, date, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const [busy, setBusy] = useState<'approve' | 'reject' | 'delegate' | undefined>();
  const [error, setError] = useState<unknown>();
  const [delegating, setDelegating] = useState(false);
  const [search, setSearch] = useState('');
  const doc = useRequest(`task-doc:${task.documentId}`, () => loadDocument(task));
  const employees = useRequest(`delegate-to:${String(delegating)}:${search}`, () =>
    delegating
      ? unwrap(
          api.GET('/api/v1/employees', {
            params: { query: { limit: 50, ...(search === '' ? {} : { q: search }) } },
          }),
        )
      : Promise.resolve(undefined),
  );

  const decide = async (action: 'approve' | 'reject' | 'delegate') => {
    setError(undefined);
    form.setFields([
      { name: 'comment', errors: [] },
      { name: 'to', errors: [] },
    ]);
    const values = form.getFieldsValue();
    const comment = values.comment?.trim() ?? '';
    if (action === 'reject' && comment === '') {
      form.setFields([{ name: 'comment', errors: [t('approver.reasonRequired')] }]);
      return;
    }
    if (action === 'delegate' && (values.to ?? '') === '') {
      form.setFields([{ name: 'to', errors: [t('approver.delegateToRequired')] }]);
      return;
    }
    setBusy(action);
    const path = { params: { path: { id: task.id } } };
    const withComment = comment === '' ? {} : { comment };
    try {
      if (action === 'approve')
        await unwrap(api.POST('/api/v1/approval-tasks/{id}/approve', { ...path, body: withComment }));
      else if (action === 'reject')
        await unwrap(api.POST('/api/v1/approval-tasks/{id}/reject', { ...path, body: withComment }));
      else
        await unwrap(
          api.POST('/api/v1/approval-tasks/{id}/delegate', {
            ...path,
            body: { to: values.to ?? '', ...withComment },
          }),
        );
      void message.success(
        t(
          action === 'approve'
            ? 'approver.approved'
            : action === 'reject'
              ? 'approver.rejected'
              : 'approver.delegated',
          { number: task.document.number },
        ),
      );
      onDecided();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) {
        showFieldErrors(form, failure); // beside the comment or the delegate field
        setError(failure); // and the message with its request id
      }
    } finally {
      setBusy(undefined);
    }
  };

  const d = doc.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="task-panel">
      {doc.error === undefined ? null : <ErrorNotice error={doc.error} />}
      {d === undefined ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered>
            <Descriptions.Item label={t('claims.number')}>{d.number}</Descriptions.Item>
            <Descriptions.Item label={t('claims.status')}>
              <StatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('claims.subject')} span={2}>
              {d.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('claim.employee')}>{d.employeeCode}</Descriptions.Item>
            <Descriptions.Item label={t('claim.department')}>{d.departmentCode}</Descriptions.Item>
            <Descriptions.Item label={t('claims.date')}>{date(d.date)}</Descriptions.Item>
            <Descriptions.Item label={t('claims.total')}>
              <span data-testid="task-total">{money(d.total, d.currency)}</span>
            </Descriptions.Item>
          </Descriptions>
          {d.riskTags.length === 0 ? null : (
            <Alert
              type="warning"
              showIcon
              message={t('claim.risks')}
              description={d.riskTags.map((r) => (
                <div key={`${r.rule}:${r.pointer ?? ''}`}>{pick(r)}</div>
              ))}
            />
          )}
          {(d.lines ?? []).length === 0 ? null : (
            <Table<Line>
              rowKey="lineNo"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={d.lines ?? []}
              columns={[
                { title: t('claim.category'), dataIndex: 'categoryCode' },
                { title: t('claim.description'), dataIndex: 'description' },
                { title: t('claim.occurredOn'), dataIndex: 'occurredOn', render: (v: string) => date(v) },
                {
                  title: t('claim.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (a: string) => money(a, d.currency),
                },
              ]}
            />
          )}
          <Divider orientation="left" plain style={{ margin: 0 }}>
            {t('approver.whyMe')}
          </Divider>
          <RuleExplanation
            task={task}
            versions={versions}
            policyVersion={d.approvalPolicyVersion}
            currency={d.currency}
          />
          {canSeeBudgets ? (
            <>
              <Divider orientation="left" plain style={{ margin: 0 }}>
                {t('approver.budgetImpact')}
              </Divider>
              <BudgetImpact doc={d} />
            </>
          ) : null}
        </>
      )}
      <Divider style={{ margin: 0 }} />
      {error === undefined ? null : <ErrorNotice error={error} />}
      <DecisionForm<'approve' | 'reject' | 'delegate', DecisionValues>
        form={form}
        pending={task.status === 'pending'}
        notPending={t('approver.notPending')}
        testId="decision-form"
        comment={{
          label: t('approver.comment'),
          hint: t('approver.commentHint'),
          testId: 'decision-comment',
        }}
        actions={[
          { action: 'approve', label: t('approver.approve'), testId: 'approve', kind: 'primary' },
          { action: 'reject', label: t('approver.reject'), testId: 'reject', kind: 'danger' },
          {
            action: 'delegate',
            label: delegating ? t('approver.delegateConfirm') : t('approver.delegate'),
            testId: 'delegate',
          },
        ]}
        busy={busy}
        onAction={(action) =>
          action === 'delegate' && !delegating ? setDelegating(true) : void decide(action)
        }
      >
        {delegating ? (
          <Form.Item name="to" label={t('approver.delegateTo')}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={employees.loading}
              data-testid="delegate-to"
              options={(employees.data?.items ?? [])
                .filter((e) => e.code !== task.assignee)
                .map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }))}
            />
          </Form.Item>
        ) : null}
      </DecisionForm>
    </Space>
  );
}

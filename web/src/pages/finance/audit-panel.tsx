import { Alert, App, Descriptions, Divider, Form, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import type { ExpenseDocument } from '../../api/types.ts';
import { DecisionForm } from '../../components/decision-form.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { loadDocument } from '../approver/task-panel.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusTag } from '../employee/status.tsx';
import { AUDIT_RULES, Findings, SeverityTag, VoucherLines, type Explanation } from './shared.tsx';

export type QueueTask = Schemas['MyApprovalTaskView'];
type Line = NonNullable<ExpenseDocument['lines']>[number];
type AuditRow = Explanation['audit']['rules'][number];

/**
 * One document in finance review: what it is, what each audit rule found on it (GET
 * …/rule-explanation), its lines and the voucher it will post; then approve, or return it to the
 * claimant with a reason (a rejection: the claimant can edit and submit again).
 */
export function AuditPanel({
  task,
  onDecided,
}: {
  readonly task: QueueTask;
  readonly onDecided: () => void;
}) {
  const { t, money, date, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState<'approve' | 'reject' | undefined>();
  const [error, setError] = useState<unknown>();
  const doc = useRequest(`audit-doc:${task.documentId}`, () => loadDocument(task));
  const explained = useRequest(`audit-explain:${task.documentId}`, () =>
    unwrap(
      api.GET('/api/v1/expense-claims/{id}/rule-explanation', { params: { path: { id: task.documentId } } }),
    ),
  );

  const decide = async (decision: 'approve' | 'reject') => {
    setError(undefined);
    form.setFields([{ name: 'comment', errors: [] }]);
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim() ?? '';
    if (decision === 'reject' && comment === '') {
      form.setFields([{ name: 'comment', errors: [t('finance.audit.reasonRequired')] }]);
      return;
    }
    setBusy(decision);
    const request = { params: { path: { id: task.id } }, body: comment === '' ? {} : { comment } };
    try {
      if (decision === 'approve') await unwrap(api.POST('/api/v1/approval-tasks/{id}/approve', request));
      else await unwrap(api.POST('/api/v1/approval-tasks/{id}/reject', request));
      void message.success(
        t(decision === 'approve' ? 'finance.audit.approved' : 'finance.audit.returned', {
          number: task.document.number,
        }),
      );
      onDecided();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) {
        showFieldErrors(form, failure);
        setError(failure);
      }
    } finally {
      setBusy(undefined);
    }
  };

  const d = doc.data;
  const x = explained.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-panel">
      <ErrorNotice error={doc.error ?? explained.error} />
      {d === undefined ? (
        <Skeleton active />
      ) : (
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
          <Descriptions.Item label={t('finance.doc.number')}>{d.number}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.status')}>
            <StatusTag status={d.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.title')} span={2}>
            {d.title}
          </Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.employee')}>{d.employeeCode}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.department')}>{d.departmentCode}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.date')}>{date(d.date)}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.total')}>
            <span data-testid="audit-total">{money(d.total, d.currency)}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Divider orientation="left" plain style={{ margin: 0 }}>
        {t('finance.audit.findings')}
      </Divider>
      {x === undefined ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {x.audit.ran ? null : <Alert type="info" showIcon message={t('finance.explain.notRun')} />}
          <Table<AuditRow>
            data-testid="audit-rules"
            size="small"
            pagination={false}
            rowKey="rule"
            scroll={{ x: 'max-content' }}
            dataSource={x.audit.rules}
            onRow={(r) => (r.findings.length > 0 ? { style: { background: '#fffbe6' } } : {})}
            columns={[
              {
                title: t('finance.rule'),
                width: 180,
                render: (_, r) => (
                  <span data-testid="audit-rule" data-rule={r.rule} data-fired={r.findings.length > 0}>
                    {t(AUDIT_RULES[r.rule].name)}
                  </span>
                ),
              },
              {
                title: t('finance.rule.severity'),
                width: 100,
                render: (_, r) => <SeverityTag severity={r.severity} />,
              },
              {
                title: t('finance.audit.found'),
                render: (_, r) =>
                  r.findings.length === 0 ? (
                    <Typography.Text type="secondary">{t('finance.audit.nothing')}</Typography.Text>
                  ) : (
                    r.findings.map((f, i) => <div key={i}>{pick(f)}</div>)
                  ),
              },
            ]}
          />
          {x.audit.other.length === 0 ? null : (
            <>
              <Typography.Text strong>{t('finance.audit.otherChecks')}</Typography.Text>
              <Findings tags={x.audit.other} />
            </>
          )}
        </>
      )}
      {d === undefined || (d.lines ?? []).length === 0 ? null : (
        <Table<Line>
          rowKey="lineNo"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.lines ?? []}
          columns={[
            { title: t('finance.line.category'), dataIndex: 'categoryCode' },
            { title: t('finance.line.description'), dataIndex: 'description' },
            { title: t('finance.line.department'), dataIndex: 'departmentCode' },
            { title: t('finance.line.date'), dataIndex: 'occurredOn', render: (v: string) => date(v) },
            {
              title: t('finance.line.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (a: string) => money(a, d.currency),
            },
          ]}
        />
      )}
      {x?.posting?.voucher == null ? null : (
        <>
          <Divider orientation="left" plain style={{ margin: 0 }}>
            {t('finance.audit.voucher', { version: x.posting.version })}
          </Divider>
          <VoucherLines voucher={x.posting.voucher} testId="audit-voucher" />
        </>
      )}
      <Divider style={{ margin: 0 }} />
      <ErrorNotice error={error} />
      <DecisionForm<'approve' | 'reject', { comment?: string }>
        form={form}
        pending={task.status === 'pending'}
        notPending={t('finance.audit.notPending')}
        testId="audit-decision"
        comment={{
          label: t('finance.audit.comment'),
          hint: t('finance.audit.commentHint'),
          testId: 'audit-comment',
        }}
        actions={[
          { action: 'approve', label: t('finance.audit.approve'), testId: 'audit-approve', kind: 'primary' },
          { action: 'reject', label: t('finance.audit.return'), testId: 'audit-return', kind: 'danger' },
        ]}
        busy={busy}
        onAction={(decision) => void decide(decision)}
      />
    </Space>
  );
}

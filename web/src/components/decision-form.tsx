import { Alert, Button, Form, Input, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

/** One button of a decision: approve, reject, delegate, … */
export interface DecisionAction<A extends string> {
  readonly action: A;
  readonly label: string;
  readonly testId: string;
  readonly kind?: 'primary' | 'danger';
}

/**
 * The foot of a task panel, the same for an approver's task and finance's review: a comment, anything
 * the panel adds (a delegate picker), and one button per action, all disabled while one is under way;
 * or a note that the task is no longer pending.
 */
export function DecisionForm<A extends string, V extends { comment?: string }>({
  form,
  pending,
  notPending,
  testId,
  comment,
  actions,
  busy,
  onAction,
  children,
}: {
  readonly form: FormInstance<V>;
  readonly pending: boolean;
  readonly notPending: string;
  readonly testId: string;
  readonly comment: { readonly label: string; readonly hint: string; readonly testId: string };
  readonly actions: readonly DecisionAction<A>[];
  readonly busy: A | undefined;
  readonly onAction: (action: A) => void;
  readonly children?: ReactNode;
}) {
  if (!pending) return <Alert type="info" showIcon message={notPending} />;
  return (
    <Form<V> form={form} layout="vertical" data-testid={testId}>
      <Form.Item name="comment" label={comment.label} extra={comment.hint}>
        <Input.TextArea rows={2} maxLength={500} data-testid={comment.testId} />
      </Form.Item>
      {children}
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a.action}
            type={a.kind === 'primary' ? 'primary' : 'default'}
            danger={a.kind === 'danger'}
            loading={busy === a.action}
            disabled={busy !== undefined}
            onClick={() => onAction(a.action)}
            data-testid={a.testId}
          >
            {a.label}
          </Button>
        ))}
      </Space>
    </Form>
  );
}

import { newId } from '../../platform/store/ids.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { NotificationKind } from '../tables.ts';

/**
 * In-app notifications (待办提醒): a new task, a reminder after the SLA, a decision on one's document.
 * Written in the same transaction as what they announce; read by the recipient through the API.
 */
export interface Notice {
  readonly recipient: string;
  readonly kind: NotificationKind;
  readonly documentId?: string;
  readonly taskId?: string;
  readonly zh: string;
  readonly en: string;
}

export async function notify(db: TenantDb, at: string, notices: readonly Notice[]): Promise<void> {
  if (notices.length === 0) return;
  await db
    .insertInto(
      'notifications',
      notices.map((n) => ({
        id: newId(),
        recipient_code: n.recipient,
        kind: n.kind,
        document_id: n.documentId ?? null,
        task_id: n.taskId ?? null,
        message_json: JSON.stringify({ zh: n.zh, en: n.en }),
        created_at: at,
        read_at: null,
      })),
    )
    .execute();
}

export async function listNotifications(db: TenantDb, recipient: string, limit: number) {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_code', '=', recipient)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    documentId: r.document_id,
    taskId: r.task_id,
    message: JSON.parse(r.message_json) as { zh: string; en: string },
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

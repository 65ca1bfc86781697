import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { notify } from './notifications.ts';
import { tasksWithDocuments } from './workflow.ts';

/**
 * SLA reminders (催办): a pending task past its due time reminds its approver, then again each time the
 * SLA passes anew. One conditional update per task, so two workers never remind twice.
 */
export async function remindOverdueTasks(db: TenantDb, now: Date, slaHours: number): Promise<number> {
  const at = now.toISOString();
  const again = new Date(now.getTime() - slaHours * 3_600_000).toISOString();
  const overdue = await tasksWithDocuments(db)
    .select([
      'approval_tasks.id',
      'approval_tasks.assignee_code',
      'approval_tasks.reminded_at',
      'approval_tasks.document_id',
      'expense_documents.number',
      'expense_documents.title',
    ])
    .where('approval_tasks.status', '=', 'pending')
    .where('approval_tasks.kind', '=', 'person')
    .where('approval_tasks.due_at', '<', at)
    .where((eb) =>
      eb.or([eb('approval_tasks.reminded_at', 'is', null), eb('approval_tasks.reminded_at', '<', again)]),
    )
    .limit(500)
    .execute();
  let sent = 0;
  for (const task of overdue) {
    const claimed = await db
      .updateTable('approval_tasks')
      .set((eb) => ({ reminded_at: at, reminders: eb('reminders', '+', 1) }))
      .where('id', '=', task.id)
      .where((eb) =>
        task.reminded_at === null ? eb('reminded_at', 'is', null) : eb('reminded_at', '=', task.reminded_at),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1 || task.assignee_code === null) continue;
    await notify(db, at, [
      {
        recipient: task.assignee_code,
        kind: 'task_reminder',
        documentId: task.document_id,
        taskId: task.id,
        zh: `催办：${task.number} ${task.title} 已超过审批时限`,
        en: `Reminder: ${task.number} ${task.title} is past its approval deadline`,
      },
    ]);
    sent += 1;
  }
  return sent;
}

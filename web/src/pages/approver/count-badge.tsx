import { Badge } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTaskCounts } from './task-counts.ts';

/**
 * The menu's badge beside "Approvals": how many tasks wait for me (red when some are overdue). Shows
 * nothing while loading, when none wait, or when the counts cannot be read (a user with no employee).
 */
export default function ApprovalCountBadge() {
  const { t } = useI18n();
  const counts = useTaskCounts().data;
  if (counts === undefined || counts.pending === 0) return null;
  return (
    <Badge
      count={counts.pending}
      overflowCount={9999}
      size="small"
      color={counts.overdue > 0 ? '#cf1322' : '#1677ff'}
      title={t('inbox.badgeTitle', { pending: counts.pending, overdue: counts.overdue })}
      style={{ marginInlineStart: 8 }}
      data-testid="approvals-badge"
      data-count={counts.pending}
    />
  );
}

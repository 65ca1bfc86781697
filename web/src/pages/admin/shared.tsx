import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { I18n } from '../../i18n/i18n.tsx';

/** A page's title with its main action on the right (wrapping under it on a phone). */
export function PageHeader({ title, extra }: { readonly title: string; readonly extra?: ReactNode }) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        gap: 8,
        flexWrap: 'wrap',
      }}
    >
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </div>
  );
}

/** How long ago `from` was at `to` (both instants), in the largest whole unit: "3 天", "5 h". */
export function age(t: I18n['t'], from: string, to: string): string {
  const seconds = Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 1000));
  if (seconds >= 86_400) return t('admin.age.days', { n: Math.floor(seconds / 86_400) });
  if (seconds >= 3600) return t('admin.age.hours', { n: Math.floor(seconds / 3600) });
  if (seconds >= 60) return t('admin.age.minutes', { n: Math.floor(seconds / 60) });
  return t('admin.age.now');
}

/** Pretty JSON in a scrolling block (an audit entry's before and after). */
export function Json({ value, testId }: { readonly value: unknown; readonly testId?: string }) {
  return (
    <pre
      data-testid={testId}
      style={{
        margin: 0,
        padding: 8,
        background: 'rgba(0,0,0,0.03)',
        borderRadius: 6,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  );
}

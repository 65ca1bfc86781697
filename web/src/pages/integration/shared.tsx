import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useRequest, type Loaded } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { Connection, Connector, PostingStatus } from './types.ts';

/** The monitor and the lists refresh by polling (no push channel in the API): every few seconds. */
export const POLL_MS = 5000;

export const useConnections = () =>
  useRequest('int-connections', () => unwrap(api.GET('/api/v1/connections')));
export const useConnectors = () => useRequest('int-connectors', () => unwrap(api.GET('/api/v1/connectors')));

/** Calls `reload` every `ms` while the page is shown. */
export function usePolling(reload: () => void, ms = POLL_MS): void {
  useEffect(() => {
    const timer = window.setInterval(reload, ms);
    return () => window.clearInterval(timer);
  }, [reload, ms]);
}

/**
 * useRequest, asked again every `ms` (polling: the API has no push channel); while a refresh is on
 * its way the previous answer for the same key stays on screen.
 */
export function usePolled<T>(key: string, load: () => Promise<T>, ms = POLL_MS): Loaded<T> {
  const loaded = useRequest(key, load);
  usePolling(loaded.reload, ms);
  const [last, setLast] = useState<{ key: string; data: T } | undefined>(undefined);
  if (loaded.data !== undefined && (last?.data !== loaded.data || last.key !== key))
    setLast({ key, data: loaded.data });
  return { ...loaded, data: loaded.data ?? (last?.key === key ? last.data : undefined) };
}

/** The connector's name in the reader's language (its type when the connector is not installed). */
export function useConnectorName(connectors: readonly Connector[] | undefined): (type: string) => string {
  const { pick } = useI18n();
  return (type) => {
    const found = connectors?.find((c) => c.type === type);
    return found === undefined ? type : pick(found.names);
  };
}

export const connectionName = (connections: readonly Connection[] | undefined, id: string): string =>
  connections?.find((c) => c.id === id)?.name ?? id;

const STATUS_COLOR: Record<PostingStatus, string> = {
  pending: 'default',
  sending: 'processing',
  unknown: 'warning',
  posted: 'success',
  rejected: 'error',
  dead: 'magenta',
};

export const POSTING_STATUS_LABEL: Record<PostingStatus, MessageKey> = {
  pending: 'int.posting.pending',
  sending: 'int.posting.sending',
  unknown: 'int.posting.unknown',
  posted: 'int.posting.posted',
  rejected: 'int.posting.rejected',
  dead: 'int.posting.dead',
};

const isPostingStatus = (s: string): s is PostingStatus => Object.hasOwn(STATUS_COLOR, s);

export function PostingStatusTag({ status }: { readonly status: string }) {
  const { t } = useI18n();
  if (!isPostingStatus(status)) return <Tag>{status}</Tag>;
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(POSTING_STATUS_LABEL[status])}
    </Tag>
  );
}

/** Pretty JSON in a scrolling block. */
export function JsonBlock({ value, testId }: { readonly value: unknown; readonly testId?: string }) {
  return (
    <pre
      data-testid={testId}
      style={{
        margin: 0,
        padding: 12,
        background: 'rgba(0,0,0,0.03)',
        borderRadius: 6,
        maxHeight: 480,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

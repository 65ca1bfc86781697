import { Alert, Collapse, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { JsonBlock, PostingStatusTag } from './shared.tsx';
import type { Posting, TraceEvent } from './types.ts';

const OUTCOME_COLOR: Record<string, string> = {
  success: 'green',
  rejected: 'red',
  ambiguous: 'orange',
  throttled: 'orange',
  transient: 'orange',
  auth_expired: 'orange',
};
const KIND_COLOR: Record<string, string> = { posted: 'green', rejected: 'red', dead: 'red', attempt: 'blue' };

/** Why a posting is parked: the reason in the reader's language beside the ERP's own message. */
export function PostingError({ posting }: { readonly posting: Posting }) {
  const { t, locale } = useI18n();
  const e = posting.lastError;
  if (e === null) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="posting-error"
      message={e.reasonText === null ? t('int.trace.noReason') : e.reasonText[locale]}
      description={
        <>
          <div>
            {t('int.trace.erpSaid')} <Typography.Text code>{e.code}</Typography.Text> {e.message}
          </div>
          {e.reason === null ? null : (
            <div>
              {t('int.trace.reasonCode')} <Tag>{e.reason}</Tag>
            </div>
          )}
        </>
      }
    />
  );
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function EventBody({ event }: { readonly event: TraceEvent }) {
  const { t } = useI18n();
  const d = event.detail as Record<string, unknown>;
  const latency = num(d['latencyMs']);
  const outcome = str(d['outcome']);
  const { request, response, ...rest } = d;
  const sections = [
    ...(request === undefined
      ? []
      : [{ key: 'request', label: t('int.trace.request'), children: <JsonBlock value={request} /> }]),
    ...(response === undefined
      ? []
      : [{ key: 'response', label: t('int.trace.response'), children: <JsonBlock value={response} /> }]),
  ];
  const others = Object.entries(rest).filter(([k]) => k !== 'latencyMs' && k !== 'outcome');
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={KIND_COLOR[event.kind] ?? 'default'}>{event.kind}</Tag>
        {latency === undefined ? null : (
          <Tag data-testid="trace-latency">{t('int.trace.latency', { ms: latency })}</Tag>
        )}
        {outcome === undefined ? null : <Tag color={OUTCOME_COLOR[outcome] ?? 'default'}>{outcome}</Tag>}
      </Space>
      {others.length === 0 ? null : (
        <Descriptions size="small" column={1} bordered>
          {others.map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {typeof v === 'object' && v !== null ? (
                <Typography.Text code>{JSON.stringify(v)}</Typography.Text>
              ) : (
                String(v)
              )}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {sections.length === 0 ? null : (
        <Collapse
          size="small"
          items={sections}
          defaultActiveKey={event.kind === 'attempt' ? ['response'] : []}
        />
      )}
    </Space>
  );
}

/** A posting's trace (GET /api/v1/documents/{id}/trace): every event from receipt to the ERP number. */
export function PostingTrace({ id }: { readonly id: string }) {
  const { t, instant } = useI18n();
  const trace = useRequest(`trace-${id}`, () =>
    unwrap(api.GET('/api/v1/documents/{id}/trace', { params: { path: { id } } })),
  );
  if (trace.error !== undefined) return <ErrorNotice error={trace.error} />;
  if (trace.data === undefined) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  const { postings, events } = trace.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="trace">
      {postings.map((p) => (
        <Space direction="vertical" key={p.id} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('int.postings.document')}>
              {p.documentType} · {p.documentId}
            </Descriptions.Item>
            <Descriptions.Item label={t('int.postings.status')}>
              <PostingStatusTag status={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('int.postings.reference')}>{p.externalReference}</Descriptions.Item>
            <Descriptions.Item label={t('int.postings.erpNumber')}>{p.erpNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('int.postings.attempts')}>{p.attempts}</Descriptions.Item>
            <Descriptions.Item label={t('int.mapping.version')}>
              {p.profileVersion === null ? '—' : `v${p.profileVersion}`}
            </Descriptions.Item>
          </Descriptions>
          <PostingError posting={p} />
        </Space>
      ))}
      <Timeline
        data-testid="trace-timeline"
        items={events.map((e) => ({
          key: `${e.postingId}-${e.seq}`,
          color: KIND_COLOR[e.kind] ?? 'gray',
          children: (
            <div data-testid="trace-event" data-kind={e.kind}>
              <Typography.Text type="secondary">{instant(e.at)}</Typography.Text>
              <EventBody event={e} />
            </div>
          ),
        }))}
      />
    </Space>
  );
}

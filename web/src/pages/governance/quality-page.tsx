import { Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

const QualityChart = lazy(() => import('./quality-chart.tsx'));

type Issue =
  operations['listQualityIssues']['responses'][200]['content']['application/json']['items'][number];
type Owner = operations['listDataOwners']['responses'][200]['content']['application/json']['items'][number];
type Severity = Issue['severity'];

const SEVERITY_COLOR: Record<Severity, string> = {
  info: 'default',
  warning: 'warning',
  error: 'error',
  critical: 'magenta',
};
const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  info: 'gov.quality.severity.info',
  warning: 'gov.quality.severity.warning',
  error: 'gov.quality.severity.error',
  critical: 'gov.quality.severity.critical',
};

/**
 * Governance: data quality (issue #19 item 2). The score of each master-data entity over all its
 * sources with its daily trend, the open (or resolved) issues with the suggested fix, and who owns
 * which entity and source. A sweep can be started from here.
 */
export default function QualityPage() {
  const { t, instant } = useI18n();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const scores = useRequest('gov-quality-scores', () => unwrap(api.GET('/api/v1/data-quality/scores')));
  const issues = useRequest(`gov-quality-issues-${status}`, () =>
    unwrap(api.GET('/api/v1/data-quality/issues', { params: { query: { status, limit: 200 } } })),
  );
  const owners = useRequest('gov-quality-owners', () => unwrap(api.GET('/api/v1/data-quality/owners')));
  const [sweeping, setSweeping] = useState(false);
  const [sweepError, setSweepError] = useState<unknown>(undefined);
  const entities = (scores.data?.items ?? []).filter((s) => s.source === '*');
  const runSweep = async () => {
    setSweeping(true);
    setSweepError(undefined);
    try {
      await unwrap(api.POST('/api/v1/data-quality/sweep', { body: {} }));
      scores.reload();
      issues.reload();
    } catch (error) {
      setSweepError(error);
    } finally {
      setSweeping(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="quality-title">
          {t('gov.quality.title')}
        </Typography.Title>
        <Button onClick={() => void runSweep()} loading={sweeping} data-testid="quality-sweep">
          {t('gov.quality.sweep')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('gov.quality.hint')}
      </Typography.Paragraph>
      <ErrorNotice error={scores.error ?? sweepError} />
      <Row gutter={[12, 12]} data-testid="quality-scores">
        {entities.map((s) => (
          <Col key={s.entity} xs={12} md={6}>
            <Card size="small" data-testid={`quality-score-${s.entity}`}>
              <Statistic title={s.entity} value={s.score} suffix="/ 100" />
              <Typography.Text type="secondary">
                {t('gov.quality.records', { count: s.records, open: s.openIssues })}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('gov.quality.trend')}>
        {entities.length === 0 ? (
          <Empty description={t('gov.quality.noScores')} />
        ) : (
          <Suspense fallback={<div style={{ height: 260 }} />}>
            <QualityChart lines={entities.map((s) => ({ name: s.entity, points: s.trend }))} />
          </Suspense>
        )}
      </Card>
      <Card
        size="small"
        title={t('gov.quality.issues')}
        extra={
          <Segmented<'open' | 'resolved'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'open', label: t('gov.quality.open') },
              { value: 'resolved', label: t('gov.quality.resolved') },
            ]}
            data-testid="quality-status"
          />
        }
      >
        <ErrorNotice error={issues.error} />
        <Table<Issue>
          rowKey="id"
          size="small"
          loading={issues.loading}
          dataSource={issues.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="quality-issues"
          locale={{ emptyText: t('gov.quality.noIssues') }}
          columns={[
            {
              title: t('gov.quality.severity'),
              dataIndex: 'severity',
              render: (s: Severity) => (
                <Tag color={SEVERITY_COLOR[s]} data-severity={s}>
                  {t(SEVERITY_LABEL[s])}
                </Tag>
              ),
            },
            { title: t('gov.quality.entity'), dataIndex: 'entity' },
            {
              title: t('gov.quality.record'),
              dataIndex: 'record',
              render: (r: string) => <span data-testid="quality-issue-record">{r}</span>,
            },
            { title: t('gov.quality.source'), dataIndex: 'source' },
            { title: t('gov.quality.rule'), dataIndex: 'kind', render: (k: string) => <Tag>{k}</Tag> },
            { title: t('gov.quality.field'), dataIndex: 'field' },
            { title: t('gov.quality.value'), dataIndex: 'value', render: (v: string | null) => v ?? '—' },
            { title: t('gov.quality.suggestion'), dataIndex: 'suggestion' },
            {
              title: t('gov.quality.openedAt'),
              dataIndex: 'openedAt',
              render: (at: string) => instant(at),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('gov.quality.owners')}>
        <ErrorNotice error={owners.error} />
        <Table<Owner>
          rowKey={(o) => `${o.scope}:${o.name}`}
          size="small"
          pagination={false}
          loading={owners.loading}
          dataSource={owners.data?.items ?? []}
          data-testid="quality-owners"
          locale={{ emptyText: t('gov.quality.noOwners') }}
          columns={[
            { title: t('gov.quality.scope'), dataIndex: 'scope' },
            { title: t('gov.quality.name'), dataIndex: 'name' },
            { title: t('gov.quality.owner'), dataIndex: 'owner' },
          ]}
        />
      </Card>
    </Space>
  );
}

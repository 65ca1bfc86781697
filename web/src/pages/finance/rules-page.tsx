import { Card, Descriptions, Empty, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DEPARTMENT_KIND, RuleExplanationView, useOverrideWhen } from './rule-explanation.tsx';
import { AUDIT_RULES, SeverityTag, useCurrency, type AuditRuleName } from './shared.tsx';

type RuleSet = Schemas['RuleSetView'];
type AuditSet = Extract<RuleSet, { kind: 'audit' }>;
type PostingSet = Extract<RuleSet, { kind: 'posting' }>;
type Tab = 'audit' | 'posting' | 'explain';
const TABS: readonly Tab[] = ['audit', 'posting', 'explain'];

/** Who saved a version and when, and its note (version 0 is the built-in default). */
function VersionLine({ set }: { readonly set: RuleSet }) {
  const { t, instant } = useI18n();
  return (
    <Typography.Text type="secondary" data-testid="rule-version">
      {set.version === 0
        ? t('finance.rules.builtIn')
        : t('finance.rules.version', {
            version: set.version,
            by: set.createdBy,
            at: set.createdAt === null ? '—' : instant(set.createdAt),
          })}
      {set.note === null || set.version === 0 ? '' : ` · ${set.note}`}
    </Typography.Text>
  );
}

function Versions({ kind }: { readonly kind: 'audit' | 'posting' }) {
  const { t, instant } = useI18n();
  const versions = useRequest(`finance-rule-versions:${kind}`, () =>
    unwrap(api.GET('/api/v1/rules/{kind}/versions', { params: { path: { kind } } })),
  );
  if (versions.error !== undefined) return <ErrorNotice error={versions.error} />;
  return (
    <Table<RuleSet>
      size="small"
      rowKey="version"
      loading={versions.loading}
      pagination={false}
      dataSource={[...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version)}
      locale={{ emptyText: t('finance.rules.noVersions') }}
      columns={[
        { title: t('finance.rules.versionNo'), dataIndex: 'version', width: 80 },
        { title: t('finance.rules.note'), render: (_, v) => v.note ?? '—' },
        { title: t('finance.rules.by'), dataIndex: 'createdBy' },
        {
          title: t('finance.rules.at'),
          render: (_, v) => (v.createdAt === null ? '—' : instant(v.createdAt)),
        },
      ]}
    />
  );
}

function AuditRules({ set }: { readonly set: AuditSet }) {
  const { t, money } = useI18n();
  const currency = useCurrency();
  const b = set.body;
  const parameters: Record<AuditRuleName, string> = {
    duplicate_invoice: '—',
    split_claim: t('finance.rules.split', {
      days: b.splitWindowDays,
      thresholds: b.splitThresholds.map((x) => money(x, currency)).join(' / '),
    }),
    per_diem: t('finance.rules.perDiem', { standards: b.perDiem.standards.length }),
    weekend_holiday: t('finance.rules.holidays', {
      holidays: b.holidays.length,
      workdays: b.workdays.length,
    }),
    round_amount: t('finance.rules.round', { min: money(b.roundAmountMin, currency) }),
    invoice_after_trip: '—',
    over_request: '—',
  };
  const rows = (Object.keys(b.rules) as AuditRuleName[]).map((rule) => ({ rule, severity: b.rules[rule] }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <VersionLine set={set} />
      <Table
        data-testid="audit-rule-table"
        size="small"
        rowKey="rule"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          {
            title: t('finance.rule'),
            width: 170,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{t(AUDIT_RULES[r.rule].name)}</Typography.Text>
                <Typography.Text type="secondary" code>
                  {r.rule}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('finance.rule.severity'),
            width: 100,
            render: (_, r) => <SeverityTag severity={r.severity} />,
          },
          { title: t('finance.rules.finds'), render: (_, r) => t(AUDIT_RULES[r.rule].what) },
          { title: t('finance.rules.parameters'), render: (_, r) => parameters[r.rule] },
        ]}
      />
      {b.perDiem.standards.length === 0 ? null : (
        <Table
          size="small"
          rowKey={(s) => `${s.tier}:${s.grades.join(',')}`}
          pagination={false}
          dataSource={b.perDiem.standards}
          columns={[
            { title: t('finance.rules.grades'), render: (_, s) => s.grades.join(', ') },
            { title: t('finance.rules.tier'), dataIndex: 'tier' },
            {
              title: t('finance.rules.hotel'),
              align: 'right',
              render: (_, s) => money(s.hotelPerNight, currency),
            },
            {
              title: t('finance.rules.meals'),
              align: 'right',
              render: (_, s) => money(s.mealsPerDay, currency),
            },
          ]}
        />
      )}
      <Typography.Title level={5}>{t('finance.rules.history')}</Typography.Title>
      <Versions kind="audit" />
    </Space>
  );
}

function PostingRules({ set }: { readonly set: PostingSet }) {
  const { t } = useI18n();
  const when = useOverrideWhen();
  const b = set.body;
  type Override = PostingSet['body']['overrides'][number];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <VersionLine set={set} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="posting-accounts">
        <Descriptions.Item label={t('finance.posting.word')}>{b.word}</Descriptions.Item>
        <Descriptions.Item label={t('finance.posting.inputVat')}>{b.inputVatAccount}</Descriptions.Item>
        <Descriptions.Item label={t('finance.posting.employeePayable')}>
          {b.employeePayableAccount}
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.posting.supplierPayable')}>
          {b.payableAccount ?? '2202'}
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.posting.advance')}>{b.advanceAccount}</Descriptions.Item>
        <Descriptions.Item label={t('finance.posting.bank')}>{b.bankAccount}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ margin: 0 }}>{t('finance.posting.how')}</Typography.Paragraph>
      <Table<Override & { n: number }>
        data-testid="posting-overrides"
        size="small"
        rowKey="n"
        pagination={false}
        dataSource={b.overrides.map((o, i) => ({ ...o, n: i + 1 }))}
        locale={{ emptyText: t('finance.posting.noOverrides') }}
        columns={[
          { title: '#', dataIndex: 'n', width: 48 },
          { title: t('finance.posting.when'), render: (_, o) => when(o) },
          { title: t('finance.line.category'), render: (_, o) => o.category ?? '—' },
          {
            title: t('finance.posting.deptKind'),
            render: (_, o) => (o.departmentKind === undefined ? '—' : t(DEPARTMENT_KIND[o.departmentKind])),
          },
          { title: t('finance.voucher.account'), render: (_, o) => <Tag>{o.accountCode}</Tag> },
        ]}
      />
      <Typography.Title level={5}>{t('finance.rules.history')}</Typography.Title>
      <Versions kind="posting" />
    </Space>
  );
}

function Explain() {
  const { t, money } = useI18n();
  const [params, setParams] = useSearchParams();
  const claimId = params.get('claim') ?? undefined;
  const claims = useRequest('finance-explain-claims', () =>
    unwrap(api.GET('/api/v1/expense-claims', { params: { query: { limit: 200 } } })),
  );
  const options = (claims.data?.items ?? [])
    .filter((c) => c.status !== 'draft')
    .map((c) => ({
      value: c.id,
      label: `${c.number} · ${c.title} · ${money(c.total, c.currency)}`,
    }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.explain.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={claims.error} />
      <Select
        showSearch
        allowClear
        optionFilterProp="label"
        placeholder={t('finance.explain.pick')}
        style={{ width: '100%', maxWidth: 640 }}
        loading={claims.loading}
        value={claimId}
        options={options}
        onChange={(v: string | undefined) =>
          setParams(
            (p) => {
              const next = new URLSearchParams(p);
              if (v === undefined) next.delete('claim');
              else next.set('claim', v);
              return next;
            },
            { replace: true },
          )
        }
        data-testid="explain-claim"
      />
      {claimId === undefined ? (
        <Empty description={t('finance.explain.none')} />
      ) : (
        <RuleExplanationView key={claimId} claimId={claimId} />
      )}
    </Space>
  );
}

/**
 * Finance: the rules as data — the audit rules (GET /api/v1/rules/audit: each rule's severity, what
 * it finds and its parameters, with the version history) and the posting rules (GET
 * /api/v1/rules/posting: the fixed accounts and the overrides), and **Explain a claim**: for a
 * chosen claim, what each audit rule found and which posting rule chose each line's account, and why.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : params.has('claim') ? 'explain' : 'audit';
  const audit = useRequest('finance-rules-audit', () =>
    unwrap(api.GET('/api/v1/rules/{kind}', { params: { path: { kind: 'audit' } } })),
  );
  const posting = useRequest('finance-rules-posting', () =>
    unwrap(api.GET('/api/v1/rules/{kind}', { params: { path: { kind: 'posting' } } })),
  );
  const a = audit.data?.kind === 'audit' ? audit.data : undefined;
  const p = posting.data?.kind === 'posting' ? posting.data : undefined;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-rules">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('finance.rules.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.rules.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={audit.error ?? posting.error} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (old) => {
                const next = new URLSearchParams(old);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'audit',
              label: <span data-testid="tab-audit">{t('finance.rules.audit')}</span>,
              children: a === undefined ? <Skeleton active /> : <AuditRules set={a} />,
            },
            {
              key: 'posting',
              label: <span data-testid="tab-posting">{t('finance.rules.posting')}</span>,
              children: p === undefined ? <Skeleton active /> : <PostingRules set={p} />,
            },
            {
              key: 'explain',
              label: <span data-testid="tab-explain">{t('finance.rules.explain')}</span>,
              children: <Explain />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

import { Alert, Descriptions, Divider, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { StatusTag } from '../employee/status.tsx';
import { AUDIT_RULES, Findings, SeverityTag, VoucherLines, type Explanation } from './shared.tsx';

type PostingLine = NonNullable<Explanation['posting']>['lines'][number];
type AuditRow = Explanation['audit']['rules'][number];
type Override = NonNullable<Explanation['posting']>['overrides'][number];

export const DEPARTMENT_KIND: Record<PostingLine['departmentKind'], MessageKey> = {
  management: 'finance.deptKind.management',
  sales: 'finance.deptKind.sales',
  production: 'finance.deptKind.production',
  rnd: 'finance.deptKind.rnd',
};

/** An override's conditions in words: "category TAXI, sales departments" (or "every line"). */
export function useOverrideWhen(): (o: Override) => string {
  const { t } = useI18n();
  return (o) => {
    const parts = [
      ...(o.category === undefined ? [] : [t('finance.posting.whenCategory', { category: o.category })]),
      ...(o.departmentKind === undefined
        ? []
        : [t('finance.posting.whenKind', { kind: t(DEPARTMENT_KIND[o.departmentKind]) })]),
    ];
    return parts.length === 0 ? t('finance.posting.whenAlways') : parts.join(t('finance.and'));
  };
}

/**
 * Why a claim was handled as it was (GET /api/v1/expense-claims/{id}/rule-explanation): each audit
 * rule, its severity and what it found; for each line the expense account and the posting rule that
 * chose it, in words; the accounts of the other voucher lines; the voucher those rules build.
 */
export function RuleExplanationView({ claimId }: { readonly claimId: string }) {
  const { t, money, pick } = useI18n();
  const when = useOverrideWhen();
  const explained = useRequest(`finance-explain:${claimId}`, () =>
    unwrap(api.GET('/api/v1/expense-claims/{id}/rule-explanation', { params: { path: { id: claimId } } })),
  );
  if (explained.error !== undefined) return <ErrorNotice error={explained.error} />;
  const x = explained.data;
  if (x === undefined) return <Skeleton active />;
  const p = x.posting;
  const why = (l: PostingLine): string => {
    const c = l.choice;
    if (c === null) return t('finance.explain.noAccount', { category: l.categoryCode });
    const kind = t(DEPARTMENT_KIND[l.departmentKind]);
    if (c.source === 'override') {
      const o = p?.overrides[c.overrideIndex ?? -1];
      return t('finance.explain.override', {
        n: (c.overrideIndex ?? 0) + 1,
        when: o === undefined ? '' : when(o),
      });
    }
    const base =
      c.source === 'category_sales'
        ? t('finance.explain.sales', { category: `${l.categoryCode} ${l.categoryName}`, kind })
        : t('finance.explain.management', { category: `${l.categoryCode} ${l.categoryName}`, kind });
    return c.fallback ? `${base} ${t('finance.explain.fallback')}` : base;
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="rule-explain">
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered>
        <Descriptions.Item label={t('finance.doc.number')}>{x.number}</Descriptions.Item>
        <Descriptions.Item label={t('finance.doc.status')}>
          <StatusTag status={x.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.explain.versions')}>
          {t('finance.explain.versionsAre', { audit: x.audit.version, posting: p?.version ?? '—' })}
        </Descriptions.Item>
      </Descriptions>
      <Divider orientation="left" plain style={{ margin: 0 }}>
        {t('finance.explain.audit')}
      </Divider>
      {x.audit.ran ? null : <Alert type="info" showIcon message={t('finance.explain.notRun')} />}
      <Table<AuditRow>
        data-testid="explain-audit"
        size="small"
        rowKey="rule"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={x.audit.rules}
        columns={[
          {
            title: t('finance.rule'),
            width: 170,
            render: (_, r) => (
              <span data-testid="explain-rule" data-rule={r.rule} data-fired={r.findings.length > 0}>
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
            title: t('finance.explain.outcome'),
            render: (_, r) =>
              r.findings.length === 0 ? (
                <Typography.Text type="secondary">
                  {x.audit.ran ? t('finance.explain.passed') : '—'}
                </Typography.Text>
              ) : (
                r.findings.map((f, i) => (
                  <div key={i}>
                    <Tag color={f.severity === 'block' ? 'red' : 'gold'}>{t('finance.explain.found')}</Tag>
                    {pick(f)}
                  </div>
                ))
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
      <Divider orientation="left" plain style={{ margin: 0 }}>
        {t('finance.explain.posting')}
      </Divider>
      {p === null ? (
        <Empty description={t('finance.explain.noPosting')} />
      ) : (
        <>
          <Table<PostingLine>
            data-testid="explain-lines"
            size="small"
            rowKey="lineNo"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.lines}
            locale={{
              emptyText: t('finance.explain.advance', { debit: p.accounts.advance, credit: p.accounts.bank }),
            }}
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 48 },
              {
                title: t('finance.line.category'),
                render: (_, l) => `${l.categoryCode} ${l.categoryName}`,
              },
              {
                title: t('finance.line.department'),
                render: (_, l) => `${l.departmentCode} (${t(DEPARTMENT_KIND[l.departmentKind])})`,
              },
              {
                title: t('finance.explain.net'),
                align: 'right',
                render: (_, l) => money(l.net, p.voucher?.currency ?? 'CNY'),
              },
              {
                title: t('finance.voucher.account'),
                render: (_, l) => (
                  <Typography.Text strong data-testid="explain-account">
                    {l.choice?.accountCode ?? '—'}
                  </Typography.Text>
                ),
              },
              {
                title: t('finance.explain.why'),
                render: (_, l) => (
                  <span data-testid="explain-why" data-source={l.choice?.source ?? 'none'}>
                    {why(l)}
                  </span>
                ),
              },
            ]}
          />
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="explain-accounts">
            <li>{t('finance.explain.inputVat', { account: p.accounts.inputVat })}</li>
            <li>{t('finance.explain.advanceOffset', { account: p.accounts.advance })}</li>
            <li>
              {p.payee === 'supplier'
                ? t('finance.explain.supplierPayable', { account: p.accounts.supplierPayable })
                : t('finance.explain.employeePayable', { account: p.accounts.employeePayable })}
            </li>
          </ul>
          {p.voucher === null ? (
            <Alert type="error" showIcon message={t('finance.explain.noVoucher')} />
          ) : (
            <>
              <Typography.Text type="secondary">
                {t('finance.explain.voucher', { date: p.date, word: p.word })}
              </Typography.Text>
              <VoucherLines voucher={p.voucher} testId="explain-voucher" />
            </>
          )}
        </>
      )}
    </Space>
  );
}

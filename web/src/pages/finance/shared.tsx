import { Space, Table, Tag, Typography } from 'antd';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** What the finance pages share: the company's currency, audit-rule names, risk findings, voucher lines. */
export type RiskTag = Schemas['RiskTag'];
export type Explanation = Schemas['RuleExplanation'];
export type AuditRuleName = Explanation['audit']['rules'][number]['rule'];
export type Severity = Explanation['audit']['rules'][number]['severity'];
export type Voucher = Schemas['VoucherInput'];

/** The company's base currency (budgets and claims are kept in it); CNY until it is known. */
export function useCurrency(): string {
  const { me } = useMe();
  const company = useRequest(`company:${me.tenantId}`, () =>
    unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id: me.tenantId } } })),
  );
  return company.data?.baseCurrency ?? 'CNY';
}

export const AUDIT_RULES: Record<AuditRuleName, { readonly name: MessageKey; readonly what: MessageKey }> = {
  duplicate_invoice: { name: 'finance.rule.duplicate_invoice', what: 'finance.rule.duplicate_invoice.what' },
  split_claim: { name: 'finance.rule.split_claim', what: 'finance.rule.split_claim.what' },
  per_diem: { name: 'finance.rule.per_diem', what: 'finance.rule.per_diem.what' },
  weekend_holiday: { name: 'finance.rule.weekend_holiday', what: 'finance.rule.weekend_holiday.what' },
  round_amount: { name: 'finance.rule.round_amount', what: 'finance.rule.round_amount.what' },
  invoice_after_trip: {
    name: 'finance.rule.invoice_after_trip',
    what: 'finance.rule.invoice_after_trip.what',
  },
  over_request: { name: 'finance.rule.over_request', what: 'finance.rule.over_request.what' },
};

/** Findings of checks other than the audit rules (budget, ERP connection). */
const OTHER_RULES: Readonly<Record<string, MessageKey>> = {
  over_budget: 'finance.rule.over_budget',
  no_erp_connection: 'finance.rule.no_erp_connection',
};

/** A rule's name in the reader's language (its code when the console does not know it). */
export function useRuleName(): (rule: string) => string {
  const { t } = useI18n();
  return (rule) => {
    const audit = (AUDIT_RULES as Partial<Record<string, { name: MessageKey }>>)[rule];
    const other = OTHER_RULES[rule];
    return audit !== undefined ? t(audit.name) : other !== undefined ? t(other) : rule;
  };
}

const SEVERITY: Record<Severity, { color: string; label: MessageKey }> = {
  block: { color: 'red', label: 'finance.severity.block' },
  warn: { color: 'gold', label: 'finance.severity.warn' },
  off: { color: 'default', label: 'finance.severity.off' },
};

export function SeverityTag({ severity }: { readonly severity: Severity }) {
  const { t } = useI18n();
  return (
    <Tag color={SEVERITY[severity].color} data-severity={severity}>
      {t(SEVERITY[severity].label)}
    </Tag>
  );
}

/** Risk findings as a list: the rule's name, its severity and what it found, in the reader's language. */
export function Findings({ tags }: { readonly tags: readonly RiskTag[] }) {
  const { t, pick } = useI18n();
  const ruleName = useRuleName();
  if (tags.length === 0)
    return <Typography.Text type="secondary">{t('finance.findings.none')}</Typography.Text>;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="findings">
      {tags.map((tag, i) => (
        <div key={`${tag.rule}:${tag.pointer ?? ''}:${i}`} data-testid="finding" data-rule={tag.rule}>
          <SeverityTag severity={tag.severity} />
          <Typography.Text strong>{ruleName(tag.rule)}</Typography.Text>
          <Typography.Text> — {pick(tag)}</Typography.Text>
        </div>
      ))}
    </Space>
  );
}

/** A voucher's lines: account, summary, dimensions, debit and credit. */
export function VoucherLines({ voucher, testId }: { readonly voucher: Voucher; readonly testId?: string }) {
  const { t, money } = useI18n();
  type Line = Voucher['lines'][number];
  return (
    <Table<Line>
      data-testid={testId}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey={(l) => `${l.accountCode}:${l.summary}:${l.debit ?? ''}:${l.credit ?? ''}`}
      dataSource={voucher.lines}
      columns={[
        { title: t('finance.voucher.account'), dataIndex: 'accountCode', width: 110 },
        { title: t('finance.voucher.summary'), dataIndex: 'summary', ellipsis: true },
        {
          title: t('finance.voucher.aux'),
          render: (_, l) =>
            Object.entries(l.aux ?? {}).map(([k, v]) => (
              <Tag key={k}>
                {k}: {v}
              </Tag>
            )),
        },
        {
          title: t('finance.voucher.debit'),
          align: 'right',
          render: (_, l) => (l.debit === undefined ? '' : money(l.debit, voucher.currency)),
        },
        {
          title: t('finance.voucher.credit'),
          align: 'right',
          render: (_, l) => (l.credit === undefined ? '' : money(l.credit, voucher.currency)),
        },
      ]}
    />
  );
}

/** A failed request in one line: the server's message and its request id. */
export const errorText = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.problem?.detail ?? error.message}${error.requestId === undefined ? '' : ` (${error.requestId})`}`
    : error instanceof Error
      ? error.message
      : String(error);

/** Today as a calendar date in the reader's time zone (the default payment date). */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

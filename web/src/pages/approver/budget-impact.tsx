import { Alert, Empty, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client.ts';
import type { ExpenseDocument } from '../../api/types.ts';
import { addDecimals, percentOf, sumDecimals } from '../../components/expense-decimal.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Budget = Schemas['BudgetView'];

interface Row {
  readonly slice: Slice;
  readonly budget: Budget | undefined;
}

interface Slice {
  readonly key: string;
  readonly departmentCode: string;
  readonly categoryCode: string;
  /** What this document spends in the slice. */
  readonly amount: string;
  /** The budgets whose period holds the document's date (month, quarter or year). */
  readonly budgets: readonly Budget[];
}

/** Does a budget period (2026-11, 2026-Q4, 2026) hold the calendar date? */
export function periodHolds(period: string, date: string): boolean {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return period === date.slice(0, 7) || period === year || period === `${year}-Q${Math.ceil(month / 3)}`;
}

/**
 * The budget impact of a claim beside it: for each department × category its lines spend in, the
 * budgets of the period holding the claim's date (GET /api/v1/budgets), with what is used (occupied by
 * submitted documents, this one included, and actual), what is left, and this claim's share.
 */
export function BudgetImpact({ doc }: { readonly doc: ExpenseDocument }) {
  const { t, money } = useI18n();
  const groups = new Map<string, { departmentCode: string; categoryCode: string; amounts: string[] }>();
  for (const line of doc.lines ?? []) {
    const departmentCode = line.departmentCode === '' ? doc.departmentCode : line.departmentCode;
    const key = `${departmentCode}\u0000${line.categoryCode}`;
    const group = groups.get(key) ?? { departmentCode, categoryCode: line.categoryCode, amounts: [] };
    group.amounts.push(line.amount);
    groups.set(key, group);
  }
  const wanted = [...groups.entries()];
  const slices = useRequest(`budget-impact:${doc.id}:${wanted.map(([k]) => k).join('|')}`, () =>
    Promise.all(
      wanted.map(async ([key, g]): Promise<Slice> => {
        const execution = await unwrap(
          api.GET('/api/v1/budgets', {
            params: { query: { departmentCode: g.departmentCode, categoryCode: g.categoryCode } },
          }),
        );
        return {
          key,
          departmentCode: g.departmentCode,
          categoryCode: g.categoryCode,
          amount: sumDecimals(g.amounts),
          budgets: execution.items.filter((b) => periodHolds(b.period, doc.date)),
        };
      }),
    ),
  );
  if (doc.kind !== 'claim')
    return <Typography.Text type="secondary">{t('approver.budget.notClaim')}</Typography.Text>;
  if (slices.error !== undefined) return <ErrorNotice error={slices.error} />;
  if (slices.data === undefined) return <Skeleton active paragraph={{ rows: 2 }} />;
  const rows: Row[] = slices.data.flatMap((s): Row[] =>
    s.budgets.length === 0
      ? [{ slice: s, budget: undefined }]
      : s.budgets.map((budget) => ({ slice: s, budget })),
  );
  if (rows.length === 0) return <Empty description={t('approver.budget.none')} />;
  const over = rows.some((r) => r.budget !== undefined && r.budget.available.startsWith('-'));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="budget-impact">
      {over ? <Alert type="warning" showIcon message={t('approver.budget.over')} /> : null}
      <Table<Row>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(r) => `${r.slice.key}:${r.budget?.id ?? 'none'}`}
        dataSource={rows}
        columns={[
          {
            title: t('approver.budget.slice'),
            render: (_, r) => `${r.slice.departmentCode} × ${r.slice.categoryCode}`,
          },
          { title: t('approver.budget.period'), render: (_, r) => r.budget?.period ?? '—' },
          {
            title: t('approver.budget.thisClaim'),
            align: 'right',
            render: (_, r) => money(r.slice.amount, doc.currency),
          },
          {
            title: t('approver.budget.used'),
            render: (_, r) => {
              const b = r.budget;
              if (b === undefined) return <Tag>{t('approver.budget.noBudget')}</Tag>;
              const used = addDecimals(b.occupied, b.actual) ?? b.occupied;
              return (
                <div style={{ minWidth: 160 }}>
                  <Progress
                    percent={Math.min(100, percentOf(used, b.amount.amount))}
                    status={b.available.startsWith('-') ? 'exception' : 'normal'}
                    size="small"
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('approver.budget.usedOf', {
                      used: money(used, b.amount.currency),
                      budget: money(b.amount.amount, b.amount.currency),
                    })}
                  </Typography.Text>
                </div>
              );
            },
          },
          {
            title: t('approver.budget.available'),
            align: 'right',
            render: (_, r) =>
              r.budget === undefined ? (
                '—'
              ) : (
                <Typography.Text {...(r.budget.available.startsWith('-') ? { type: 'danger' as const } : {})}>
                  {money(r.budget.available, r.budget.amount.currency)}
                </Typography.Text>
              ),
          },
          {
            title: t('approver.budget.control'),
            render: (_, r) =>
              r.budget === undefined ? (
                '—'
              ) : (
                <Tag color={r.budget.control === 'block' ? 'red' : 'gold'}>
                  {t(r.budget.control === 'block' ? 'approver.budget.block' : 'approver.budget.warn')}
                </Tag>
              ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('approver.budget.note')}
      </Typography.Text>
    </Space>
  );
}

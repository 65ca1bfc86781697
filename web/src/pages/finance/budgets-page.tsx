import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import { addDecimals, percentOf, sumDecimals } from '../../components/expense-decimal.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { BudgetSeries } from './budget-chart.tsx';

const BudgetChart = lazy(() => import('./budget-chart.tsx'));

type Budget = Schemas['BudgetView'];
const PERIOD = /^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$/;
const negative = (amount: string) => amount.startsWith('-');
/** A decimal string as a bar length (drawing only: every amount read is the string itself). */
const length = (amount: string) => Math.max(0, Number(amount));
const sliceName = (b: Budget) =>
  `${b.departmentCode} × ${b.categoryCode} · ${b.period}${b.projectCode === null ? '' : ` · ${b.projectCode}`}`;

interface EditValues {
  amount: string;
  control: 'warn' | 'block';
}

/**
 * Finance: budgets with their execution (预算执行) — GET /api/v1/budgets for a period (a year takes
 * its quarters and months too), narrowed by department and category: budget, committed (occupied by
 * submitted documents), spent (posted), remaining, as tiles, an ECharts bar per slice (loaded only on
 * this page) and a table; **Edit** changes a budget's amount or control (PATCH with If-Match), the
 * API's refusals shown beside the field they name.
 */
export default function BudgetsPage() {
  const { t, money } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = String(new Date().getFullYear());
  const period = PERIOD.test(params.get('period') ?? '') ? (params.get('period') ?? thisYear) : thisYear;
  const department = params.get('department') ?? undefined;
  const category = params.get('category') ?? undefined;
  const [periodText, setPeriodText] = useState(period);
  const [editing, setEditing] = useState<Budget | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [form] = Form.useForm<EditValues>();
  const budgets = useRequest(`finance-budgets:${period}`, () =>
    unwrap(api.GET('/api/v1/budgets', { params: { query: { period } } })),
  );
  const set = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const items = useMemo(() => budgets.data?.items ?? [], [budgets.data]);
  const shown = useMemo(
    () =>
      items.filter(
        (b) =>
          (department === undefined || b.departmentCode === department) &&
          (category === undefined || b.categoryCode === category),
      ),
    [items, department, category],
  );
  const currency = shown[0]?.amount.currency ?? 'CNY';
  const totals = {
    budget: sumDecimals(shown.map((b) => b.amount.amount)),
    occupied: sumDecimals(shown.map((b) => b.occupied)),
    actual: sumDecimals(shown.map((b) => b.actual)),
    available: sumDecimals(shown.map((b) => b.available)),
  };
  const series: BudgetSeries[] = useMemo(
    () => [
      {
        name: t('finance.budget.spent'),
        color: '#1677ff',
        values: shown.map((b) => length(b.actual)),
        labels: shown.map((b) => money(b.actual, b.amount.currency)),
      },
      {
        name: t('finance.budget.committed'),
        color: '#faad14',
        values: shown.map((b) => length(b.occupied)),
        labels: shown.map((b) => money(b.occupied, b.amount.currency)),
      },
      {
        name: t('finance.budget.remaining'),
        color: '#52c41a',
        values: shown.map((b) => (negative(b.available) ? 0 : length(b.available))),
        labels: shown.map((b) => money(b.available, b.amount.currency)),
      },
      {
        name: t('finance.budget.overrun'),
        color: '#ff4d4f',
        values: shown.map((b) => (negative(b.available) ? length(b.available.slice(1)) : 0)),
        labels: shown.map((b) =>
          negative(b.available) ? money(b.available.slice(1), b.amount.currency) : '—',
        ),
      },
    ],
    [shown, t, money],
  );
  const slices = useMemo(() => shown.map(sliceName), [shown]);

  const startEdit = (b: Budget) => {
    setSaveError(undefined);
    setEditing(b);
    form.setFieldsValue({ amount: b.amount.amount, control: b.control });
  };
  const save = async () => {
    if (editing === undefined) return;
    setSaveError(undefined);
    form.setFields([
      { name: 'amount', errors: [] },
      { name: 'control', errors: [] },
    ]);
    const values = form.getFieldsValue();
    setSaving(true);
    try {
      const saved = await unwrap(
        api.PATCH('/api/v1/budgets/{id}', {
          params: { path: { id: editing.id }, header: { 'if-match': `"${editing.version}"` } },
          body: { amount: values.amount.trim(), control: values.control },
        }),
      );
      void message.success(t('finance.budget.saved', { slice: sliceName(saved) }));
      setEditing(undefined);
      budgets.reload();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        const left = showFieldErrors(form, error);
        // what no field took (a version conflict, …) is shown above the form
        if (left.length > 0 || !(error instanceof ApiError) || error.problem?.errors === undefined)
          setSaveError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const options = (values: readonly string[]) =>
    [...new Set(values)].sort().map((v) => ({ value: v, label: v }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-budgets">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('finance.budget.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={budgets.reload} aria-label={t('finance.reload')} />
      </Space>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('finance.budget.period')} extra={t('finance.budget.periodHint')}>
          <Input.Search
            value={periodText}
            onChange={(e) => setPeriodText(e.target.value)}
            onSearch={(v) => (PERIOD.test(v.trim()) ? set('period', v.trim()) : undefined)}
            status={PERIOD.test(periodText.trim()) ? '' : 'error'}
            enterButton={t('finance.apply')}
            style={{ width: 220 }}
            data-testid="budget-period"
          />
        </Form.Item>
        <Form.Item label={t('finance.budget.department')}>
          <Select
            allowClear
            style={{ width: 160 }}
            value={department}
            onChange={(v: string | undefined) => set('department', v)}
            options={options(items.map((b) => b.departmentCode))}
            data-testid="budget-department"
          />
        </Form.Item>
        <Form.Item label={t('finance.budget.category')}>
          <Select
            allowClear
            style={{ width: 160 }}
            value={category}
            onChange={(v: string | undefined) => set('category', v)}
            options={options(items.map((b) => b.categoryCode))}
            data-testid="budget-category"
          />
        </Form.Item>
      </Form>
      <ErrorNotice error={budgets.error} />
      <Row gutter={[12, 12]} data-testid="budget-totals">
        {(
          [
            ['finance.budget.amount', totals.budget],
            ['finance.budget.committed', totals.occupied],
            ['finance.budget.spent', totals.actual],
            ['finance.budget.remaining', totals.available],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(label)}
                value={money(value, currency)}
                valueStyle={negative(value) ? { color: '#cf1322' } : {}}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('finance.budget.chart')}>
        {shown.length === 0 ? (
          <Empty description={t('finance.budget.empty')} />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
            <BudgetChart slices={slices} series={series} testId="budget-chart" />
          </Suspense>
        )}
      </Card>
      <Table<Budget>
        data-testid="budget-table"
        rowKey="id"
        size="middle"
        loading={budgets.loading}
        scroll={{ x: 1100 }}
        pagination={shown.length > 50 ? { pageSize: 50 } : false}
        dataSource={shown}
        rowClassName={() => 'budget-row'}
        locale={{ emptyText: <Empty description={t('finance.budget.empty')} /> }}
        columns={[
          { title: t('finance.budget.department'), dataIndex: 'departmentCode', width: 110 },
          { title: t('finance.budget.category'), dataIndex: 'categoryCode', width: 110 },
          { title: t('finance.budget.period'), dataIndex: 'period', width: 90 },
          { title: t('finance.budget.project'), width: 90, render: (_, b) => b.projectCode ?? '—' },
          {
            title: t('finance.budget.amount'),
            align: 'right',
            width: 130,
            render: (_, b) => (
              <span data-testid="budget-amount">{money(b.amount.amount, b.amount.currency)}</span>
            ),
          },
          {
            title: t('finance.budget.committed'),
            align: 'right',
            width: 120,
            render: (_, b) => money(b.occupied, b.amount.currency),
          },
          {
            title: t('finance.budget.spent'),
            align: 'right',
            width: 120,
            render: (_, b) => money(b.actual, b.amount.currency),
          },
          {
            title: t('finance.budget.remaining'),
            align: 'right',
            width: 130,
            render: (_, b) => (
              <Typography.Text {...(negative(b.available) ? { type: 'danger' as const } : {})}>
                {money(b.available, b.amount.currency)}
              </Typography.Text>
            ),
          },
          {
            title: t('finance.budget.used'),
            width: 150,
            render: (_, b) => {
              const used = addDecimals(b.occupied, b.actual) ?? b.occupied;
              return (
                <Progress
                  size="small"
                  percent={Math.min(100, percentOf(used, b.amount.amount))}
                  status={negative(b.available) ? 'exception' : 'normal'}
                />
              );
            },
          },
          {
            title: t('finance.budget.control'),
            width: 100,
            render: (_, b) => (
              <Tag color={b.control === 'block' ? 'red' : 'gold'}>
                {t(b.control === 'block' ? 'finance.budget.block' : 'finance.budget.warn')}
              </Tag>
            ),
          },
          {
            title: '',
            width: 90,
            fixed: 'right',
            render: (_, b) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => startEdit(b)}
                data-testid="budget-edit"
              >
                {t('finance.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing === undefined ? '' : t('finance.budget.editTitle', { slice: sliceName(editing) })}
        okText={t('finance.save')}
        cancelText={t('finance.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
        okButtonProps={{ 'data-testid': 'budget-save' }}
        destroyOnHidden
        forceRender
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {editing === undefined ? null : (
            <Typography.Text type="secondary">
              {t('finance.budget.editUsed', {
                committed: money(editing.occupied, editing.amount.currency),
                spent: money(editing.actual, editing.amount.currency),
              })}
            </Typography.Text>
          )}
          <ErrorNotice error={saveError} />
          <Form form={form} layout="vertical" data-testid="budget-form">
            <Form.Item
              name="amount"
              label={t('finance.budget.amountIn', { currency: editing?.amount.currency ?? '' })}
            >
              <Input inputMode="decimal" data-testid="budget-amount-input" />
            </Form.Item>
            <Form.Item
              name="control"
              label={t('finance.budget.control')}
              extra={t('finance.budget.controlHint')}
            >
              <Select
                data-testid="budget-control"
                options={[
                  { value: 'warn', label: t('finance.budget.warn') },
                  { value: 'block', label: t('finance.budget.block') },
                ]}
              />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </Space>
  );
}

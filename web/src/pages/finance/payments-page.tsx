import { PayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayLocal } from './shared.tsx';

type Payable = Schemas['PayableDocumentView'];
/** The API answers at most this many in one page; the totals always cover all of them. */
const MOST = 500;

interface PayValues {
  paidOn?: string;
  reference?: string;
}

/** Dates are YYYY-MM-DD strings in the form; the picker sees dayjs. */
const dateItem = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => value?.format('YYYY-MM-DD'),
};

/**
 * Finance: payments to make (待付款) — posted claims and advances not yet paid (GET
 * /api/v1/expense-documents/payable), oldest first, each with the amount to pay out (a claim's total
 * less the advances it offsets) and the payee, the totals in the company's currency; **Record
 * payment** records the payment date and bank reference (POST …/{id}/pay), and the document leaves
 * the list.
 */
export default function PaymentsPage() {
  const { t, money, date, instant } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PayValues>();
  const [paying, setPaying] = useState<Payable | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const list = useRequest('finance-payable', () =>
    unwrap(api.GET('/api/v1/expense-documents/payable', { params: { query: { limit: MOST } } })),
  );
  // supplier bills are paid in payment batches; shown here among the things to pay
  const open = useRequest('finance-payable-bills', () =>
    unwrap(api.GET('/api/v1/payment-batches/payables', { params: { query: { limit: 200 } } })),
  );
  const bills = (open.data?.items ?? []).filter((p) => p.kind === 'supplier_bill');
  const items = list.data?.items ?? [];
  const totals = list.data?.totals ?? [];

  const startPay = (d: Payable) => {
    setError(undefined);
    setPaying(d);
    form.setFieldsValue({ paidOn: todayLocal(), reference: '' });
  };
  const pay = async () => {
    if (paying === undefined) return;
    setError(undefined);
    form.setFields([
      { name: 'paidOn', errors: [] },
      { name: 'reference', errors: [] },
    ]);
    const values = form.getFieldsValue();
    if ((values.paidOn ?? '') === '') {
      form.setFields([{ name: 'paidOn', errors: [t('finance.pay.dateRequired')] }]);
      return;
    }
    const reference = values.reference?.trim() ?? '';
    const request = {
      params: { path: { id: paying.id } },
      body: { paidOn: values.paidOn ?? '', ...(reference === '' ? {} : { reference }) },
    };
    setBusy(true);
    try {
      if (paying.kind === 'claim') await unwrap(api.POST('/api/v1/expense-claims/{id}/pay', request));
      else await unwrap(api.POST('/api/v1/advances/{id}/pay', request));
      void message.success(
        t('finance.pay.done', { number: paying.number, amount: money(paying.payable, paying.currency) }),
      );
      setPaying(undefined);
      list.reload();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) {
        const left = showFieldErrors(form, failure);
        if (left.length > 0 || !(failure instanceof ApiError) || failure.problem?.errors === undefined)
          setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-payments">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('finance.pay.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('finance.reload')} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.pay.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={list.error} />
      <Row gutter={[12, 12]} data-testid="payment-totals">
        {(totals.length === 0 ? [undefined] : totals).map((x) => (
          <Col key={x?.currency ?? 'none'} xs={24} md={12} lg={8}>
            <Card size="small">
              <Statistic
                title={t('finance.pay.total', { count: x?.count ?? 0 })}
                value={x === undefined ? '—' : money(x.payable, x.currency)}
                valueRender={(node) => <span data-testid="payment-total">{node}</span>}
              />
              {x === undefined || x.offset === '0.00' ? null : (
                <Typography.Text type="secondary">
                  {t('finance.pay.offsetNote', {
                    total: money(x.total, x.currency),
                    offset: money(x.offset, x.currency),
                  })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {list.data?.nextCursor == null ? null : (
        <Alert type="info" showIcon message={t('finance.capped', { most: MOST })} />
      )}
      <Table<Payable>
        data-testid="payment-table"
        rowKey="id"
        size="middle"
        loading={list.loading}
        scroll={{ x: 1250 }}
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        dataSource={items}
        rowClassName={() => 'payment-row'}
        locale={{ emptyText: <Empty description={t('finance.pay.empty')} /> }}
        columns={[
          {
            title: t('finance.doc.number'),
            width: 170,
            render: (_, d) => (
              <Space size={4}>
                {d.number}
                {d.kind === 'advance' ? <Tag color="purple">{t('finance.kind.advance')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('finance.doc.title'), dataIndex: 'title', ellipsis: true, width: 200 },
          {
            title: t('finance.pay.payee'),
            width: 150,
            render: (_, d) =>
              d.supplierCode === null
                ? t('finance.pay.employee', { code: d.employeeCode })
                : t('finance.pay.supplier', { code: d.supplierCode }),
          },
          { title: t('finance.doc.department'), dataIndex: 'departmentCode', width: 100 },
          { title: t('finance.doc.date'), width: 120, render: (_, d) => date(d.date) },
          {
            title: t('finance.pay.postedAt'),
            width: 170,
            render: (_, d) => (d.postedAt === null ? '—' : instant(d.postedAt)),
          },
          { title: t('finance.pay.erpVoucher'), width: 130, render: (_, d) => d.erpVoucherNumber ?? '—' },
          {
            title: t('finance.doc.total'),
            align: 'right',
            width: 120,
            render: (_, d) => money(d.total, d.currency),
          },
          {
            title: t('finance.pay.offset'),
            align: 'right',
            width: 110,
            render: (_, d) => (d.offset === '0.00' ? '—' : money(d.offset, d.currency)),
          },
          {
            title: t('finance.pay.payable'),
            align: 'right',
            width: 130,
            render: (_, d) => (
              <Typography.Text strong data-testid="payable">
                {money(d.payable, d.currency)}
              </Typography.Text>
            ),
          },
          {
            title: '',
            width: 130,
            fixed: 'right',
            render: (_, d) => (
              <Button size="small" icon={<PayCircleOutlined />} onClick={() => startPay(d)} data-testid="pay">
                {t('finance.pay.record')}
              </Button>
            ),
          },
        ]}
      />
      {bills.length === 0 ? null : (
        <Card
          size="small"
          title={t('finance.pay.bills', { count: bills.length })}
          data-testid="payment-bills"
        >
          <Typography.Paragraph type="secondary">{t('finance.pay.billsHint')}</Typography.Paragraph>
          <Table<(typeof bills)[number]>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={bills}
            columns={[
              { title: t('finance.doc.number'), dataIndex: 'number', width: 170 },
              { title: t('finance.pay.payee'), render: (_, b) => b.payeeName ?? b.payeeCode },
              {
                title: t('finance.pay.dueOn'),
                width: 130,
                render: (_, b) => (b.dueOn === null ? '—' : date(b.dueOn)),
              },
              {
                title: t('finance.pay.payable'),
                align: 'right',
                width: 140,
                render: (_, b) => money(b.amount, b.currency),
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={paying !== undefined}
        title={
          paying === undefined
            ? ''
            : t('finance.pay.modal', {
                number: paying.number,
                amount: money(paying.payable, paying.currency),
              })
        }
        okText={t('finance.pay.confirm')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        onOk={() => void pay()}
        onCancel={() => setPaying(undefined)}
        okButtonProps={{ 'data-testid': 'pay-confirm' }}
        destroyOnHidden
        forceRender
      >
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" data-testid="pay-form">
          <Form.Item name="paidOn" label={t('finance.pay.paidOn')} {...dateItem}>
            <DatePicker style={{ width: '100%' }} data-testid="pay-date" />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('finance.pay.reference')}
            extra={t('finance.pay.referenceHint')}
          >
            <Input maxLength={60} data-testid="pay-reference" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

import { CloseOutlined, EditOutlined, UploadOutlined, WalletOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client.ts';
import { addDecimals, sumDecimals } from '../../components/expense-decimal.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type Invoice = Schemas['InvoiceView'];
type InvoiceInput = Schemas['InvoiceInput'];
type InvoiceType = InvoiceInput['type'];

/** The invoice types a person types in by hand most often (the API takes every type). */
const TYPED: readonly InvoiceType[] = [
  'digital_special',
  'digital_general',
  'vat_special',
  'vat_general',
  'vat_e_special',
  'vat_e_general',
  'digital_rail',
  'digital_air',
  'taxi_receipt',
  'quota_invoice',
  'other',
];
const MONEY = /^\d{1,17}(\.\d{1,2})?$/;

interface TypedValues {
  type?: InvoiceType;
  number?: string;
  code?: string;
  issuedOn?: string;
  sellerName?: string;
  sellerTaxId?: string;
  amount?: string;
  tax?: string;
  total?: string;
}

const dateItem = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => value?.format('YYYY-MM-DD'),
};

/** VAT by rate from the invoice's lines (数电票 carry them); the header's amount and tax otherwise. */
function vatSplit(inv: Invoice): { rate: string; amount: string; tax: string }[] {
  const lines = inv.details.lines ?? [];
  if (lines.length === 0) return [];
  const byRate = new Map<string, { amount: string[]; tax: string[] }>();
  for (const l of lines) {
    const g = byRate.get(l.taxRate) ?? { amount: [], tax: [] };
    g.amount.push(l.amount);
    g.tax.push(l.tax);
    byRate.set(l.taxRate, g);
  }
  return [...byRate.entries()].map(([rate, g]) => ({
    rate,
    amount: sumDecimals(g.amount),
    tax: sumDecimals(g.tax),
  }));
}

/** "0.13" → "13%", "0.015" → "1.5%" (by moving the point, never through a float); "exempt" in words. */
function rateText(rate: string, exempt: string): string {
  if (rate === 'exempt') return exempt;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (m === null) return rate;
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const whole = `${m[1] ?? '0'}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return `${whole}${rest === '' ? '' : `.${rest}`}%`;
}

/** One invoice as the employee sees it on the line: who issued it, the VAT split, the checks' warnings. */
export function InvoiceCard({
  invoice,
  onRemove,
}: {
  readonly invoice: Invoice;
  readonly onRemove?: () => void;
}) {
  const { t, money, date, pick } = useI18n();
  const split = vatSplit(invoice);
  return (
    <div
      data-testid="invoice-card"
      data-number={invoice.number}
      style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 10px', marginBottom: 6 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
        <Space size={4} wrap>
          <Tag color="blue">{t(`invoice.type.${invoice.type}` as 'invoice.type.other')}</Tag>
          {invoice.source === 'xml' ? <Tag color="green">XML</Tag> : null}
          <Typography.Text strong copyable>
            {invoice.number}
          </Typography.Text>
          <Typography.Text type="secondary">
            {invoice.sellerName} · {date(invoice.issuedOn)}
          </Typography.Text>
        </Space>
        {onRemove === undefined ? null : (
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('invoice.remove')}
            onClick={onRemove}
          />
        )}
      </div>
      <div data-testid="vat-split" style={{ fontSize: 13 }}>
        {t('invoice.split', {
          amount: money(invoice.amount, invoice.currency),
          tax: money(invoice.tax, invoice.currency),
          total: money(invoice.total, invoice.currency),
        })}
        {split.length === 0
          ? null
          : split.map((s) => (
              <Tag key={s.rate} style={{ marginInlineStart: 6 }}>
                {t('invoice.byRate', {
                  rate: rateText(s.rate, t('invoice.exempt')),
                  amount: money(s.amount, invoice.currency),
                  tax: money(s.tax, invoice.currency),
                })}
              </Tag>
            ))}
      </div>
      {invoice.warnings.length === 0 ? (
        <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="invoice-check-ok">
          {t('invoice.checkOk')}
        </Typography.Text>
      ) : (
        invoice.warnings.map((w) => (
          <Alert
            key={`${w.rule}:${w.pointer ?? ''}`}
            type="warning"
            showIcon
            style={{ marginTop: 4, padding: '2px 8px' }}
            message={pick(w)}
            data-testid="invoice-warning"
          />
        ))
      )}
    </div>
  );
}

/**
 * The invoices of one claim line (its `invoiceIds`), added three ways: typed in (POST
 * /api/v1/invoices), a 数电票 XML uploaded (POST /api/v1/invoices/import), or picked from my invoice
 * wallet (my unused invoices). What the API answers on registering — the duplicate check and the VAT
 * split — is shown at once; a duplicate is refused with the server's message and request id.
 */
export function InvoicePicker({
  value,
  onChange,
  buyer,
  currency,
  onAdded,
}: {
  readonly value?: readonly string[];
  readonly onChange?: (ids: string[]) => void;
  readonly buyer: { readonly name: string; readonly taxId: string } | undefined;
  readonly currency: string | undefined;
  readonly onAdded?: (invoice: Invoice) => void;
}) {
  const { t, money, date } = useI18n();
  const { message } = App.useApp();
  const ids = value ?? [];
  const [known, setKnown] = useState<ReadonlyMap<string, Invoice>>(new Map());
  const [error, setError] = useState<unknown>();
  const [typing, setTyping] = useState(false);
  const [walletOpen, setWalletOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [typedForm] = Form.useForm<TypedValues>();
  const missing = ids.filter((id) => !known.has(id));
  // invoices chosen before (a kept draft) are read back once
  const fetched = useRequest(`invoices:${missing.join(',')}`, () =>
    Promise.all(missing.map((id) => unwrap(api.GET('/api/v1/invoices/{id}', { params: { path: { id } } })))),
  );
  const wallet = useRequest(`wallet:${walletOpen ? 'open' : 'closed'}`, () =>
    walletOpen
      ? unwrap(
          api.GET('/api/v1/invoices', { params: { query: { mine: true, status: 'unused', limit: 200 } } }),
        )
      : Promise.resolve(undefined),
  );
  const invoiceOf = (id: string) => known.get(id) ?? fetched.data?.find((i) => i.id === id);

  const add = (invoice: Invoice) => {
    setKnown((m) => new Map(m).set(invoice.id, invoice));
    if (!ids.includes(invoice.id)) onChange?.([...ids, invoice.id]);
    onAdded?.(invoice);
  };
  const fail = (failure: unknown) => {
    if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
  };

  const importXml = async (file: File) => {
    setError(undefined);
    setBusy(true);
    try {
      const xml = await file.text();
      const invoice = await unwrap(
        api.POST('/api/v1/invoices/import', { body: { xml, fileName: file.name } }),
      );
      add(invoice);
      void message.success(t('invoice.imported', { number: invoice.number }));
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const register = async (v: TypedValues) => {
    if (buyer === undefined || currency === undefined) return;
    setError(undefined);
    setBusy(true);
    const body: InvoiceInput = {
      type: v.type ?? 'digital_general',
      number: v.number?.trim() ?? '',
      issuedOn: v.issuedOn ?? '',
      buyerName: buyer.name,
      buyerTaxId: buyer.taxId,
      sellerName: v.sellerName?.trim() ?? '',
      amount: v.amount ?? '',
      tax: v.tax ?? '',
      total: v.total ?? addDecimals(v.amount ?? '', v.tax ?? '') ?? '',
      currency: currency as InvoiceInput['currency'],
      ...(v.code === undefined || v.code === '' ? {} : { code: v.code }),
      ...(v.sellerTaxId === undefined || v.sellerTaxId === '' ? {} : { sellerTaxId: v.sellerTaxId }),
    };
    try {
      const invoice = await unwrap(api.POST('/api/v1/invoices', { body }));
      add(invoice);
      setTyping(false);
      typedForm.resetFields();
    } catch (failure) {
      showFieldErrors(typedForm, failure);
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('newClaim.required') }];
  const moneyRule = [{ required: true, pattern: MONEY, message: t('newClaim.amountFormat') }];
  return (
    <div data-testid="invoice-picker">
      {ids.map((id) => {
        const inv = invoiceOf(id);
        return inv === undefined ? (
          <Tag key={id}>{id}</Tag>
        ) : (
          <InvoiceCard key={id} invoice={inv} onRemove={() => onChange?.(ids.filter((x) => x !== id))} />
        );
      })}
      {fetched.error === undefined ? null : <ErrorNotice error={fetched.error} />}
      {error === undefined || typing ? null : <ErrorNotice error={error} />}
      <Space wrap size={4}>
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setTyping(true)}
          data-testid="invoice-type-in"
        >
          {t('invoice.typeIn')}
        </Button>
        <span data-testid="invoice-xml-upload">
          <Upload
            accept=".xml,text/xml,application/xml"
            showUploadList={false}
            beforeUpload={(file) => {
              void importXml(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              {t('invoice.uploadXml')}
            </Button>
          </Upload>
        </span>
        <Button
          size="small"
          icon={<WalletOutlined />}
          onClick={() => {
            setPicked([]);
            setWalletOpen(true);
          }}
          data-testid="invoice-wallet"
        >
          {t('invoice.wallet')}
        </Button>
      </Space>
      <Modal
        open={typing}
        title={t('invoice.typeIn')}
        onCancel={() => {
          setTyping(false);
          setError(undefined);
        }}
        okText={t('invoice.register')}
        okButtonProps={{ loading: busy, ...{ 'data-testid': 'invoice-register' } }}
        onOk={() => typedForm.submit()}
        destroyOnHidden
        width={640}
      >
        {error === undefined ? null : <ErrorNotice error={error} />}
        <Form<TypedValues>
          form={typedForm}
          layout="vertical"
          initialValues={{ type: 'digital_general' }}
          onFinish={(v) => void register(v)}
          onValuesChange={(changed: TypedValues, all) => {
            if (
              ('amount' in changed || 'tax' in changed) &&
              all.amount !== undefined &&
              all.tax !== undefined
            ) {
              const total = addDecimals(all.amount, all.tax);
              if (total !== undefined) typedForm.setFieldValue('total', total);
            }
          }}
        >
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="type" label={t('invoice.typeLabel')} rules={required}>
                <Select
                  options={TYPED.map((ty) => ({
                    value: ty,
                    label: t(`invoice.type.${ty}` as 'invoice.type.other'),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="issuedOn" label={t('invoice.issuedOn')} rules={required} {...dateItem}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item
                name="number"
                label={t('invoice.number')}
                rules={required}
                extra={t('invoice.numberHint')}
              >
                <Input maxLength={20} data-testid="invoice-number" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item name="code" label={t('invoice.code')} extra={t('invoice.codeHint')}>
                <Input maxLength={12} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item name="sellerName" label={t('invoice.seller')} rules={required}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item name="sellerTaxId" label={t('invoice.sellerTaxId')}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="amount" label={t('invoice.amount')} rules={moneyRule}>
                <Input inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="tax" label={t('invoice.tax')} rules={moneyRule}>
                <Input inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="total" label={t('invoice.total')} rules={moneyRule}>
                <Input inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
      <Modal
        open={walletOpen}
        title={t('invoice.wallet')}
        onCancel={() => setWalletOpen(false)}
        okText={t('invoice.useSelected', { count: picked.length })}
        okButtonProps={{ disabled: picked.length === 0 }}
        onOk={() => {
          for (const inv of wallet.data?.items ?? []) if (picked.includes(inv.id)) add(inv);
          setWalletOpen(false);
        }}
        width={760}
        destroyOnHidden
      >
        {wallet.error === undefined ? null : <ErrorNotice error={wallet.error} />}
        <Table<Invoice>
          data-testid="wallet-table"
          rowKey="id"
          size="small"
          loading={wallet.loading}
          scroll={{ x: 'max-content', y: 360 }}
          pagination={false}
          dataSource={(wallet.data?.items ?? []).filter((i) => !ids.includes(i.id))}
          rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys.map(String)) }}
          columns={[
            { title: t('invoice.number'), dataIndex: 'number' },
            { title: t('invoice.seller'), dataIndex: 'sellerName' },
            { title: t('invoice.issuedOn'), dataIndex: 'issuedOn', render: (d: string) => date(d) },
            { title: t('invoice.tax'), align: 'right', render: (_, i) => money(i.tax, i.currency) },
            { title: t('invoice.total'), align: 'right', render: (_, i) => money(i.total, i.currency) },
          ]}
        />
      </Modal>
    </div>
  );
}

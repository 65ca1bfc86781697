import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from './shared.tsx';

type Company = Schemas['Company'];
type CompanyInput = Schemas['CompanyInput'];
type Currency = Company['baseCurrency'];
type Standard = Company['accountingStandard'];

const CURRENCIES: readonly Currency[] = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'SGD'];
const STANDARDS: readonly Standard[] = ['CAS', 'ASBE-small', 'IFRS'];

interface Values {
  code: string;
  name: string;
  taxId: string;
  baseCurrency: Currency;
  fiscalCalendar: { firstMonth: number; specialPeriods: number };
  accountingStandard: Standard;
  address?: string;
}

/**
 * Administration: companies (tenants), for the installation's operators (platform:admin). Everyone
 * else reads only their own company; operators see every company, register new ones (POST
 * /api/v1/companies) and edit a registration (PATCH, If-Match the version). The API's refusals —
 * a wrong USCC check character, a taken code — appear beside the field they name.
 */
export default function CompaniesPage() {
  const { t, instant } = useI18n();
  const { me } = useMe();
  const companies = useRequest('admin-companies', () => unwrap(api.GET('/api/v1/companies')));
  const [editing, setEditing] = useState<Company | 'new' | undefined>(undefined);
  const [saved, setSaved] = useState<{ company: Company; created: boolean } | undefined>(undefined);
  const standardLabel = (s: Standard) => t(`admin.companies.standard.${s}`);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('admin.companies.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="new-company"
          >
            {t('admin.companies.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.companies.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={companies.error} />
      {saved === undefined ? null : (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSaved(undefined)}
          data-testid="company-saved"
          message={t('admin.companies.saved', { code: saved.company.code, version: saved.company.version })}
          description={
            saved.created ? t('admin.companies.firstUsers', { code: saved.company.code }) : undefined
          }
        />
      )}
      <Table<Company>
        rowKey="id"
        size="middle"
        loading={companies.loading && companies.data === undefined}
        dataSource={companies.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="companies-table"
        columns={[
          {
            title: t('admin.companies.code'),
            dataIndex: 'code',
            render: (code: string, c) => (
              <Space>
                <Typography.Text strong>{code}</Typography.Text>
                {c.id === me.tenantId ? <Tag color="blue">{t('admin.companies.yours')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('admin.companies.name'), dataIndex: 'name' },
          { title: t('admin.companies.taxId'), dataIndex: 'taxId' },
          { title: t('admin.companies.currency'), dataIndex: 'baseCurrency' },
          {
            title: t('admin.companies.standard'),
            dataIndex: 'accountingStandard',
            render: (s: Standard) => standardLabel(s),
          },
          {
            title: t('admin.companies.fiscalYear'),
            key: 'fy',
            render: (_: unknown, c) =>
              t('admin.companies.fiscalYearValue', {
                month: c.fiscalCalendar.firstMonth,
                special: c.fiscalCalendar.specialPeriods,
              }),
          },
          { title: t('admin.companies.version'), dataIndex: 'version' },
          { title: t('admin.updated'), dataIndex: 'updatedAt', render: (at: string) => instant(at) },
          {
            title: t('admin.actions'),
            key: 'edit',
            render: (_: unknown, c) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(c)}
                data-testid={`edit-company-${c.code}`}
              >
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing === undefined ? null : (
        <CompanyForm
          key={editing === 'new' ? 'new' : editing.id}
          company={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(c) => {
            setSaved({ company: c, created: editing === 'new' });
            setEditing(undefined);
            companies.reload();
          }}
        />
      )}
    </Space>
  );
}

function CompanyForm({
  company,
  onClose,
  onSaved,
}: {
  readonly company: Company | undefined;
  readonly onClose: () => void;
  readonly onSaved: (company: Company) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const required = (field: string) => ({ required: true, message: t('admin.required', { field }) });

  const save = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const address = values.address?.trim() ?? '';
      const result =
        company === undefined
          ? await unwrap(
              api.POST('/api/v1/companies', {
                body: {
                  code: values.code.trim(),
                  name: values.name,
                  taxId: values.taxId.trim(),
                  baseCurrency: values.baseCurrency,
                  fiscalCalendar: values.fiscalCalendar,
                  accountingStandard: values.accountingStandard,
                  ...(address === '' ? {} : { address }),
                } satisfies CompanyInput,
              }),
            )
          : await unwrap(
              api.PATCH('/api/v1/companies/{id}', {
                params: { path: { id: company.id }, header: { 'if-match': `"${company.version}"` } },
                body: {
                  name: values.name,
                  taxId: values.taxId.trim(),
                  fiscalCalendar: values.fiscalCalendar,
                  accountingStandard: values.accountingStandard,
                  address: address === '' ? null : address,
                },
              }),
            );
      onSaved(result);
    } catch (failure) {
      showFieldErrors(form, failure); // each of the API's field errors beside its field
      setError(failure); // and the problem with its request id above the form
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      width={520}
      onClose={onClose}
      title={
        company === undefined ? t('admin.companies.new') : t('admin.companies.edit', { code: company.code })
      }
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="company-save">
          {t('admin.save')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorNotice error={error} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          data-testid="company-form"
          initialValues={
            company === undefined
              ? {
                  baseCurrency: 'CNY',
                  accountingStandard: 'CAS',
                  fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
                }
              : { ...company, address: company.address ?? '' }
          }
        >
          <Form.Item
            name="code"
            label={t('admin.companies.code')}
            rules={[required(t('admin.companies.code'))]}
            extra={company === undefined ? t('admin.companies.codeHint') : t('admin.companies.fixed')}
          >
            <Input disabled={company !== undefined} data-testid="company-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('admin.companies.name')}
            rules={[required(t('admin.companies.name'))]}
          >
            <Input data-testid="company-name" />
          </Form.Item>
          <Form.Item
            name="taxId"
            label={t('admin.companies.taxId')}
            rules={[required(t('admin.companies.taxId'))]}
            extra={t('admin.companies.taxIdHint')}
          >
            <Input maxLength={18} data-testid="company-taxId" />
          </Form.Item>
          <Form.Item
            name="baseCurrency"
            label={t('admin.companies.currency')}
            extra={company === undefined ? undefined : t('admin.companies.fixed')}
          >
            <Select
              disabled={company !== undefined}
              options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              data-testid="company-currency"
            />
          </Form.Item>
          <Form.Item name="accountingStandard" label={t('admin.companies.standard')}>
            <Select
              options={STANDARDS.map((s) => ({ value: s, label: t(`admin.companies.standard.${s}`) }))}
              data-testid="company-standard"
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name={['fiscalCalendar', 'firstMonth']} label={t('admin.companies.firstMonth')}>
              <InputNumber min={1} max={12} precision={0} data-testid="company-firstMonth" />
            </Form.Item>
            <Form.Item
              name={['fiscalCalendar', 'specialPeriods']}
              label={t('admin.companies.specialPeriods')}
            >
              <InputNumber min={0} max={4} precision={0} data-testid="company-specialPeriods" />
            </Form.Item>
          </Space>
          <Form.Item name="address" label={t('admin.companies.address')}>
            <Input.TextArea rows={2} data-testid="company-address" />
          </Form.Item>
        </Form>
      </Space>
    </Drawer>
  );
}

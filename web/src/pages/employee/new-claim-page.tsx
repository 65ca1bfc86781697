import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { ExpenseClaimInput } from '../../api/types.ts';
import { dropDraft, loadDraft, saveDraft } from '../../auth/drafts.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { InvoicePicker, type Invoice } from './invoice-picker.tsx';

const DRAFT = 'new-claim';
/** A decimal string with at most two digits after the point, as the API takes money. */
const AMOUNT = /^\d{1,17}(\.\d{1,3})?$/;

interface LineValues {
  categoryCode?: string;
  description?: string;
  occurredOn?: string;
  amount?: string;
  costCenterCode?: string;
  projectCode?: string;
  invoiceIds?: string[];
}
interface ClaimValues {
  title?: string;
  claimedOn?: string;
  departmentCode?: string;
  projectCode?: string;
  lines?: LineValues[];
}

/** Dates are kept as YYYY-MM-DD strings in the form (and so in a kept draft); the picker sees dayjs. */
const dateItem = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => value?.format('YYYY-MM-DD'),
};

/** A code-and-name list as Select options. */
const optionsOf = (items: readonly { code: string; name: string }[] | undefined) =>
  (items ?? []).map((x) => ({ value: x.code, label: `${x.code} ${x.name}` }));

/**
 * Employee: draft a new claim (POST /api/v1/expense-claims): lines with category, cost centre and
 * project, each with its invoices (typed in, a 数电票 XML, or from my invoice wallet — InvoicePicker),
 * the duplicate check and VAT split shown as each invoice is registered. Saved as a draft, it opens
 * in the claim's details, where the checks before submitting, attachments and submit are. What is typed is kept as it is typed
 * (auth/drafts.ts), so a session that ends mid-form loses nothing: after signing in again the form
 * comes back filled in.
 */
export default function NewClaimPage() {
  const { t } = useI18n();
  const { me, user } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ClaimValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const employeeCode = user?.employeeCode ?? undefined;

  const company = useRequest(`company:${me.tenantId}`, () =>
    unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id: me.tenantId } } })),
  );
  const categories = useRequest('categories', () =>
    unwrap(api.GET('/api/v1/expense-categories', { params: { query: { limit: 200 } } })),
  );
  const departments = useRequest('departments', () =>
    unwrap(api.GET('/api/v1/departments', { params: { query: { limit: 200 } } })),
  );
  const costCenters = useRequest('cost-centers', () =>
    unwrap(api.GET('/api/v1/cost-centers', { params: { query: { limit: 200 } } })),
  );
  const projects = useRequest('projects', () =>
    unwrap(api.GET('/api/v1/projects', { params: { query: { limit: 200 } } })),
  );
  const employee = useRequest(`employee:${employeeCode ?? ''}`, async () =>
    employeeCode === undefined
      ? undefined
      : (
          await unwrap(api.GET('/api/v1/employees', { params: { query: { q: employeeCode, limit: 20 } } }))
        ).items.find((e) => e.code === employeeCode),
  );

  useEffect(() => {
    const kept = loadDraft(DRAFT, me.id);
    if (kept !== undefined) form.setFieldsValue(kept as ClaimValues);
  }, [form, me.id]);
  useEffect(() => {
    const department = employee.data?.departmentCode;
    if (department !== undefined && form.getFieldValue('departmentCode') === undefined)
      form.setFieldsValue({ departmentCode: department });
  }, [employee.data, form]);

  if (employeeCode === undefined) return <Alert type="info" showIcon message={t('newClaim.noEmployee')} />;

  const save = async (values: ClaimValues) => {
    const currency = company.data?.baseCurrency;
    if (currency === undefined) return; // the form waits for the company (the button is disabled)
    setBusy(true);
    setError(undefined);
    const body: ExpenseClaimInput = {
      employeeCode,
      departmentCode: values.departmentCode ?? '',
      title: values.title ?? '',
      currency,
      claimedOn: values.claimedOn ?? '',
      ...(values.projectCode === undefined ? {} : { projectCode: values.projectCode }),
      lines: (values.lines ?? []).map((l) => ({
        categoryCode: l.categoryCode ?? '',
        description: l.description ?? '',
        occurredOn: l.occurredOn ?? '',
        amount: l.amount ?? '',
        ...(l.costCenterCode === undefined ? {} : { costCenterCode: l.costCenterCode }),
        ...(l.projectCode === undefined ? {} : { projectCode: l.projectCode }),
        ...(l.invoiceIds === undefined || l.invoiceIds.length === 0 ? {} : { invoiceIds: l.invoiceIds }),
      })),
    };
    try {
      const created = await unwrap(api.POST('/api/v1/expense-claims', { body }));
      dropDraft(DRAFT);
      void message.success(t('newClaim.saved', { number: created.number }));
      await navigate(`/claims/${created.id}`);
    } catch (failure) {
      // a lost session sends the person to sign in; the draft is kept for when they are back
      if (!(failure instanceof ApiError && failure.status === 401)) {
        showFieldErrors(form, failure); // each of the API's field errors beside its field
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('newClaim.required') }];
  const shownError: unknown =
    error ?? company.error ?? categories.error ?? departments.error ?? costCenters.error ?? projects.error;
  const buyer =
    company.data === undefined ? undefined : { name: company.data.name, taxId: company.data.taxId };
  /** An invoice added to a line fills what the line still lacks: its amount (tax included) and date. */
  const filledFrom = (line: number, invoice: Invoice) => {
    const current = form.getFieldValue(['lines', line]) as LineValues | undefined;
    const patch: LineValues = {};
    if ((current?.amount ?? '') === '') patch.amount = invoice.total;
    if ((current?.occurredOn ?? '') === '') patch.occurredOn = invoice.issuedOn;
    if (Object.keys(patch).length > 0) {
      form.setFieldValue(['lines', line], { ...current, ...patch });
      saveDraft(DRAFT, me.id, form.getFieldsValue(true));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3}>{t('newClaim.title')}</Typography.Title>
      {shownError === undefined ? null : <ErrorNotice error={shownError} />}
      <Form<ClaimValues>
        form={form}
        layout="vertical"
        initialValues={{ lines: [{}] }}
        onValuesChange={(_, all) => saveDraft(DRAFT, me.id, all)}
        onFinish={(values) => void save(values)}
        data-testid="new-claim-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('newClaim.subject')} rules={required}>
              <Input maxLength={200} data-testid="claim-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="claimedOn" label={t('newClaim.claimedOn')} rules={required} {...dateItem}>
              <DatePicker style={{ width: '100%' }} data-testid="claim-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="departmentCode" label={t('newClaim.department')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={departments.loading}
                options={(departments.data?.items ?? []).map((d) => ({
                  value: d.code,
                  label: `${d.code} ${d.name}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="projectCode" label={t('claimEditor.project')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                loading={projects.loading}
                options={optionsOf(projects.data?.items)}
                data-testid="claim-project"
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('newClaim.lines')}</Typography.Title>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Card size="small" key={field.key}>
                  <Row gutter={12}>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'categoryCode']}
                        label={t('claim.category')}
                        rules={required}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          loading={categories.loading}
                          options={(categories.data?.items ?? []).map((c) => ({
                            value: c.code,
                            label: `${c.code} ${c.name}`,
                          }))}
                          data-testid="line-category"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'description']}
                        label={t('claim.description')}
                        rules={required}
                      >
                        <Input maxLength={200} data-testid="line-description" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[field.name, 'occurredOn']}
                        label={t('claim.occurredOn')}
                        rules={required}
                        {...dateItem}
                      >
                        <DatePicker style={{ width: '100%' }} data-testid="line-date" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[field.name, 'amount']}
                        label={t('claim.amount')}
                        validateTrigger="onBlur"
                        rules={[{ required: true, pattern: AMOUNT, message: t('newClaim.amountFormat') }]}
                      >
                        <Input inputMode="decimal" placeholder="0.00" data-testid="line-amount" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'costCenterCode']} label={t('claimEditor.costCenter')}>
                        <Select
                          allowClear
                          showSearch
                          optionFilterProp="label"
                          loading={costCenters.loading}
                          options={optionsOf(costCenters.data?.items)}
                          data-testid="line-cost-center"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'projectCode']} label={t('claimEditor.project')}>
                        <Select
                          allowClear
                          showSearch
                          optionFilterProp="label"
                          loading={projects.loading}
                          options={optionsOf(projects.data?.items)}
                          data-testid="line-project"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[field.name, 'invoiceIds']} label={t('claimEditor.invoices')}>
                        <InvoicePicker
                          buyer={buyer}
                          currency={company.data?.baseCurrency}
                          onAdded={(invoice) => filledFrom(field.name, invoice)}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={2} style={{ display: 'flex', alignItems: 'center' }}>
                      {fields.length > 1 ? (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('newClaim.removeLine')}
                          onClick={() => remove(field.name)}
                        />
                      ) : null}
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('newClaim.addLine')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={company.data === undefined}
          style={{ marginTop: 16 }}
          data-testid="save-claim"
        >
          {t('newClaim.save')}
        </Button>
      </Form>
    </Space>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { ExpenseClaimInput } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { listMine } from './documents.ts';
import { AMOUNT, dateItem, optionsOf, useDocumentForm, useSave } from './form-parts.ts';
import { InvoicePicker, type Invoice } from './invoice-picker.tsx';

const DRAFT = 'new-claim';

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
  requestId?: string;
  advanceIds?: string[];
  lines?: LineValues[];
}

/**
 * Employee: draft a new claim (POST /api/v1/expense-claims): lines with category, cost centre and
 * project, each with its invoices (typed in, a 数电票 XML, or from my invoice wallet — InvoicePicker),
 * the duplicate check and VAT split shown as each invoice is registered. Saved as a draft, it opens
 * in the claim's details, where the checks before submitting, attachments and submit are. What is typed is kept as it is typed
 * (auth/drafts.ts), so a session that ends mid-form loses nothing: after signing in again the form
 * comes back filled in.
 */
export default function NewClaimPage() {
  const { t, money } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClaimValues>();
  const { employeeCode, company, categories, departments, projects, keep } = useDocumentForm(form, DRAFT);
  const { busy, error, save } = useSave(form, DRAFT);
  const costCenters = useRequest('cost-centers', () =>
    unwrap(api.GET('/api/v1/cost-centers', { params: { query: { limit: 200 } } })),
  );
  // what a claim can draw on: my approved pre-approval requests, my advances not yet settled
  const requests = useRequest('my-approved-requests', () =>
    listMine('request', { limit: 100, status: 'approved' }),
  );
  const advances = useRequest('my-open-advances', async () => {
    const [posted, paid] = await Promise.all([
      listMine('advance', { limit: 100, status: 'posted' }),
      listMine('advance', { limit: 100, status: 'paid' }),
    ]);
    return [...posted.items, ...paid.items];
  });

  if (employeeCode === undefined) return <Alert type="info" showIcon message={t('newClaim.noEmployee')} />;

  const submit = (values: ClaimValues) => {
    const currency = company.data?.baseCurrency;
    if (currency === undefined) return; // the form waits for the company (the button is disabled)
    const body: ExpenseClaimInput = {
      employeeCode,
      departmentCode: values.departmentCode ?? '',
      title: values.title ?? '',
      currency,
      claimedOn: values.claimedOn ?? '',
      ...(values.projectCode === undefined ? {} : { projectCode: values.projectCode }),
      ...(values.requestId === undefined ? {} : { requestId: values.requestId }),
      ...(values.advanceIds === undefined || values.advanceIds.length === 0
        ? {}
        : { advanceIds: values.advanceIds }),
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
    // a lost session sends the person to sign in; the draft is kept for when they are back
    void save(
      () => unwrap(api.POST('/api/v1/expense-claims', { body })),
      (created) => {
        void message.success(t('newClaim.saved', { number: created.number }));
        return `/claims/${created.id}`;
      },
    );
  };

  const required = [{ required: true, message: t('newClaim.required') }];
  const shownError: unknown =
    error ??
    company.error ??
    categories.error ??
    departments.error ??
    costCenters.error ??
    projects.error ??
    requests.error ??
    advances.error;
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
      keep(form.getFieldsValue(true));
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
        onValuesChange={(_, all) => keep(all)}
        onFinish={submit}
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
                options={optionsOf(departments.data?.items)}
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
          <Col xs={24} md={12}>
            <Form.Item name="requestId" label={t('newClaim.request')} extra={t('newClaim.requestHint')}>
              <Select
                allowClear
                loading={requests.loading}
                data-testid="claim-request"
                options={(requests.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.number} ${r.title} ${money(r.total, r.currency)}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="advanceIds" label={t('newClaim.advances')} extra={t('newClaim.advancesHint')}>
              <Select
                mode="multiple"
                allowClear
                loading={advances.loading}
                data-testid="claim-advances"
                options={(advances.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${a.number} ${a.title} ${money(a.total, a.currency)}`,
                }))}
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
                          options={optionsOf(categories.data?.items)}
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

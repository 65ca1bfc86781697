import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { listMine } from './documents.ts';
import { AMOUNT, dateItem, optionsOf, useDocumentForm, useSave } from './form-parts.ts';

const DRAFT = 'new-advance';

interface AdvanceValues {
  title?: string;
  requestedOn?: string;
  departmentCode?: string;
  amount?: string;
  categoryCode?: string;
  expectedRepaymentOn?: string;
  projectCode?: string;
  requestId?: string;
}

/**
 * Employee: an advance (借款, POST /api/v1/advances) — cash lent ahead of spending, optionally against
 * one of my approved pre-approval requests, with the day I expect to settle it. Once posted and paid,
 * my claims offset it (or I repay what is left).
 */
export default function NewAdvancePage() {
  const { t, money } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdvanceValues>();
  const { employeeCode, company, categories, departments, projects, keep } = useDocumentForm(form, DRAFT);
  const { busy, error, save } = useSave(form, DRAFT);
  const approved = useRequest('my-approved-requests', () =>
    listMine('request', { limit: 100, status: 'approved' }),
  );
  if (employeeCode === undefined) return <Alert type="info" showIcon message={t('newClaim.noEmployee')} />;

  const submit = (values: AdvanceValues) => {
    const currency = company.data?.baseCurrency;
    if (currency === undefined) return;
    const optional = (key: 'categoryCode' | 'expectedRepaymentOn' | 'projectCode' | 'requestId') =>
      values[key] === undefined ? {} : { [key]: values[key] };
    void save(
      () =>
        unwrap(
          api.POST('/api/v1/advances', {
            body: {
              employeeCode,
              departmentCode: values.departmentCode ?? '',
              title: values.title ?? '',
              currency,
              amount: values.amount ?? '',
              requestedOn: values.requestedOn ?? '',
              ...optional('categoryCode'),
              ...optional('expectedRepaymentOn'),
              ...optional('projectCode'),
              ...optional('requestId'),
            },
          }),
        ),
      (saved) => {
        void message.success(t('newClaim.saved', { number: saved.number }));
        return `/claims/${saved.id}?tab=advances`;
      },
    );
  };
  const required = [{ required: true, message: t('newClaim.required') }];
  const shownError: unknown =
    error ?? company.error ?? categories.error ?? departments.error ?? projects.error ?? approved.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3}>{t('newAdvance.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('newAdvance.hint')}</Typography.Paragraph>
      {shownError === undefined ? null : <ErrorNotice error={shownError} />}
      <Form<AdvanceValues>
        form={form}
        layout="vertical"
        onValuesChange={(_, all) => keep(all)}
        onFinish={submit}
        data-testid="new-advance-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('newClaim.subject')} rules={required}>
              <Input maxLength={200} data-testid="advance-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="amount"
              label={t('newAdvance.amount')}
              validateTrigger="onBlur"
              rules={[{ required: true, pattern: AMOUNT, message: t('newClaim.amountFormat') }]}
            >
              <Input inputMode="decimal" placeholder="0.00" data-testid="advance-amount" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="requestedOn" label={t('newRequest.requestedOn')} rules={required} {...dateItem}>
              <DatePicker style={{ width: '100%' }} data-testid="advance-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="departmentCode" label={t('newClaim.department')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={departments.loading}
                options={optionsOf(departments.data?.items)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="categoryCode" label={t('claim.category')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                loading={categories.loading}
                options={optionsOf(categories.data?.items)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="expectedRepaymentOn" label={t('newAdvance.repayBy')} {...dateItem}>
              <DatePicker style={{ width: '100%' }} data-testid="advance-repay-by" />
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
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="requestId" label={t('newAdvance.request')} extra={t('newAdvance.requestHint')}>
              <Select
                allowClear
                loading={approved.loading}
                data-testid="advance-request"
                options={(approved.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.number} ${r.title} ${money(r.total, r.currency)}`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={company.data === undefined}
          data-testid="save-advance"
        >
          {t('newClaim.save')}
        </Button>
      </Form>
    </Space>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AMOUNT, dateItem, optionsOf, useDocumentForm, useSave } from './form-parts.ts';

const DRAFT = 'new-request';

interface RequestValues {
  title?: string;
  requestedOn?: string;
  departmentCode?: string;
  projectCode?: string;
  lines?: {
    categoryCode?: string;
    description?: string;
    occurredOn?: string;
    amount?: string;
    city?: string;
  }[];
}

/**
 * Employee: a pre-approval request (事前申请, POST /api/v1/expense-requests) — the trip or purchase
 * planned, line by line with its category, planned date and amount. Once approved it holds the budget,
 * and claims (and an advance) can draw on it. Saved as a draft, it opens in "my documents", where the
 * checks before submitting and submit are.
 */
export default function NewRequestPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const { employeeCode, company, categories, departments, projects, keep } = useDocumentForm(form, DRAFT);
  const { busy, error, save } = useSave(form, DRAFT);
  if (employeeCode === undefined) return <Alert type="info" showIcon message={t('newClaim.noEmployee')} />;

  const submit = (values: RequestValues) => {
    const currency = company.data?.baseCurrency;
    if (currency === undefined) return;
    void save(
      () =>
        unwrap(
          api.POST('/api/v1/expense-requests', {
            body: {
              employeeCode,
              departmentCode: values.departmentCode ?? '',
              title: values.title ?? '',
              currency,
              requestedOn: values.requestedOn ?? '',
              ...(values.projectCode === undefined ? {} : { projectCode: values.projectCode }),
              lines: (values.lines ?? []).map((l) => ({
                categoryCode: l.categoryCode ?? '',
                description: l.description ?? '',
                occurredOn: l.occurredOn ?? '',
                amount: l.amount ?? '',
                ...(l.city === undefined || l.city === '' ? {} : { city: l.city }),
              })),
            },
          }),
        ),
      (saved) => {
        void message.success(t('newClaim.saved', { number: saved.number }));
        return `/claims/${saved.id}?tab=requests`;
      },
    );
  };
  const required = [{ required: true, message: t('newClaim.required') }];
  const shownError: unknown =
    error ?? company.error ?? categories.error ?? departments.error ?? projects.error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3}>{t('newRequest.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('newRequest.hint')}</Typography.Paragraph>
      {shownError === undefined ? null : <ErrorNotice error={shownError} />}
      <Form<RequestValues>
        form={form}
        layout="vertical"
        initialValues={{ lines: [{}] }}
        onValuesChange={(_, all) => keep(all)}
        onFinish={submit}
        data-testid="new-request-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('newClaim.subject')} rules={required}>
              <Input maxLength={200} data-testid="request-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="requestedOn" label={t('newRequest.requestedOn')} rules={required} {...dateItem}>
              <DatePicker style={{ width: '100%' }} data-testid="request-date" />
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
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('newRequest.lines')}</Typography.Title>
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
                          data-testid="request-line-category"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'description']}
                        label={t('claim.description')}
                        rules={required}
                      >
                        <Input maxLength={200} data-testid="request-line-description" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[field.name, 'occurredOn']}
                        label={t('newRequest.plannedOn')}
                        rules={required}
                        {...dateItem}
                      >
                        <DatePicker style={{ width: '100%' }} data-testid="request-line-date" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[field.name, 'amount']}
                        label={t('claim.amount')}
                        validateTrigger="onBlur"
                        rules={[{ required: true, pattern: AMOUNT, message: t('newClaim.amountFormat') }]}
                      >
                        <Input inputMode="decimal" placeholder="0.00" data-testid="request-line-amount" />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={6}>
                      <Form.Item name={[field.name, 'city']} label={t('newRequest.city')}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2} style={{ display: 'flex', alignItems: 'center' }}>
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
          data-testid="save-request"
        >
          {t('newClaim.save')}
        </Button>
      </Form>
    </Space>
  );
}

import { AuditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

type Json<P extends keyof paths, M extends 'get' | 'post', S extends 200 | 201 = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Plan = Json<'/api/v1/post-audit/plans', 'get'>['items'][number];
type PlanBody = Plan['body'];
type Run = Json<'/api/v1/post-audit/runs', 'get'>['items'][number];
type RunDetail = Json<'/api/v1/post-audit/runs/{id}', 'get'>;
type Sample = RunDetail['samples'][number];
type Finding = Json<'/api/v1/post-audit/findings', 'get'>['items'][number];
type Status = Finding['status'];
type Severity = Finding['severity'];

const STATUS_COLOR: Record<Status, string> = {
  open: 'orange',
  rectification_requested: 'volcano',
  responded: 'blue',
  closed: 'green',
  waived: 'default',
};
const SEVERITY_COLOR: Record<Severity, string> = { low: 'default', medium: 'orange', high: 'red' };
const OPEN: readonly Status[] = ['open', 'rectification_requested', 'responded'];

interface PlanForm {
  name: string;
  description?: string;
  useRandom?: boolean;
  randomCount?: number;
  randomSeed?: string;
  useRisk?: boolean;
  riskMin?: number | null;
  riskTop?: number | null;
  useBand?: boolean;
  bandMin?: string;
  bandMax?: string;
  weekendHoliday?: boolean;
  useSplit?: boolean;
  splitDays?: number;
  splitThreshold?: string;
  useRepeat?: boolean;
  repeatMin?: number;
}

/** The plan body a form describes: the selectors ticked, with what was filled in. */
function bodyOf(v: PlanForm): PlanBody {
  const blank = (s: string | undefined) => s === undefined || s.trim() === '';
  return {
    ...(v.useRandom === true ? { random: { count: v.randomCount ?? 10, seed: v.randomSeed ?? '' } } : {}),
    ...(v.useRisk === true
      ? {
          risk: {
            ...(v.riskMin === undefined || v.riskMin === null ? {} : { minScore: v.riskMin }),
            ...(v.riskTop === undefined || v.riskTop === null ? {} : { top: v.riskTop }),
          },
        }
      : {}),
    ...(v.useBand === true
      ? {
          amountBands: [
            {
              ...(blank(v.bandMin) ? {} : { min: v.bandMin?.trim() }),
              ...(blank(v.bandMax) ? {} : { max: v.bandMax?.trim() }),
            },
          ],
        }
      : {}),
    ...(v.weekendHoliday === true ? { weekendHoliday: true } : {}),
    ...(v.useSplit === true
      ? { splitClaims: { windowDays: v.splitDays ?? 7, threshold: v.splitThreshold ?? '' } }
      : {}),
    ...(v.useRepeat === true ? { repeatMerchants: { minClaims: v.repeatMin ?? 3 } } : {}),
  } as PlanBody;
}

/** One line per selector of a plan, in the reader's language. */
function PlanSummary({ body }: { readonly body: PlanBody }) {
  const { t } = useI18n();
  const parts: string[] = [];
  if (body.random !== undefined)
    parts.push(t('postAudit.plan.randomSummary', { count: body.random.count, seed: body.random.seed }));
  if (body.risk !== undefined)
    parts.push(
      t('postAudit.plan.riskSummary', {
        min: body.risk.minScore ?? '—',
        top: body.risk.top ?? '—',
      }),
    );
  for (const band of body.amountBands ?? [])
    parts.push(t('postAudit.plan.bandSummary', { min: band.min ?? '0', max: band.max ?? '∞' }));
  if (body.weekendHoliday === true) parts.push(t('postAudit.plan.weekendHoliday'));
  if (body.splitClaims !== undefined)
    parts.push(
      t('postAudit.plan.splitSummary', {
        days: body.splitClaims.windowDays,
        threshold: body.splitClaims.threshold,
      }),
    );
  if (body.repeatMerchants !== undefined)
    parts.push(t('postAudit.plan.repeatSummary', { min: body.repeatMerchants.minClaims }));
  return (
    <Space size={[4, 4]} wrap>
      {parts.map((p) => (
        <Tag key={p}>{p}</Tag>
      ))}
    </Space>
  );
}

/**
 * Finance and auditors: post-hoc audit (事后审计, docs/post-audit.md). Sampling plans; running a plan
 * over the posted claims of a date range, with the reasons each claim was picked; recording a finding on
 * a sampled claim; and the findings with their rectification requests, the claimant's responses and
 * their closing. Not the audit log, nor the audit rules checked at submission.
 */
export default function PostAuditPage() {
  const { t, money, instant, locale } = useI18n();
  const { message } = App.useApp();
  // the tab and the run shown live in the URL: a reload (or a shared link) shows the same view
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'runs';
  const runId = params.get('run') ?? undefined;
  const show = (next: { tab?: string; run?: string }) =>
    setParams(
      (old) => {
        const merged = new URLSearchParams(old);
        for (const [k, v] of Object.entries(next)) merged.set(k, v);
        return merged;
      },
      { replace: true },
    );
  const setTab = (next: string) => show({ tab: next });
  const setRunId = (next: string) => show({ run: next });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const plans = useRequest('post-audit-plans', () => unwrap(api.GET('/api/v1/post-audit/plans')));
  const runs = useRequest('post-audit-runs', () =>
    unwrap(api.GET('/api/v1/post-audit/runs', { params: { query: { limit: 50 } } })),
  );
  const run = useRequest(`post-audit-run-${runId ?? ''}`, () =>
    runId === undefined
      ? Promise.resolve(undefined)
      : unwrap(api.GET('/api/v1/post-audit/runs/{id}', { params: { path: { id: runId } } })),
  );
  const [statusFilter, setStatusFilter] = useState<Status | undefined>();
  const findings = useRequest(`post-audit-findings-${statusFilter ?? ''}`, () =>
    unwrap(
      api.GET('/api/v1/post-audit/findings', {
        params: { query: { limit: 200, ...(statusFilter === undefined ? {} : { status: statusFilter }) } },
      }),
    ),
  );

  const [planOpen, setPlanOpen] = useState(false);
  const [planForm] = Form.useForm<PlanForm>();
  const [runForm] = Form.useForm<{ planId: string; from: string; to: string }>();
  const [findingFor, setFindingFor] = useState<Sample>();
  const [findingForm] = Form.useForm<{
    severity: Severity;
    title: string;
    notes?: string;
    pointer?: string;
  }>();
  const [stepFor, setStepFor] = useState<{ finding: Finding; action: 'rectification' | 'close' }>();
  const [stepForm] = Form.useForm<{ text: string; dueOn?: string; outcome?: 'closed' | 'waived' }>();

  const attempt = async (work: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const createPlan = async () => {
    const v = await planForm.validateFields();
    const done = await attempt(async () => {
      await unwrap(
        api.POST('/api/v1/post-audit/plans', {
          body: {
            name: v.name,
            ...(v.description === undefined || v.description === '' ? {} : { description: v.description }),
            body: bodyOf(v),
          },
        }),
      );
    });
    if (done) {
      setPlanOpen(false);
      planForm.resetFields();
      plans.reload();
      void message.success(t('postAudit.plan.created'));
    }
  };

  const runPlan = async () => {
    const v = await runForm.validateFields();
    await attempt(async () => {
      const created = await unwrap(api.POST('/api/v1/post-audit/runs', { body: v }));
      setRunId(created.id);
      runs.reload();
      void message.success(
        t('postAudit.run.done', { sampled: created.sampled, population: created.population }),
      );
    });
  };

  const recordFinding = async () => {
    if (findingFor === undefined || runId === undefined) return;
    const v = await findingForm.validateFields();
    const done = await attempt(async () => {
      await unwrap(
        api.POST('/api/v1/post-audit/findings', {
          body: {
            documentId: findingFor.documentId,
            runId,
            severity: v.severity,
            title: v.title,
            evidence: {
              ...(v.notes === undefined || v.notes === '' ? {} : { notes: v.notes }),
              ...(v.pointer === undefined || v.pointer === ''
                ? {}
                : { fields: [{ pointer: v.pointer, note: v.title }] }),
            },
          },
        }),
      );
    });
    if (done) {
      setFindingFor(undefined);
      findingForm.resetFields();
      run.reload();
      findings.reload();
      void message.success(t('postAudit.finding.recorded'));
    }
  };

  const takeStep = async () => {
    if (stepFor === undefined) return;
    const v = await stepForm.validateFields();
    const id = stepFor.finding.id;
    const done = await attempt(async () => {
      if (stepFor.action === 'rectification')
        await unwrap(
          api.POST('/api/v1/post-audit/findings/{id}/rectification', {
            params: { path: { id } },
            body: { message: v.text, ...(v.dueOn === undefined || v.dueOn === '' ? {} : { dueOn: v.dueOn }) },
          }),
        );
      else
        await unwrap(
          api.POST('/api/v1/post-audit/findings/{id}/close', {
            params: { path: { id } },
            body: { outcome: v.outcome ?? 'closed', note: v.text },
          }),
        );
    });
    if (done) {
      setStepFor(undefined);
      stepForm.resetFields();
      findings.reload();
    }
  };

  const reasonText = (r: Sample['reasons'][number]) => (locale === 'zh-CN' ? r.zh : r.en);

  const runsTab = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form form={runForm} layout="inline" data-testid="post-audit-run-form">
          <Form.Item name="planId" label={t('postAudit.plan')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 240 }}
              data-testid="post-audit-run-plan"
              options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="from" label={t('postAudit.from')} rules={[{ required: true }]}>
            <Input type="date" data-testid="post-audit-run-from" />
          </Form.Item>
          <Form.Item name="to" label={t('postAudit.to')} rules={[{ required: true }]}>
            <Input type="date" data-testid="post-audit-run-to" />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void runPlan()} data-testid="post-audit-run">
            {t('postAudit.run.start')}
          </Button>
        </Form>
      </Card>
      <Table<Run>
        size="small"
        rowKey="id"
        loading={runs.loading}
        dataSource={runs.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="post-audit-runs"
        rowClassName={(r) => (r.id === runId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setRunId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('postAudit.plan'), dataIndex: 'planName' },
          { title: t('postAudit.range'), render: (_: unknown, r: Run) => `${r.from} – ${r.to}` },
          {
            title: t('postAudit.run.sampled'),
            render: (_: unknown, r: Run) => `${r.sampled} / ${r.population}`,
          },
          { title: t('postAudit.run.at'), render: (_: unknown, r: Run) => instant(r.createdAt) },
        ]}
      />
      {run.data === undefined ? null : (
        <Card
          size="small"
          title={t('postAudit.run.samples', {
            plan: run.data.planName,
            from: run.data.from,
            to: run.data.to,
          })}
        >
          <Table<Sample>
            size="small"
            rowKey="documentId"
            dataSource={[...run.data.samples]}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            data-testid="post-audit-samples"
            onRow={(s) => ({ 'data-number': s.number }) as object}
            columns={[
              {
                title: t('postAudit.claim'),
                width: 170,
                render: (_: unknown, s: Sample) => (
                  <Link to={`/finance/lineage?type=expense_claim&id=${s.documentId}`}>{s.number}</Link>
                ),
              },
              { title: t('postAudit.title'), dataIndex: 'title' },
              { title: t('postAudit.employee'), dataIndex: 'employeeCode', width: 90 },
              {
                title: t('postAudit.total'),
                width: 130,
                align: 'right' as const,
                render: (_: unknown, s: Sample) => money(s.total, s.currency),
              },
              { title: t('postAudit.riskScore'), dataIndex: 'riskScore', width: 80 },
              {
                title: t('postAudit.reasons'),
                render: (_: unknown, s: Sample) => (
                  <Space direction="vertical" size={2}>
                    {s.reasons.map((r) => (
                      <Typography.Text key={`${r.code}${r.zh}`} data-reason={r.code}>
                        <Tag color="blue">{t(`postAudit.reason.${r.code}` as MessageKey)}</Tag>
                        {reasonText(r)}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
              {
                title: '',
                width: 130,
                render: (_: unknown, s: Sample) => (
                  <Space>
                    {s.findings > 0 ? (
                      <Tag color="red">{t('postAudit.findingsCount', { n: s.findings })}</Tag>
                    ) : null}
                    <Button
                      size="small"
                      onClick={() => setFindingFor(s)}
                      data-testid="post-audit-add-finding"
                    >
                      {t('postAudit.finding.add')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );

  const findingsTab = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select<Status>
        allowClear
        style={{ width: 220 }}
        placeholder={t('postAudit.status')}
        {...(statusFilter === undefined ? {} : { value: statusFilter })}
        onChange={(v: Status | undefined) => setStatusFilter(v)}
        options={(Object.keys(STATUS_COLOR) as Status[]).map((s) => ({
          value: s,
          label: t(`postAudit.status.${s}` as MessageKey),
        }))}
      />
      <Table<Finding>
        size="small"
        rowKey="id"
        loading={findings.loading}
        dataSource={[...(findings.data?.items ?? [])]}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="post-audit-findings"
        onRow={(f) => ({ 'data-status': f.status }) as object}
        expandable={{
          expandedRowRender: (f: Finding) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={1}>
                {f.evidence.notes === undefined ? null : (
                  <Descriptions.Item label={t('postAudit.evidence.notes')}>
                    {f.evidence.notes}
                  </Descriptions.Item>
                )}
                {(f.evidence.fields ?? []).map((x) => (
                  <Descriptions.Item key={x.pointer} label={x.pointer}>
                    {x.note}
                  </Descriptions.Item>
                ))}
                {(f.evidence.invoiceIds ?? []).length === 0 ? null : (
                  <Descriptions.Item label={t('postAudit.evidence.invoices')}>
                    {(f.evidence.invoiceIds ?? []).join(', ')}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Timeline
                items={f.events.map((e) => ({
                  children: (
                    <span>
                      {instant(e.at)} · {e.actor} · {t(`postAudit.status.${e.toStatus}` as MessageKey)}
                      {e.text === null ? '' : `：${e.text}`}
                    </span>
                  ),
                }))}
              />
            </Space>
          ),
        }}
        columns={[
          {
            title: t('postAudit.claim'),
            width: 170,
            render: (_: unknown, f: Finding) => (
              <Link to={`/finance/lineage?type=expense_claim&id=${f.documentId}`}>{f.documentNumber}</Link>
            ),
          },
          {
            title: t('postAudit.severity'),
            width: 90,
            render: (_: unknown, f: Finding) => (
              <Tag color={SEVERITY_COLOR[f.severity]}>
                {t(`postAudit.severity.${f.severity}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('postAudit.title'), dataIndex: 'title' },
          { title: t('postAudit.claimant'), dataIndex: 'claimantCode', width: 90 },
          {
            title: t('postAudit.status'),
            width: 120,
            render: (_: unknown, f: Finding) => (
              <Tag color={STATUS_COLOR[f.status]} data-testid="post-audit-finding-status">
                {t(`postAudit.status.${f.status}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('postAudit.dueOn'), width: 110, render: (_: unknown, f: Finding) => f.dueOn ?? '—' },
          {
            title: '',
            width: 190,
            render: (_: unknown, f: Finding) =>
              OPEN.includes(f.status) ? (
                <Space>
                  {f.status === 'rectification_requested' ? null : (
                    <Button
                      size="small"
                      onClick={() => setStepFor({ finding: f, action: 'rectification' })}
                      data-testid="post-audit-request"
                    >
                      {t('postAudit.finding.request')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() => setStepFor({ finding: f, action: 'close' })}
                    data-testid="post-audit-close"
                  >
                    {t('postAudit.finding.close')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </Space>
  );

  const plansTab = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<PlusOutlined />} onClick={() => setPlanOpen(true)} data-testid="post-audit-new-plan">
        {t('postAudit.plan.new')}
      </Button>
      <Table<Plan>
        size="small"
        rowKey="id"
        loading={plans.loading}
        dataSource={[...(plans.data?.items ?? [])]}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="post-audit-plans"
        columns={[
          { title: t('postAudit.plan.name'), dataIndex: 'name', width: 220 },
          {
            title: t('postAudit.plan.selectors'),
            render: (_: unknown, p: Plan) => <PlanSummary body={p.body} />,
          },
          {
            title: t('postAudit.plan.createdAt'),
            width: 170,
            render: (_: unknown, p: Plan) => instant(p.createdAt),
          },
        ]}
      />
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-post-audit">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <AuditOutlined /> {t('postAudit.heading')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          aria-label={t('finance.reload')}
          onClick={() => {
            plans.reload();
            runs.reload();
            run.reload();
            findings.reload();
          }}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('postAudit.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={error ?? plans.error ?? runs.error ?? run.error ?? findings.error} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'runs', label: t('postAudit.tab.runs'), children: runsTab },
          { key: 'findings', label: t('postAudit.tab.findings'), children: findingsTab },
          { key: 'plans', label: t('postAudit.tab.plans'), children: plansTab },
        ]}
      />

      <Modal
        open={planOpen}
        title={t('postAudit.plan.new')}
        okText={t('postAudit.plan.create')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        onOk={() => void createPlan()}
        onCancel={() => setPlanOpen(false)}
        width={640}
      >
        <Form form={planForm} layout="vertical" data-testid="post-audit-plan-form">
          <Form.Item name="name" label={t('postAudit.plan.name')} rules={[{ required: true }]}>
            <Input data-testid="post-audit-plan-name" />
          </Form.Item>
          <Form.Item name="description" label={t('postAudit.plan.description')}>
            <Input />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="useRandom" valuePropName="checked">
              <Checkbox data-testid="post-audit-use-random">{t('postAudit.plan.random')}</Checkbox>
            </Form.Item>
            <Form.Item name="randomCount" label={t('postAudit.plan.count')}>
              <InputNumber min={1} max={10000} />
            </Form.Item>
            <Form.Item name="randomSeed" label={t('postAudit.plan.seed')}>
              <Input style={{ width: 140 }} data-testid="post-audit-seed" />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="useRisk" valuePropName="checked">
              <Checkbox>{t('postAudit.plan.risk')}</Checkbox>
            </Form.Item>
            <Form.Item name="riskMin" label={t('postAudit.plan.minScore')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="riskTop" label={t('postAudit.plan.top')}>
              <InputNumber min={1} max={10000} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="useBand" valuePropName="checked">
              <Checkbox data-testid="post-audit-use-band">{t('postAudit.plan.band')}</Checkbox>
            </Form.Item>
            <Form.Item name="bandMin" label={t('postAudit.plan.min')}>
              <Input style={{ width: 120 }} data-testid="post-audit-band-min" />
            </Form.Item>
            <Form.Item name="bandMax" label={t('postAudit.plan.max')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Form.Item name="weekendHoliday" valuePropName="checked">
            <Checkbox data-testid="post-audit-use-weekend">{t('postAudit.plan.weekendHoliday')}</Checkbox>
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="useSplit" valuePropName="checked">
              <Checkbox>{t('postAudit.plan.split')}</Checkbox>
            </Form.Item>
            <Form.Item name="splitDays" label={t('postAudit.plan.windowDays')}>
              <InputNumber min={1} max={90} />
            </Form.Item>
            <Form.Item name="splitThreshold" label={t('postAudit.plan.threshold')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="useRepeat" valuePropName="checked">
              <Checkbox>{t('postAudit.plan.repeat')}</Checkbox>
            </Form.Item>
            <Form.Item name="repeatMin" label={t('postAudit.plan.minClaims')}>
              <InputNumber min={2} max={1000} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>

      <Modal
        open={findingFor !== undefined}
        title={t('postAudit.finding.addTo', { number: findingFor?.number ?? '' })}
        okText={t('postAudit.finding.add')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        onOk={() => void recordFinding()}
        onCancel={() => setFindingFor(undefined)}
      >
        <Form form={findingForm} layout="vertical" initialValues={{ severity: 'medium' }}>
          <Form.Item name="severity" label={t('postAudit.severity')} rules={[{ required: true }]}>
            <Select<Severity>
              options={(['low', 'medium', 'high'] as const).map((s) => ({
                value: s,
                label: t(`postAudit.severity.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('postAudit.title')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="post-audit-finding-title" />
          </Form.Item>
          <Form.Item name="pointer" label={t('postAudit.evidence.field')}>
            <Input placeholder="/lines/0/amount" />
          </Form.Item>
          <Form.Item name="notes" label={t('postAudit.evidence.notes')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={stepFor !== undefined}
        title={
          stepFor?.action === 'rectification' ? t('postAudit.finding.request') : t('postAudit.finding.close')
        }
        okText={t('postAudit.confirm')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        onOk={() => void takeStep()}
        onCancel={() => setStepFor(undefined)}
      >
        <Form form={stepForm} layout="vertical" initialValues={{ outcome: 'closed' }}>
          {stepFor?.action === 'close' ? (
            <Form.Item name="outcome" label={t('postAudit.finding.outcome')}>
              <Select
                options={[
                  { value: 'closed', label: t('postAudit.status.closed') },
                  { value: 'waived', label: t('postAudit.status.waived') },
                ]}
              />
            </Form.Item>
          ) : (
            <Form.Item name="dueOn" label={t('postAudit.dueOn')}>
              <Input type="date" />
            </Form.Item>
          )}
          <Form.Item
            name="text"
            label={
              stepFor?.action === 'rectification'
                ? t('postAudit.finding.message')
                : t('postAudit.finding.note')
            }
            rules={[{ required: true, max: 4000 }]}
          >
            <Input.TextArea rows={3} data-testid="post-audit-step-text" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

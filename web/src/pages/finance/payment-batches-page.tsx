import { BankOutlined, DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Batch = Json<'/api/v1/payment-batches', 'get'>['items'][number];
type BatchDetail = Json<'/api/v1/payment-batches/{id}', 'get'>;
type Line = BatchDetail['lines'][number];
type Payable = Json<'/api/v1/payment-batches/payables', 'get'>['items'][number];

const STATUS_COLOR: Record<Batch['status'], string> = {
  draft: 'default',
  approved: 'blue',
  file_generated: 'geekblue',
  sent: 'orange',
  paid: 'green',
  partly_returned: 'volcano',
  returned: 'red',
  cancelled: 'default',
};
const OPEN: readonly Batch['status'][] = ['draft', 'approved', 'file_generated'];

const base64Of = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

function download(content: string, fileName: string, contentType: string) {
  const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Finance: payment batches (付款批次). Make a batch from the payables (posted claims and advances, and
 * supplier bills the ERP holds, no open batch holds) out of a bank account; someone else approves it (maker–checker); download the
 * bank's file (pain.001 or the bank's batch-transfer CSV); mark it sent (the payment vouchers go to
 * the ERP); then read the bank's result file, or record a returned transfer (退票) by hand, or let
 * matched bank statement lines confirm the transfers.
 */
export default function PaymentBatchesPage() {
  const { t, money, instant } = useI18n();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [account, setAccount] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const [format, setFormat] = useState('pain001');
  const [returning, setReturning] = useState<Line | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const payables = useRequest('payment-payables', () =>
    unwrap(api.GET('/api/v1/payment-batches/payables', { params: { query: { limit: 200 } } })),
  );
  const batches = useRequest('payment-batches', () =>
    unwrap(api.GET('/api/v1/payment-batches', { params: { query: { limit: 100 } } })),
  );
  const accounts = useRequest('payment-accounts', () => unwrap(api.GET('/api/v1/bank-statements/accounts')));
  const layouts = useRequest('payment-layouts', () => unwrap(api.GET('/api/v1/payment-batches/layouts')));
  const detail = useRequest(`payment-batch-${openId ?? ''}`, () =>
    openId === undefined
      ? Promise.resolve(undefined)
      : unwrap(api.GET('/api/v1/payment-batches/{id}', { params: { path: { id: openId } } })),
  );
  const batch = detail.data;
  const reloadAll = () => {
    payables.reload();
    batches.reload();
    detail.reload();
  };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
      void message.success(done);
      reloadAll();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    run(async () => {
      const made = await unwrap(
        api.POST('/api/v1/payment-batches', {
          body: { account: account ?? '', payables: selected },
        }),
      );
      setSelected([]);
      setOpenId(made.id);
    }, t('finance.batches.created'));
  const step = (path: 'approve' | 'send' | 'cancel', id: string) =>
    run(
      () => unwrap(api.POST(`/api/v1/payment-batches/{id}/${path}`, { params: { path: { id } }, body: {} })),
      t(`finance.batches.done.${path}` as MessageKey),
    );
  const file = (id: string) =>
    run(async () => {
      const f = await unwrap(
        api.POST('/api/v1/payment-batches/{id}/file', { params: { path: { id } }, body: { format } }),
      );
      download(f.content, f.fileName, f.contentType);
    }, t('finance.batches.done.file'));
  const upload = (blob: Blob) =>
    void run(async () => {
      const content = await base64Of(blob);
      const summary = await unwrap(
        api.POST('/api/v1/payment-batches/results', {
          body: { content, ...(openId === undefined ? {} : { batchId: openId }) },
        }),
      );
      void message.info(t('finance.batches.resultSummary', { ...summary, batches: summary.batches.length }));
    }, t('finance.batches.done.results'));
  const confirm = () =>
    run(async () => {
      const summary = await unwrap(
        api.POST('/api/v1/payment-batches/confirm-from-bank', {
          body: openId === undefined ? {} : { batchId: openId },
        }),
      );
      void message.info(t('finance.batches.resultSummary', { ...summary, batches: summary.batches.length }));
    }, t('finance.batches.done.confirm'));
  const recordReturn = async () => {
    if (returning === undefined || openId === undefined) return;
    const ok = await run(
      () =>
        unwrap(
          api.POST('/api/v1/payment-batches/{id}/lines/{lineId}/return', {
            params: { path: { id: openId, lineId: returning.id } },
            body: { reason: reason.trim() },
          }),
        ),
      t('finance.batches.done.return'),
    );
    if (ok) setReturning(undefined);
  };

  const selectedTotal = (payables.data?.items ?? [])
    .filter((p) => selected.includes(p.id))
    .reduce((sum, p) => sum + Math.round(Number(p.amount) * 100), 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="payment-batches">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('finance.batches.title')}
        </Typography.Title>
        <Space wrap>
          <Upload
            accept=".xml,.csv,.txt"
            showUploadList={false}
            beforeUpload={(f) => {
              upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="batch-results">
              {t('finance.batches.results')}
            </Button>
          </Upload>
          <Button icon={<BankOutlined />} onClick={() => void confirm()} data-testid="batch-confirm-bank">
            {t('finance.batches.confirmBank')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={reloadAll} aria-label={t('finance.reload')} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.batches.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={error ?? payables.error ?? batches.error} />
      <Card size="small" title={t('finance.batches.payables')}>
        <Table<Payable>
          data-testid="batch-payables"
          rowKey="id"
          size="small"
          loading={payables.loading}
          pagination={false}
          scroll={{ x: 900, y: 320 }}
          dataSource={payables.data?.items ?? []}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          locale={{ emptyText: <Empty description={t('finance.pay.empty')} /> }}
          columns={[
            {
              title: t('finance.doc.number'),
              width: 170,
              render: (_, p) => (
                <Space size={4}>
                  {p.number}
                  {p.kind === 'advance' ? <Tag color="purple">{t('finance.kind.advance')}</Tag> : null}
                  {p.kind === 'supplier_bill' ? (
                    <Tag color="blue" data-testid="payable-supplier-bill">
                      {t('finance.kind.supplierBill')}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            { title: t('finance.doc.title'), dataIndex: 'title', ellipsis: true },
            { title: t('finance.pay.payee'), width: 160, render: (_, p) => p.payeeName ?? p.payeeCode },
            {
              title: t('finance.batches.payeeAccount'),
              width: 190,
              render: (_, p) =>
                p.payeeAccount ?? (
                  <Typography.Text type="danger">{t('finance.batches.noAccount')}</Typography.Text>
                ),
            },
            {
              title: t('finance.pay.payable'),
              align: 'right',
              width: 130,
              render: (_, p) => money(p.amount, p.currency),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            style={{ minWidth: 240 }}
            placeholder={t('finance.batches.account')}
            value={account}
            onChange={setAccount}
            data-testid="batch-account"
            options={(accounts.data?.items ?? []).map((a) => ({
              value: a.code,
              label: `${a.code} · ${a.name} (${a.currency})`,
            }))}
          />
          <Button
            type="primary"
            disabled={selected.length === 0 || account === undefined}
            loading={busy}
            onClick={() => void create()}
            data-testid="batch-create"
          >
            {t('finance.batches.create', {
              count: selected.length,
              amount: money((selectedTotal / 100).toFixed(2), 'CNY'),
            })}
          </Button>
        </Space>
      </Card>
      <Table<Batch>
        data-testid="batch-table"
        rowKey="id"
        size="middle"
        loading={batches.loading}
        pagination={false}
        dataSource={batches.data?.items ?? []}
        onRow={(b) => ({ onClick: () => setOpenId(b.id), style: { cursor: 'pointer' } })}
        rowClassName={() => 'batch-row'}
        locale={{ emptyText: <Empty description={t('finance.batches.none')} /> }}
        columns={[
          { title: t('finance.batches.number'), dataIndex: 'number', width: 170 },
          {
            title: t('finance.batches.status'),
            width: 130,
            render: (_, b) => (
              <Tag color={STATUS_COLOR[b.status]} data-testid="batch-status">
                {t(`finance.batches.status.${b.status}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('finance.batches.account'), dataIndex: 'accountCode', width: 120 },
          { title: t('finance.batches.executeOn'), dataIndex: 'executeOn', width: 120 },
          { title: t('finance.batches.lines'), dataIndex: 'lineCount', width: 90, align: 'right' },
          {
            title: t('finance.doc.total'),
            align: 'right',
            width: 140,
            render: (_, b) => money(b.total, b.currency),
          },
          { title: t('finance.batches.createdAt'), width: 180, render: (_, b) => instant(b.createdAt) },
        ]}
      />
      <Drawer
        open={openId !== undefined}
        onClose={() => setOpenId(undefined)}
        width={980}
        title={batch === undefined ? '' : t('finance.batches.detail', { number: batch.number })}
        data-testid="batch-drawer"
      >
        {batch === undefined ? null : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <ErrorNotice error={error ?? detail.error} />
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('finance.batches.status')}>
                <Tag color={STATUS_COLOR[batch.status]} data-testid="batch-detail-status">
                  {t(`finance.batches.status.${batch.status}` as MessageKey)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.doc.total')}>
                {money(batch.total, batch.currency)}
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.batches.maker')}>{batch.createdBy}</Descriptions.Item>
              <Descriptions.Item label={t('finance.batches.checker')}>
                {batch.approvedBy ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap>
              {batch.status === 'draft' ? (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void step('approve', batch.id)}
                  data-testid="batch-approve"
                >
                  {t('finance.batches.approve')}
                </Button>
              ) : null}
              {batch.status !== 'draft' && batch.status !== 'cancelled' ? (
                <Space.Compact>
                  <Select
                    style={{ width: 260 }}
                    value={format}
                    onChange={setFormat}
                    data-testid="batch-format"
                    options={(layouts.data?.formats ?? []).map((f) => ({ value: f.name, label: f.title }))}
                  />
                  <Button
                    icon={<DownloadOutlined />}
                    loading={busy}
                    onClick={() => void file(batch.id)}
                    data-testid="batch-file"
                  >
                    {t('finance.batches.file')}
                  </Button>
                </Space.Compact>
              ) : null}
              {batch.status === 'file_generated' ? (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void step('send', batch.id)}
                  data-testid="batch-send"
                >
                  {t('finance.batches.send')}
                </Button>
              ) : null}
              {OPEN.includes(batch.status) ? (
                <Button
                  danger
                  loading={busy}
                  onClick={() => void step('cancel', batch.id)}
                  data-testid="batch-cancel"
                >
                  {t('finance.batches.cancel')}
                </Button>
              ) : null}
            </Space>
            <Table<Line>
              data-testid="batch-lines"
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 1000 }}
              dataSource={batch.lines}
              rowClassName={() => 'batch-line'}
              columns={[
                { title: '#', dataIndex: 'seq', width: 50 },
                {
                  title: t('finance.doc.number'),
                  width: 150,
                  render: (_, l) => (
                    <Space size={4}>
                      {l.payableNumber}
                      {l.payableKind === 'supplier_bill' ? (
                        <Tag color="blue">{t('finance.kind.supplierBill')}</Tag>
                      ) : null}
                    </Space>
                  ),
                },
                { title: t('finance.pay.payee'), width: 140, render: (_, l) => l.payeeName ?? l.payeeCode },
                { title: t('finance.batches.payeeAccount'), dataIndex: 'payeeAccount', width: 180 },
                {
                  title: t('finance.pay.payable'),
                  align: 'right',
                  width: 120,
                  render: (_, l) => money(l.amount, l.currency),
                },
                {
                  title: t('finance.batches.status'),
                  width: 110,
                  render: (_, l) => (
                    <Tag data-testid="line-status">{t(`finance.batches.line.${l.status}` as MessageKey)}</Tag>
                  ),
                },
                {
                  title: t('finance.pay.erpVoucher'),
                  width: 120,
                  render: (_, l) => l.erpVoucherNumber ?? '—',
                },
                { title: t('finance.batches.reference'), dataIndex: 'endToEndId', width: 190 },
                {
                  title: '',
                  width: 100,
                  fixed: 'right',
                  render: (_, l) =>
                    l.status === 'sent' || l.status === 'paid' ? (
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          setReason('');
                          setReturning(l);
                        }}
                        data-testid="line-return"
                      >
                        {t('finance.batches.return')}
                      </Button>
                    ) : (
                      (l.returnReason ?? null)
                    ),
                },
              ]}
            />
          </Space>
        )}
      </Drawer>
      <Modal
        open={returning !== undefined}
        title={
          returning === undefined ? '' : t('finance.batches.returnTitle', { number: returning.payableNumber })
        }
        okText={t('finance.batches.return')}
        cancelText={t('finance.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', 'data-testid': 'line-return-confirm' }}
        confirmLoading={busy}
        onOk={() => void recordReturn()}
        onCancel={() => setReturning(undefined)}
        destroyOnHidden
      >
        <Input
          value={reason}
          maxLength={200}
          placeholder={t('finance.batches.returnReason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="line-return-reason"
        />
      </Modal>
    </Space>
  );
}

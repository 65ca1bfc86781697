import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ContainerOutlined,
  ReloadOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
type PackageList = Ok<paths['/api/v1/archive/packages']['get']>;
type Detail = Ok<paths['/api/v1/archive/packages/{id}']['get']>;
type PackageRow = PackageList['items'][number];
type Item = Detail['items'][number];
type Props = NonNullable<Item['verification']>;
type Finding = NonNullable<Detail['lastReport']>['items'][number]['findings'][number];

const PROPERTIES = ['authentic', 'complete', 'usable', 'secure'] as const;

/**
 * Finance: the electronic accounting archive (会计档案, docs/archive.md). The archive packages by
 * period with their last verification's four properties (真实、完整、可用、安全); **Build** for a closed
 * period not yet archived (POST /api/v1/archive/packages); a package's items (档号, claim, voucher,
 * amount, retention) with each property and the files with their SM3; **Verify** (POST …/verify)
 * lists every finding by file.
 */
export default function ArchivePage() {
  const { t, instant } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const selected = params.get('package') ?? undefined;
  const [period, setPeriod] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const packages = useRequest('archive-packages', () => unwrap(api.GET('/api/v1/archive/packages')));
  const periods = useRequest('archive-closed-periods', () => unwrap(api.GET('/api/v1/periods')));
  const detail = useRequest(`archive-package:${selected ?? ''}`, () =>
    selected === undefined
      ? Promise.resolve(undefined)
      : unwrap(api.GET('/api/v1/archive/packages/{id}', { params: { path: { id: selected } } })),
  );
  const archived = new Set((packages.data?.items ?? []).map((p) => p.period));
  const buildable = (periods.data?.items ?? []).map((p) => p.period).filter((p) => !archived.has(p));

  const act = async (work: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const build = () =>
    act(async () => {
      if (period === undefined) return;
      const made = await unwrap(api.POST('/api/v1/archive/packages', { body: { period } }));
      void message.success(t('archive.built', { code: made.code, items: made.itemCount }));
      setPeriod(undefined);
      packages.reload();
      setParams({ package: made.id }, { replace: true });
    });
  const verify = (id: string) =>
    act(async () => {
      const report = await unwrap(
        api.POST('/api/v1/archive/packages/{id}/verify', { params: { path: { id } } }),
      );
      if (report.ok) void message.success(t('archive.verifiedOk', { code: report.code }));
      else void message.error(t('archive.verifiedFailed', { code: report.code }));
      packages.reload();
      if (selected === id) detail.reload();
      else setParams({ package: id }, { replace: true });
    });

  const propertyTags = (p: Props | null | undefined) =>
    p === null || p === undefined ? (
      <Tag>{t('archive.notVerified')}</Tag>
    ) : (
      <Space size={4} wrap>
        {PROPERTIES.map((k) => (
          <Tag
            key={k}
            color={p[k] ? 'green' : 'red'}
            icon={p[k] ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
            data-property={k}
            data-ok={p[k] ? 'true' : 'false'}
          >
            {t(`archive.property.${k}` as MessageKey)}
          </Tag>
        ))}
      </Space>
    );

  const findings: Finding[] = [
    ...(detail.data?.lastReport?.package.findings ?? []),
    ...(detail.data?.lastReport?.items.flatMap((i) => i.findings) ?? []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-archive">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('archive.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={packages.reload} aria-label={t('finance.reload')} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('archive.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Select<string>
          style={{ minWidth: 200 }}
          placeholder={t('archive.choosePeriod')}
          value={period ?? null}
          onChange={setPeriod}
          options={buildable.map((p) => ({ value: p, label: p }))}
          notFoundContent={t('archive.noClosedPeriod')}
          data-testid="archive-period"
        />
        <Button
          type="primary"
          icon={<ContainerOutlined />}
          disabled={period === undefined}
          loading={busy}
          onClick={() => void build()}
          data-testid="archive-build"
        >
          {t('archive.build')}
        </Button>
      </Space>
      <ErrorNotice error={packages.error ?? detail.error ?? error} />
      <Table<PackageRow>
        data-testid="archive-packages"
        rowKey="id"
        size="middle"
        loading={packages.loading}
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={packages.data?.items ?? []}
        onRow={(r) => ({ 'data-period': r.period }) as object}
        columns={[
          {
            title: t('finance.period'),
            render: (_: unknown, r: PackageRow) => (
              <Button type="link" onClick={() => setParams({ package: r.id }, { replace: true })}>
                {r.period}
              </Button>
            ),
          },
          { title: t('archive.code'), dataIndex: 'code' },
          { title: t('archive.items'), dataIndex: 'itemCount', width: 90 },
          { title: t('archive.files'), dataIndex: 'fileCount', width: 90 },
          { title: t('archive.builtAt'), render: (_: unknown, r: PackageRow) => instant(r.builtAt) },
          {
            title: t('archive.lastVerification'),
            render: (_: unknown, r: PackageRow) => (
              <Space direction="vertical" size={2}>
                {propertyTags(r.lastVerification?.properties)}
                {r.lastVerification === null ? null : (
                  <Typography.Text type="secondary">{instant(r.lastVerification.verifiedAt)}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '',
            width: 110,
            render: (_: unknown, r: PackageRow) => (
              <Button
                size="small"
                icon={<SafetyOutlined />}
                loading={busy}
                onClick={() => void verify(r.id)}
                data-testid="archive-verify"
              >
                {t('archive.verify')}
              </Button>
            ),
          },
        ]}
      />
      {detail.data === undefined ? null : (
        <Card
          title={`${detail.data.package.code} · ${detail.data.package.hashAlgorithm.toUpperCase()} ${detail.data.package.manifestHash.slice(0, 16)}…`}
          data-testid="archive-detail"
        >
          {findings.length === 0 ? null : (
            <Space
              direction="vertical"
              style={{ width: '100%', marginBottom: 12 }}
              data-testid="archive-findings"
            >
              {findings.map((f) => (
                <Typography.Text key={`${f.kind}:${f.path}`} type="danger" data-path={f.path}>
                  {t(`archive.property.${f.property}` as MessageKey)} ·{' '}
                  {t(`archive.kind.${f.kind}` as MessageKey)} ·{' '}
                  <Typography.Text code>{f.path}</Typography.Text>
                </Typography.Text>
              ))}
            </Space>
          )}
          <Table<Item>
            data-testid="archive-items"
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={detail.data.items}
            onRow={(r) => ({ 'data-archive-code': r.archiveCode }) as object}
            expandable={{
              expandedRowRender: (r: Item) => (
                <Table
                  rowKey="path"
                  size="small"
                  pagination={false}
                  dataSource={r.files}
                  columns={[
                    { title: t('archive.file'), dataIndex: 'path' },
                    { title: t('archive.format'), dataIndex: 'format', width: 80 },
                    { title: t('archive.size'), dataIndex: 'size', width: 100 },
                    {
                      title: 'SM3',
                      render: (_: unknown, f: Item['files'][number]) => (
                        <Typography.Text code copyable={{ text: f.hash }}>
                          {f.hash.slice(0, 16)}…
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              ),
            }}
            columns={[
              { title: t('archive.archiveCode'), dataIndex: 'archiveCode' },
              { title: t('archive.document'), dataIndex: 'documentNumber' },
              {
                title: t('archive.voucher'),
                render: (_: unknown, r: Item) =>
                  [r.voucherWord, r.voucherNumber].filter((x) => x !== null).join(' '),
              },
              { title: t('archive.amount'), render: (_: unknown, r: Item) => `${r.amount} ${r.currency}` },
              { title: t('archive.retainUntil'), dataIndex: 'retainUntil' },
              {
                title: t('archive.properties'),
                render: (_: unknown, r: Item) => propertyTags(r.verification),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

import { ReloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { ExpenseDocument } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canSee, PAGES } from '../../routes/registry.tsx';
import { StatusTag } from '../employee/status.tsx';
import { PostingError, PostingTrace } from '../integration/posting-trace.tsx';
import { PostingStatusTag } from '../integration/shared.tsx';
import { useScreens } from '../../components/use-screens.ts';

type Posting = Awaited<ReturnType<typeof postingsOf>>[number];
/** Recent claims read at once; older ones are found by number in the search box below. */
const RECENT = 200;

/** A claim's postings: its voucher (one per revision) and its red-letter reversal (`<id>-R`). */
async function postingsOf(claimId: string) {
  const [own, reversal] = await Promise.all(
    [claimId, `${claimId}-R`].map((documentId) =>
      unwrap(api.GET('/api/v1/postings', { params: { query: { documentId, limit: 100 } } })),
    ),
  );
  return [...(own?.items ?? []), ...(reversal?.items ?? [])];
}

/** The postings of one claim, under its row. */
function ClaimPostings({ claim, canTrace }: { readonly claim: ExpenseDocument; readonly canTrace: boolean }) {
  const { t, instant } = useI18n();
  const navigate = useNavigate();
  const postings = useRequest(`finance-claim-postings:${claim.id}`, () => postingsOf(claim.id));
  if (postings.error !== undefined) return <ErrorNotice error={postings.error} />;
  if (postings.data === undefined) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <Table<Posting>
      data-testid="claim-postings"
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={postings.data}
      locale={{ emptyText: t('finance.postings.none') }}
      columns={[
        {
          title: t('finance.postings.kind'),
          render: (_, p) =>
            p.documentId.endsWith('-R') ? (
              <Tag color="red">{t('finance.postings.reversal')}</Tag>
            ) : (
              <Tag>{t('finance.postings.voucher')}</Tag>
            ),
        },
        { title: t('finance.postings.reference'), dataIndex: 'externalReference' },
        { title: t('finance.postings.status'), render: (_, p) => <PostingStatusTag status={p.status} /> },
        {
          title: t('finance.postings.erpNumber'),
          render: (_, p) => <span data-testid="posting-erp-number">{p.erpNumber ?? '—'}</span>,
        },
        { title: t('finance.postings.attempts'), dataIndex: 'attempts' },
        {
          title: t('finance.postings.postedAt'),
          render: (_, p) => (p.postedAt === null ? '—' : instant(p.postedAt)),
        },
        {
          title: t('finance.postings.problem'),
          render: (_, p) => (p.lastError === null ? '—' : <PostingError posting={p} />),
        },
        {
          title: '',
          render: (_, p) => (
            <Space size={4}>
              <Button
                size="small"
                onClick={() => void navigate(`/finance/postings/${p.id}`)}
                data-testid="posting-trace"
              >
                {t('finance.postings.trace')}
              </Button>
              {canTrace ? (
                <Link to={`/integration/postings/${p.id}`} data-testid="posting-integration-link">
                  {t('finance.postings.inIntegration')}
                </Link>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

/**
 * Finance: postings per claim — recent claims that have a voucher posting (GET
 * /api/v1/expense-claims) with the ERP voucher number and the claim's status; a row opens the claim's
 * postings (GET /api/v1/postings?documentId=…, the voucher and its red-letter reversal): status, ERP
 * voucher number, attempts, the ERP's refusal in the reader's language; **Trace** shows the timeline
 * beside the list (/finance/postings/{postingId}), and whoever may open the integration pages gets a
 * link to the same trace there.
 */
export default function PostingsPage() {
  const { t, money, date } = useI18n();
  const { me } = useMe();
  const navigate = useNavigate();
  const { postingId } = useParams();
  const wide = useScreens().md;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const integration = PAGES.find((p) => p.id === 'int-postings');
  const canTrace = integration !== undefined && canSee(integration, me);
  const claims = useRequest('finance-posted-claims', () =>
    unwrap(api.GET('/api/v1/expense-claims', { params: { query: { limit: RECENT } } })),
  );
  const needle = search.trim().toLowerCase();
  const shown = (claims.data?.items ?? [])
    .filter((c) => c.posting !== null)
    .filter(
      (c) =>
        needle === '' ||
        c.number.toLowerCase().includes(needle) ||
        c.title.toLowerCase().includes(needle) ||
        (c.posting?.erpVoucherNumber ?? '').toLowerCase().includes(needle),
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-postings">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('finance.postings.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={claims.reload} aria-label={t('finance.reload')} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('finance.postings.intro')}
      </Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('finance.postings.search')}
        style={{ maxWidth: 360 }}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="postings-search"
      />
      <ErrorNotice error={claims.error} />
      <Table<ExpenseDocument>
        data-testid="posted-claims"
        rowKey="id"
        size="middle"
        loading={claims.loading}
        scroll={{ x: 1000 }}
        pagination={shown.length > 50 ? { pageSize: 50 } : false}
        dataSource={shown}
        rowClassName={() => 'posted-claim-row'}
        locale={{ emptyText: <Empty description={t('finance.postings.noClaims')} /> }}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
          expandRowByClick: true,
          expandedRowRender: (c) => <ClaimPostings claim={c} canTrace={canTrace} />,
        }}
        columns={[
          { title: t('finance.doc.number'), dataIndex: 'number', width: 160 },
          { title: t('finance.doc.title'), dataIndex: 'title', ellipsis: true },
          { title: t('finance.doc.employee'), dataIndex: 'employeeCode', width: 100 },
          { title: t('finance.doc.date'), width: 120, render: (_, c) => date(c.date) },
          {
            title: t('finance.doc.total'),
            align: 'right',
            width: 130,
            render: (_, c) => money(c.total, c.currency),
          },
          { title: t('finance.doc.status'), width: 100, render: (_, c) => <StatusTag status={c.status} /> },
          {
            title: t('finance.postings.erpNumber'),
            width: 150,
            render: (_, c) =>
              c.posting?.erpVoucherNumber ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: t('finance.postings.erpReversal'),
            width: 150,
            render: (_, c) => c.posting?.erpReversalNumber ?? '—',
          },
        ]}
      />
      <Drawer
        open={postingId !== undefined}
        width={wide ? 760 : '100%'}
        title={t('finance.postings.traceTitle')}
        onClose={() => void navigate('/finance/postings')}
        destroyOnHidden
      >
        {postingId === undefined ? null : <PostingTrace id={postingId} />}
      </Drawer>
    </Space>
  );
}

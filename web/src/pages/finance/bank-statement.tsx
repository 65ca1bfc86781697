import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { Account, Entry, Line, Statement } from './bank-types.tsx';
import { todayLocal } from './shared.tsx';

type Outstanding =
  | { readonly kind: 'lines'; readonly block: Statement['bankReceivedNotInBook'] }
  | { readonly kind: 'entries'; readonly block: Statement['bookReceivedNotByBank'] };

/** The month before today's: the usual one to reconcile. */
const lastMonth = (): string => dayjs(todayLocal()).subtract(1, 'month').format('YYYY-MM');

/**
 * The bank reconciliation statement (银行存款余额调节表) of the account for a month: the book balance and
 * the bank balance, each adjusted by the outstanding items (未达账项) of the other side, and whether
 * they then agree; each heading opens to its items.
 */
export function BankStatementView({ account }: { readonly account: Account }) {
  const { t, money, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period') ?? '';
  const period = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : lastMonth();
  const setPeriod = (value: string) =>
    setParams(
      (p) => {
        p.set('period', value);
        return p;
      },
      { replace: true },
    );
  const statement = useRequest(`bank-reconciliation:${account.code}:${period}`, () =>
    unwrap(
      api.GET('/api/v1/bank-statements/reconciliation', {
        params: { query: { account: account.code, period } },
      }),
    ),
  );
  const s = statement.data;
  const m = (amount: string) => money(amount, s?.currency ?? account.currency);

  const row = (label: MessageKey, amount: string, testId: string, strong = false) => (
    <Row justify="space-between" wrap={false} style={{ padding: '6px 0' }} data-testid={testId}>
      <Col flex="auto">{strong ? <Typography.Text strong>{t(label)}</Typography.Text> : t(label)}</Col>
      <Col style={{ textAlign: 'right', paddingInlineStart: 12 }}>
        <Typography.Text strong={strong} data-amount={amount}>
          {m(amount)}
        </Typography.Text>
      </Col>
    </Row>
  );

  const items = (label: MessageKey, o: Outstanding, testId: string) => ({
    key: testId,
    label: (
      <span data-testid={testId}>
        {t(label)} — {t('bank.rec.items', { count: o.block.count })} · {m(o.block.total)}
      </span>
    ),
    ...(o.block.count === 0 ? { collapsible: 'disabled' as const } : {}),
    children:
      o.kind === 'lines' ? (
        <Table<Line>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={o.block.items}
          columns={[
            { title: t('bank.col.date'), render: (_, l) => date(l.bookedOn) },
            { title: t('bank.col.amount'), align: 'right', render: (_, l) => money(l.amount, l.currency) },
            { title: t('bank.col.counterparty'), render: (_, l) => l.counterpartyName ?? '—' },
            { title: t('bank.col.reference'), render: (_, l) => l.reference ?? l.memo ?? '—' },
          ]}
        />
      ) : (
        <Table<Entry>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={o.block.items}
          columns={[
            { title: t('bank.col.date'), render: (_, e) => date(e.date) },
            { title: t('bank.col.amount'), align: 'right', render: (_, e) => money(e.amount, e.currency) },
            { title: t('bank.col.counterparty'), render: (_, e) => e.counterpartyName ?? '—' },
            { title: t('bank.col.reference'), render: (_, e) => e.reference ?? e.description ?? '—' },
          ]}
        />
      ),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="bank-statement">
      <Space wrap>
        <span>{t('bank.rec.period')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${period}-01`)}
          onChange={(d) => setPeriod(d.format('YYYY-MM'))}
          data-testid="bank-rec-period"
        />
      </Space>
      <ErrorNotice error={statement.error} />
      {s === undefined ? null : (
        <>
          <Typography.Title level={4} style={{ margin: 0, textAlign: 'center' }}>
            {t('bank.rec.title')}
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('bank.rec.account')}>
              {`${s.account.name} · ${s.account.accountNumber}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('bank.rec.range')}>
              {`${date(s.from)} – ${date(s.to)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('bank.rec.bankFrom')}>
              {`${s.bank.statementRef ?? '—'} (${date(s.bank.balanceOn)})`}
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={[12, 12]} data-testid="bank-rec-table">
            <Col xs={24} md={12}>
              <Card size="small" title={t('bank.rec.bookSide')}>
                {row('bank.rec.bookBalance', s.book.balance, 'rec-book-balance')}
                {row('bank.rec.bankReceivedNotInBook', s.bankReceivedNotInBook.total, 'rec-plus-bank')}
                {row('bank.rec.bankPaidNotInBook', s.bankPaidNotInBook.total, 'rec-minus-bank')}
                {row('bank.rec.adjusted', s.adjustedBookBalance, 'rec-adjusted-book', true)}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('bank.rec.bankSide')}>
                {row('bank.rec.bankBalance', s.bank.balance, 'rec-bank-balance')}
                {row('bank.rec.bookReceivedNotByBank', s.bookReceivedNotByBank.total, 'rec-plus-book')}
                {row('bank.rec.bookPaidNotByBank', s.bookPaidNotByBank.total, 'rec-minus-book')}
                {row('bank.rec.adjusted', s.adjustedBankBalance, 'rec-adjusted-bank', true)}
              </Card>
            </Col>
          </Row>
          {s.balanced ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              message={t('bank.rec.balanced')}
              data-testid="bank-rec-balanced"
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              icon={<WarningOutlined />}
              message={t('bank.rec.difference', { difference: m(s.difference) })}
              description={t('bank.rec.differenceWhy')}
              data-testid="bank-rec-difference"
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('bank.rec.bookOpening')}>
              {m(s.book.openingBalance)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bank.rec.bookMovement')}>
              <Tag color="green">+{m(s.book.periodIn)}</Tag>
              <Tag color="volcano">−{m(s.book.periodOut)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('bank.rec.bankMovement')}>
              <Tag color="green">+{m(s.bank.periodIn)}</Tag>
              <Tag color="volcano">−{m(s.bank.periodOut)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('bank.rec.outstanding')}
          </Typography.Title>
          <Collapse
            size="small"
            items={[
              items(
                'bank.rec.bankReceivedNotInBook',
                { kind: 'lines', block: s.bankReceivedNotInBook },
                'rec-items-bank-in',
              ),
              items(
                'bank.rec.bankPaidNotInBook',
                { kind: 'lines', block: s.bankPaidNotInBook },
                'rec-items-bank-out',
              ),
              items(
                'bank.rec.bookReceivedNotByBank',
                { kind: 'entries', block: s.bookReceivedNotByBank },
                'rec-items-book-in',
              ),
              items(
                'bank.rec.bookPaidNotByBank',
                { kind: 'entries', block: s.bookPaidNotByBank },
                'rec-items-book-out',
              ),
            ]}
          />
        </>
      )}
    </Space>
  );
}

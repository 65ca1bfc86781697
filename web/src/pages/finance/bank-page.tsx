import { BankOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BankImport } from './bank-import.tsx';
import { BankMatching } from './bank-matching.tsx';
import { BankStatementView } from './bank-statement.tsx';
import { reportable, type Account } from './bank-types.tsx';
import { todayLocal } from './shared.tsx';

interface AccountValues {
  code?: string;
  accountNumber?: string;
  name?: string;
  bankName?: string;
  currency?: string;
  openedOn?: string;
  openingBalance?: string;
  default?: boolean;
}

const dateItem = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => value?.format('YYYY-MM-DD'),
};

const FIELDS = [
  'code',
  'accountNumber',
  'name',
  'bankName',
  'currency',
  'openedOn',
  'openingBalance',
] as const satisfies readonly (keyof AccountValues)[];
type AccountBody = NonNullable<
  paths['/api/v1/bank-statements/accounts']['post']['requestBody']
>['content']['application/json'];

const TABS = ['match', 'import', 'statement'] as const;
type TabKey = (typeof TABS)[number];

/**
 * Finance: bank reconciliation (银行对账, docs/bank.md). Choose one of the company's bank accounts (or
 * register one); **Import** a statement file (camt.053, MT940, a bank's CSV) — all or nothing, every
 * wrong line named; **Match** statement lines to book entries (drag a line onto an entry, or choose
 * entries for a line), run the automatic matching and see each match's score and reasons, unmatch;
 * the **reconciliation statement** (银行存款余额调节表) of a month.
 */
export default function BankPage() {
  const { t, money, date } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<AccountValues>();
  const accounts = useRequest('bank-accounts', () => unwrap(api.GET('/api/v1/bank-statements/accounts')));
  const items = accounts.data?.items ?? [];
  const wanted = params.get('account');
  const account: Account | undefined =
    items.find((a) => a.code === wanted) ?? items.find((a) => a.default) ?? items[0];
  const tab: TabKey = TABS.find((x) => x === params.get('tab')) ?? 'match';
  const setParam = (name: string, value: string) =>
    setParams(
      (p) => {
        p.set(name, value);
        return p;
      },
      { replace: true },
    );

  const startRegister = () => {
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({ currency: 'CNY', openedOn: todayLocal(), openingBalance: '0.00' });
    setRegistering(true);
  };
  const register = async () => {
    setError(undefined);
    const v = form.getFieldsValue();
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    const bankName = v.bankName?.trim() ?? '';
    setBusy(true);
    try {
      const created = await unwrap(
        api.POST('/api/v1/bank-statements/accounts', {
          body: {
            code: v.code?.trim() ?? '',
            accountNumber: v.accountNumber?.trim() ?? '',
            name: v.name?.trim() ?? '',
            // the server checks the code against ISO 4217 and names the field when it is not one
            currency: (v.currency?.trim().toUpperCase() ?? '') as AccountBody['currency'],
            openedOn: v.openedOn ?? '',
            openingBalance: v.openingBalance?.trim() ?? '',
            default: v.default === true,
            ...(bankName === '' ? {} : { bankName }),
          },
        }),
      );
      void message.success(t('bank.account.done', { code: created.code }));
      setRegistering(false);
      setParam('account', created.code);
      accounts.reload();
    } catch (failure) {
      if (!reportable(failure)) return;
      const left = showFieldErrors(form, failure);
      if (left.length > 0 || !(failure instanceof ApiError) || failure.problem?.errors === undefined)
        setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="bank-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('bank.title')}
        </Typography.Title>
        <Space wrap>
          <Select<string>
            data-testid="bank-account"
            style={{ width: 320, maxWidth: 'calc(100vw - 64px)' }}
            value={account?.code ?? null}
            placeholder={t('bank.account.choose')}
            onChange={(code) => setParam('account', code)}
            options={items.map((a) => ({
              value: a.code,
              label: `${a.code} · ${a.name} · ${a.accountNumber} (${a.currency})`,
            }))}
          />
          <Button icon={<PlusOutlined />} onClick={startRegister} data-testid="bank-account-new">
            {t('bank.account.new')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={accounts.reload} aria-label={t('finance.reload')} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('bank.intro')}
      </Typography.Paragraph>
      <ErrorNotice error={accounts.error} />
      {account === undefined ? (
        accounts.loading ? null : (
          <Empty
            image={<BankOutlined style={{ fontSize: 48 }} />}
            description={t('bank.account.none')}
            data-testid="bank-no-account"
          />
        )
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="bank-account-info">
            {t('bank.account.info', {
              bank: account.bankName ?? '—',
              openedOn: date(account.openedOn),
              opening: money(account.openingBalance, account.currency),
            })}
          </Typography.Text>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParam('tab', key)}
            destroyOnHidden
            items={[
              {
                key: 'match',
                label: <span data-testid="bank-tab-match">{t('bank.tab.match')}</span>,
                children: <BankMatching account={account} />,
              },
              {
                key: 'import',
                label: <span data-testid="bank-tab-import">{t('bank.tab.import')}</span>,
                children: <BankImport account={account} onImported={() => setParam('tab', 'match')} />,
              },
              {
                key: 'statement',
                label: <span data-testid="bank-tab-statement">{t('bank.tab.statement')}</span>,
                children: <BankStatementView account={account} />,
              },
            ]}
          />
        </>
      )}
      <Modal
        open={registering}
        title={t('bank.account.new')}
        okText={t('bank.account.register')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        onOk={() => void register()}
        onCancel={() => setRegistering(false)}
        okButtonProps={{ 'data-testid': 'bank-account-save' }}
        destroyOnHidden
        forceRender
      >
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" data-testid="bank-account-form">
          <Form.Item name="code" label={t('bank.account.code')} extra={t('bank.account.codeHint')}>
            <Input maxLength={40} data-testid="bank-account-code" />
          </Form.Item>
          <Form.Item name="accountNumber" label={t('bank.account.number')}>
            <Input maxLength={40} data-testid="bank-account-number" />
          </Form.Item>
          <Form.Item name="name" label={t('bank.account.name')}>
            <Input maxLength={200} data-testid="bank-account-name" />
          </Form.Item>
          <Form.Item name="bankName" label={t('bank.account.bankName')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="currency" label={t('bank.account.currency')}>
            <Input maxLength={3} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="openedOn" label={t('bank.account.openedOn')} {...dateItem}>
            <DatePicker style={{ width: '100%' }} data-testid="bank-account-opened" />
          </Form.Item>
          <Form.Item
            name="openingBalance"
            label={t('bank.account.openingBalance')}
            extra={t('bank.account.openingHint')}
          >
            <Input inputMode="decimal" data-testid="bank-account-opening" />
          </Form.Item>
          <Form.Item name="default" valuePropName="checked">
            <Checkbox>{t('bank.account.default')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

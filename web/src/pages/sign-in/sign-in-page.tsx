import { LockOutlined, LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useAuth } from '../../auth/session.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { LOCALES, useI18n, type Locale } from '../../i18n/i18n.tsx';

/** Only a path of this console: never another origin (`//host`), never a scheme. */
export const safeNext = (next: string | null): string =>
  next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';

interface Credentials {
  readonly username: string;
  readonly password: string;
}

export default function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { session, signIn } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  // the server says whether single sign-on is set up (GET /auth/methods, public)
  const methods = useRequest('sign-in-methods', () => unwrap(api.GET('/auth/methods')));
  const sso = methods.data?.sso ?? null;

  if (session.status === 'signedIn') return <Navigate to={next} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: '#f5f7fa',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('signIn.title')}
            </Typography.Title>
            <Segmented<Locale>
              size="small"
              value={locale}
              options={LOCALES.map((l) => ({ value: l.value, label: l.value.slice(0, 2).toUpperCase() }))}
              onChange={setLocale}
              data-testid="language-switch"
            />
          </div>
          <Typography.Text type="secondary">{t('signIn.subtitle')}</Typography.Text>
          {session.status === 'signedOut' && session.lost ? (
            <Alert type="warning" showIcon message={t('signIn.sessionLost')} data-testid="session-lost" />
          ) : null}
          {error === undefined ? null : <ErrorNotice error={error} />}

          <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('signIn.username')}
              rules={[{ required: true, message: t('signIn.required', { field: t('signIn.username') }) }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('signIn.password')}
              rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in">
              {t('signIn.submit')}
            </Button>
          </Form>
          {sso === null ? null : (
            <>
              <Divider plain style={{ margin: 0 }}>
                {t('signIn.ssoOr')}
              </Divider>
              <Button block icon={<LoginOutlined />} href={sso.loginUrl} data-testid="sso-sign-in">
                {t('signIn.ssoButton')}
              </Button>
            </>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('signIn.demoHint')}
          </Typography.Text>
        </Space>
      </Card>
    </div>
  );
}

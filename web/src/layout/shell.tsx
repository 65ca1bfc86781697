import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Segmented, Space, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useAuth } from '../auth/session.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { MarkLive } from '../components/live.tsx';
import { LOCALES, useI18n, type Locale } from '../i18n/i18n.tsx';
import { AREAS, visiblePages, type Page } from '../routes/registry.tsx';
import { useScreens } from '../components/use-screens.ts';

type MenuItems = NonNullable<MenuProps['items']>;

/** The signed-in frame: side menu (a drawer on narrow screens), header with language and sign-out. */
export function Shell() {
  const { t, locale, setLocale } = useI18n();
  const { me, name } = useMe();
  const { signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = useScreens();
  const wide = screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const pages = visiblePages(me);
  const items: MenuItems = AREAS.flatMap((area): MenuItems => {
    const inArea = pages.filter((p) => p.area === area);
    if (inArea.length === 0) return [];
    const entries = inArea.map((p: Page) => ({
      key: p.path,
      icon: p.icon,
      label:
        p.badge === undefined ? (
          t(p.label)
        ) : (
          <span>
            {t(p.label)}
            <Suspense fallback={null}>
              <p.badge />
            </Suspense>
          </span>
        ),
      'data-page': p.id,
    }));
    return area === 'home'
      ? entries
      : [{ type: 'group' as const, key: area, label: t(`area.${area}`), children: entries }];
  });
  const selected =
    pages
      .map((p) => p.path)
      .filter(
        (path) => path === location.pathname || (path !== '/' && location.pathname.startsWith(`${path}/`)),
      )
      .sort((a, b) => b.length - a.length)[0] ?? location.pathname;
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider theme="light" width={220} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 16 }}>{t('app.name')}</div>
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          width={260}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: wide ? '0 24px' : '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {wide ? null : (
            <Button
              icon={<MenuOutlined />}
              aria-label={t('app.menu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-button"
            />
          )}
          {wide ? null : <Typography.Text strong>{t('app.name')}</Typography.Text>}
          <div style={{ flex: 1 }} />
          <Space size="middle" wrap={false}>
            <Segmented<Locale>
              size="small"
              aria-label={t('app.language')}
              value={locale}
              options={LOCALES.map((l) => ({
                value: l.value,
                label: wide ? l.label : l.value.slice(0, 2).toUpperCase(),
              }))}
              onChange={(value) => setLocale(value)}
              data-testid="language-switch"
            />
            {wide ? (
              <Typography.Text data-testid="user-name">
                <UserOutlined /> {name}
              </Typography.Text>
            ) : null}
            <Button
              icon={<LogoutOutlined />}
              aria-label={t('app.signOut')}
              onClick={() => {
                void signOut().then(() => navigate('/login'));
              }}
              data-testid="sign-out"
            >
              {wide ? t('app.signOut') : null}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<Typography.Text type="secondary">{t('app.loading')}</Typography.Text>}>
              <Outlet />
              <MarkLive />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

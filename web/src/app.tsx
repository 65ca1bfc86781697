import { App as AntApp, ConfigProvider, Result, Button, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import {
  Navigate,
  Outlet,
  useLocation,
  useRouteError,
  Link,
  matchPath,
  type RouteObject,
} from 'react-router';
import { AuthProvider, useAuth, useMe } from './auth/session.tsx';
import { Crashed, ErrorBoundary } from './components/error-boundary.tsx';
import { I18nProvider, useI18n, type Locale } from './i18n/i18n.tsx';
import { Shell } from './layout/shell.tsx';
import SignInPage from './pages/sign-in/sign-in-page.tsx';
import { PAGES, canSee, type Page } from './routes/registry.tsx';

/** Signed-in pages only: anyone else goes to sign-in, which brings them back here afterwards. */
function RequireSession({ children }: { readonly children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (session.status === 'loading') return <Spin fullscreen />;
  if (session.status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.home')}</Button>
        </Link>
      }
    />
  );
}

/** A page the signed-in person may see; for anyone else the page does not exist. */
function Guarded({ page }: { readonly page: Page }) {
  const { me } = useMe();
  if (!canSee(page, me)) return <NotFound />;
  const Component = page.component;
  return <Component />;
}

function RouteError() {
  return <Crashed error={useRouteError()} />;
}

/**
 * The console's routes: the same for the browser’s router (boot.tsx) and for the server's render of
 * an opening page (entry-server.tsx).
 */
export const routes: RouteObject[] = [
  {
    element: (
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <SignInPage /> },
      {
        element: (
          <RequireSession>
            <Shell />
          </RequireSession>
        ),
        children: [
          ...PAGES.flatMap((page) =>
            [page.path, ...(page.morePaths ?? [])].map((path) => ({
              path,
              element: <Guarded page={page} />,
            })),
          ),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

/**
 * The opening page's code, asked for at once, beside the session check, not after it; the first
 * render waits for it (boot.tsx), so the shell and the page render together — and the server's render
 * of the page (entry-server.tsx) is taken over as it is (npm run bench -- console).
 */
export function loadOpeningPage(pathname: string): Promise<unknown> {
  const exact = PAGES.find((page) => matchPath(page.path, pathname) !== null);
  const page =
    exact ?? PAGES.find((page) => (page.morePaths ?? []).some((path) => matchPath(path, pathname) !== null));
  return page?.load().catch(() => undefined) ?? Promise.resolve();
}

function Localized({ children }: { readonly children: ReactNode }) {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <AntApp>
        <ErrorBoundary>{children}</ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

/** The console around its router: language, Ant Design's locale and message holders, the error boundary. */
export function App({ router, locale }: { readonly router: ReactNode; readonly locale?: Locale }) {
  return (
    <I18nProvider {...(locale === undefined ? {} : { initial: locale })}>
      <Localized>{router}</Localized>
    </I18nProvider>
  );
}

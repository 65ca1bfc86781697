import { App as AntApp, ConfigProvider, Result, Button, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import {
  Navigate,
  Outlet,
  createBrowserRouter,
  RouterProvider,
  useLocation,
  useRouteError,
  Link,
  matchPath,
} from 'react-router';
import { AuthProvider, useAuth, useMe } from './auth/session.tsx';
import { Crashed, ErrorBoundary } from './components/error-boundary.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
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
 * The opening page's code is fetched at once, beside the session check, not after it: the claim list
 * then paints in one round trip less (npm run bench -- console).
 */
function preloadOpeningPage(pathname: string): void {
  const exact = PAGES.find((page) => matchPath(page.path, pathname) !== null);
  const page =
    exact ?? PAGES.find((page) => (page.morePaths ?? []).some((path) => matchPath(path, pathname) !== null));
  void page?.load().catch(() => undefined);
}
preloadOpeningPage(window.location.pathname);

const router = createBrowserRouter([
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
]);

function Localized() {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <AntApp>
        <ErrorBoundary>
          <RouterProvider router={router} />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localized />
    </I18nProvider>
  );
}

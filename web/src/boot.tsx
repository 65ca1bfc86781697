import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App, loadOpeningPage, routes } from './app.tsx';
import { currentLocale } from './i18n/i18n.tsx';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
const router = createBrowserRouter(routes);

const app = (
  <StrictMode>
    <App router={<RouterProvider router={router} />} />
  </StrictMode>
);
// the shell and the opening page render together (the page's code is preloaded by index.html when the
// server knows the page: web/src/routes/openings.ts); a slow page is not waited for long. A page the
// server has drawn already (src/api/console.ts, entry-server.tsx) is taken over as it is.
const openingPage = loadOpeningPage(window.location.pathname);
// A page drawn in another language than this browser's (the server knows it from a cookie the console
// sets, absent on a first visit) is drawn again rather than taken over.
const drawn = root.firstElementChild !== null && document.documentElement.lang === currentLocale();
void Promise.race([openingPage, new Promise((resolve) => setTimeout(resolve, 1500))]).then(() => {
  if (drawn) hydrateRoot(root, app);
  else createRoot(root).render(app);
});

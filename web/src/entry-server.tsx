import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { provideOpening, type OpeningAnswer } from './api/opening.ts';
import { App, loadOpeningPage, routes } from './app.tsx';
import type { Locale } from './i18n/i18n.tsx';

/**
 * The server's drawing of an opening page (web/src/routes/openings.ts): the same React tree as the
 * browser's first render, from the same answers the server puts into the page (the session check and
 * the page's first requests), so the page's rows are painted as its HTML arrives and the browser's
 * render then takes the markup over as it is (hydration) instead of drawing it again. Built by
 * `vite build --ssr` into web/dist/server/ and called by src/api/console.ts; a page it cannot draw is
 * left to the browser.
 */
export interface OpeningRender {
  /** Path and query as the browser opened them. */
  readonly url: string;
  readonly locale: Locale;
  readonly answers: Readonly<Record<string, OpeningAnswer>>;
}

const handler = createStaticHandler(routes);

export async function render(opening: OpeningRender): Promise<string> {
  const url = new URL(opening.url, 'http://console.invalid');
  await loadOpeningPage(url.pathname);
  const context = await handler.query(new Request(url));
  if (context instanceof Response)
    throw new Error(`the console's routes answer ${opening.url} with a redirect`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // renderToString draws synchronously: nothing else can take these answers in between
  provideOpening(opening.answers);
  try {
    return renderToString(
      <App
        locale={opening.locale}
        router={<StaticRouterProvider router={router} context={context} hydrate={false} />}
      />,
    );
  } finally {
    provideOpening({});
  }
}

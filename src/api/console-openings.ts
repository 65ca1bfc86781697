import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../platform/http/guard.ts';
import type { App } from '../platform/http/server.ts';

/**
 * The console's opening pages (web/src/routes/openings.ts): what the server adds to index.html when a
 * browser opens one of them, so that its first paint waits for nothing but the page itself.
 *
 * - the page's code, named as module preloads (the build's `openings.json`);
 * - for a signed-in session, the session check and the page's first answers, asked through the API's
 *   own routes (the same checks, limits and logs as from the browser) and put into the page as a JSON
 *   block the console takes instead of asking again;
 * - and, when the build has the server's drawing of the pages (`server/entry-server.js`, from
 *   web/src/entry-server.tsx), the page itself drawn from those answers, which the browser's render
 *   takes over (hydration). Until then the drawn page is `inert`: a click on a control that is not
 *   live yet would be lost, so it is not taken. A page it cannot draw is left to the browser.
 *
 * Measured by `npm run bench -- console` (docs/console.md).
 */
export interface Opening {
  readonly path: string;
  /** The page's JavaScript beyond what index.html loads. */
  readonly preload: readonly string[];
  /** The GET requests (path and query) the page's first render makes. */
  readonly requests: readonly string[];
}

interface OpeningAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** What web/src/entry-server.tsx exports. */
interface ServerDrawing {
  render(opening: {
    url: string;
    locale: 'zh-CN' | 'en-US';
    answers: Readonly<Record<string, OpeningAnswer>>;
  }): Promise<string>;
}

export const OPENINGS_FILE = 'openings.json';
const DRAWING_FILE = join('server', 'entry-server.js');
/** The session check the console makes before anything else. */
const SESSION_CHECK = '/auth/me';
/** The console's language as it tells the server (web/src/i18n/i18n.tsx). */
const LOCALE_COOKIE = 'fb_locale';
const ROOT_ELEMENT = '<div id="root"></div>';

/** The build's openings by path; none when the file is missing or not what the build writes. */
export function parseOpenings(text: string): ReadonlyMap<string, Opening> {
  const strings = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  try {
    const list: unknown = JSON.parse(text);
    if (!Array.isArray(list)) return new Map();
    const valid = list.filter(
      (o): o is Opening =>
        typeof o === 'object' &&
        o !== null &&
        typeof (o as Opening).path === 'string' &&
        strings((o as Opening).preload) &&
        strings((o as Opening).requests),
    );
    return new Map(valid.map((o) => [o.path, o]));
  } catch {
    return new Map();
  }
}

/** JSON inside a <script> element: nothing in it can close the element or open a comment. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The build's drawing of the opening pages, loaded once; undefined when the build has none, it cannot
 * be loaded (said once in the log), or the console was rebuilt since it was loaded: a module cannot be
 * loaded twice (the drawing's parts import it by its path), and a drawing of the old build would not
 * be the new build's page — the browser draws until the server restarts.
 */
function drawingLoader(root: string, log: FastifyBaseLogger) {
  let loaded: { readonly modified: number; readonly drawing: Promise<ServerDrawing | undefined> } | undefined;
  let toldStale = false;
  return async (): Promise<ServerDrawing | undefined> => {
    const file = join(root, DRAWING_FILE);
    const modified = await stat(file).then(
      (info) => info.mtimeMs,
      () => undefined,
    );
    if (modified === undefined) return undefined;
    loaded ??= {
      modified,
      drawing: (import(pathToFileURL(file).href) as Promise<ServerDrawing>).catch((error: unknown) => {
        log.warn({ err: error }, 'console: the server drawing of opening pages cannot be loaded');
        return undefined;
      }),
    };
    if (loaded.modified === modified) return loaded.drawing;
    if (!toldStale)
      log.warn(
        'console: rebuilt since the server started; opening pages are drawn by the browser until a restart',
      );
    toldStale = true;
    return undefined;
  };
}

export interface OpeningPages {
  /** index.html as it is sent for `path`, and whether it carries personal data. */
  page(
    request: FastifyRequest,
    html: string,
    opening: Opening,
  ): Promise<{ readonly html: string; readonly personal: boolean }>;
  /** Loads the drawing of the pages ahead of the first visitor. */
  warm(): Promise<void>;
}

export function openingPages(app: App, root: string): OpeningPages {
  const drawing = drawingLoader(root, app.log);

  /** The answers a signed-in opening page asks for first, successful ones only; none without a session. */
  const answersFor = async (request: FastifyRequest, opening: Opening) => {
    const headers = {
      cookie: request.headers.cookie ?? '',
      ...(request.headers['accept-language'] === undefined
        ? {}
        : { 'accept-language': request.headers['accept-language'] }),
      ...(request.headers['user-agent'] === undefined ? {} : { 'user-agent': request.headers['user-agent'] }),
    };
    const ask = (url: string) => app.inject({ method: 'GET', url, headers, remoteAddress: request.ip });
    const me = await ask(SESSION_CHECK);
    if (me.statusCode !== 200) return undefined;
    const answers: Record<string, OpeningAnswer> = { [SESSION_CHECK]: { status: 200, body: me.json() } };
    for (const [url, answer] of await Promise.all(
      opening.requests.map(async (url) => [url, await ask(url)] as const),
    ))
      if (
        answer.statusCode === 200 &&
        answer.headers['content-type']?.toString().includes('application/json')
      )
        answers[url] = { status: 200, body: answer.json() };
    return answers;
  };

  /** The page drawn by the build's drawing, or undefined (none built, or it failed: the browser draws). */
  const drawn = async (
    request: FastifyRequest,
    opening: Opening,
    locale: 'zh-CN' | 'en-US',
    answers: Readonly<Record<string, OpeningAnswer>>,
  ) => {
    const draw = await drawing();
    if (draw === undefined) return undefined;
    try {
      return await draw.render({ url: opening.path, locale, answers });
    } catch (error) {
      request.log.warn({ err: error, path: opening.path }, 'console: an opening page could not be drawn');
      return undefined;
    }
  };

  return {
    async page(request, html, opening) {
      const preloads = opening.preload
        .map((href) => `<link rel="modulepreload" crossorigin href="${attribute(href)}">`)
        .join('');
      const answers =
        request.cookies[SESSION_COOKIE] === undefined ? undefined : await answersFor(request, opening);
      if (answers === undefined)
        return { html: html.replace('</head>', `${preloads}</head>`), personal: false };
      const data = `<script type="application/json" id="finbridge-opening">${scriptJson({ answers })}</script>`;
      const locale = request.cookies[LOCALE_COOKIE] === 'en-US' ? 'en-US' : 'zh-CN';
      const markup = html.includes(ROOT_ELEMENT) ? await drawn(request, opening, locale, answers) : undefined;
      let page = html.replace('</head>', `${preloads}${data}</head>`);
      if (markup !== undefined)
        page = page
          .replace(ROOT_ELEMENT, `<div id="root" inert>${markup}</div>`)
          .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`);
      return { html: page, personal: true };
    },
    async warm() {
      await drawing();
    },
  };
}

/** index.html and openings.json as last read, again whenever index.html changes (a rebuild). */
export function shellReader(root: string) {
  const index = join(root, 'index.html');
  let shell:
    | { readonly modified: number; readonly html: string; readonly openings: ReadonlyMap<string, Opening> }
    | undefined;
  return async () => {
    const modified = (await stat(index)).mtimeMs;
    if (shell?.modified !== modified) {
      const html = await readFile(index, 'utf8');
      const openings = parseOpenings(await readFile(join(root, OPENINGS_FILE), 'utf8').catch(() => '[]'));
      shell = { modified, html, openings };
    }
    return shell;
  };
}

import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../model/result.ts';
import { openingPages, shellReader } from './console-openings.ts';
import { PUBLIC } from '../platform/http/policy.ts';
import { MAX_PARAM_LENGTH, type App } from '../platform/http/server.ts';

/**
 * The web console (web/, built by Vite into web/dist) served by the API's own server: `/` and every
 * console path answer index.html, `/assets/*` the hashed bundle. A path whose first segment belongs
 * to the API (`/api`, `/auth`, `/oauth`, `/docs`, … — taken from the registered routes, so it never
 * drifts) is never the console's: there an unknown route stays a problem+json 404. When the console
 * has not been built, `/` says how to build it instead of failing.
 */
export interface ConsoleOptions {
  /** The built console (web/dist), an absolute path. */
  readonly root: string;
}

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>FinBridge</title></head>
<body>
<h1>FinBridge</h1>
<p>控制台尚未构建。运行 <code>npm ci</code>（安装时构建）或 <code>npm start</code>（源文件更新时重新构建），也可以单独运行 <code>npm run build:console</code>。</p>
<p>The web console has not been built. Run <code>npm ci</code> (it builds during install) or <code>npm start</code>
(it rebuilds when web/ changed), or <code>npm run build:console</code> on its own.</p>
<p>API: <a href="/docs">/docs</a> · <a href="/openapi.json">/openapi.json</a></p>
</body></html>
`;

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};

/** A relative path inside root, or undefined when it would leave it (`..`, absolute, NUL). */
function inside(root: string, relative: string): string | undefined {
  if (relative.includes('\0')) return undefined;
  const full = normalize(join(root, relative));
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

export async function registerConsoleRoutes(app: App, options: ConsoleOptions): Promise<void> {
  const root = normalize(options.root);
  const index = join(root, 'index.html');
  // first path segments of the API's routes, computed once all routes are registered
  let reserved: ReadonlySet<string> | undefined;
  const apiSegments = (): ReadonlySet<string> =>
    (reserved ??= new Set(
      app.routePolicies
        .map((r) => r.url.split('/')[1] ?? '')
        .filter((s) => s !== '' && s !== 'assets' && !s.includes('*')),
    ));

  const readShell = shellReader(root);
  const openings = openingPages(app, root);
  // the drawing of the opening pages loads once the server is up, not before it listens
  app.addHook('onReady', async () => {
    setImmediate(() => void openings.warm());
  });

  const sendIndex = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
    if (!(await isFile(index)))
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(NOT_BUILT);
    const shell = await readShell();
    // an opening page named by the build, opened without a query (a query changes what the page asks)
    const opening = request.url.includes('?') ? undefined : shell.openings.get(path);
    if (opening === undefined)
      // the shell is tiny and names the hashed bundle: always revalidated, so a rebuild is seen at once
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(shell.html);
    const page = await openings.page(request, shell.html, opening);
    return (
      reply
        // a page with someone's data in it is never kept by a cache, and differs by session
        .header('cache-control', page.personal ? 'no-store' : 'no-cache')
        .header('vary', 'cookie')
        .type('text/html; charset=utf-8')
        .send(page.html)
    );
  };

  const sendAsset = async (
    request: FastifyRequest,
    reply: FastifyReply,
    relative: string,
    immutable: boolean,
  ) => {
    const full = inside(root, relative);
    if (full === undefined || !(await isFile(full)))
      throw new DomainError('route_not_found', {
        method: request.method,
        url: request.url.split('?')[0] ?? '',
      });
    return reply
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .sendFile(full.slice(root.length + 1), root, { cacheControl: false });
  };

  await app.register(async (scope) => {
    // serve: false — the routes below are declared here, each with its access policy
    await scope.register(fastifyStatic, { root, serve: false, suppressWarning: true, index: false });
    const route = { config: { policy: PUBLIC }, schema: { hide: true } };

    scope.get('/', route, async (request, reply) => sendIndex(request, reply, '/'));

    scope.get<{ Params: { '*': string } }>('/assets/*', route, async (request, reply) =>
      sendAsset(request, reply, `assets/${request.params['*']}`, true),
    );

    // the console's own paths (/claims, /claims/:id, …): index.html, and the router takes over
    scope.get<{ Params: { '*': string } }>('/*', route, async (request, reply) => {
      const path = request.params['*'];
      const first = path.split('/')[0] ?? '';
      const notFound = () =>
        new DomainError('route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' });
      if (apiSegments().has(first)) {
        // an API path the router could not match because a value was too long keeps its own answer
        if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH))
          throw new DomainError('path_segment_too_long', { limit: MAX_PARAM_LENGTH });
        throw notFound();
      }
      // a file at the top of the build (favicon.svg, …)
      if (!path.includes('/') && path.includes('.')) return sendAsset(request, reply, path, false);
      const accept = request.headers.accept ?? '';
      if (!accept.includes('text/html')) throw notFound();
      return sendIndex(request, reply, `/${path}`);
    });
  });
}

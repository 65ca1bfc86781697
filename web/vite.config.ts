import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import type * as StyleExtract from '@ant-design/static-style-extract';
import { OPENINGS, OPENINGS_FILE, type BuiltOpening } from './src/routes/openings.ts';

// The console is built into web/dist and served by FinBridge itself at `/`. `npm run dev:console`
// serves it with hot reload and forwards the API to a FinBridge running on 127.0.0.1:8080.
const api = process.env['FINBRIDGE_URL'] ?? 'http://127.0.0.1:8080';

/**
 * react-router 7 exports only its development build (warnings and checks on every render); its
 * production build sits beside it, and the console's build uses that one (about 40 ms of the claim
 * list's first paint on a 2-core machine: npm run bench -- console).
 */
const require = createRequire(import.meta.url);
const reactRouterProduction = require
  .resolve('react-router')
  .replace(/[/\\]development[/\\]index\.m?js$/, '/production/index.mjs');

/**
 * Ant Design's styles, extracted at build time into one stylesheet the page links in its head. antd
 * writes each component's CSS in the browser on first render (CSS-in-JS); the stylesheet carries a
 * map of what it holds, and antd skips writing what it finds there. That is about a third of the
 * claim list's main-thread time before its first paint on a 2-core machine (npm run bench -- console).
 * Styles the file lacks (a theme or component it did not render) are still written at run time.
 */
function antdStylesheet(): Plugin {
  let href = '';
  return {
    name: 'finbridge-antd-stylesheet',
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild !== true,
    buildStart() {
      // the production hash of antd's class names, as the console's build has them
      process.env['NODE_ENV'] = 'production';
      const extractor = require('@ant-design/static-style-extract') as typeof StyleExtract;
      const css = extractor.extractStyle();
      const fileName = `assets/antd-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
      href = `/${fileName}`;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'link', attrs: { rel: 'stylesheet', href }, injectTo: 'head' }],
    },
  };
}

/**
 * index.html names the console's code (src/boot.tsx and what it imports) as module preloads: the tiny
 * entry (src/main.tsx) imports it only after the first paint of a page the server drew, and it must be
 * on its way long before that.
 *
 * openings.json: for each opening page of src/routes/openings.ts, the files its code needs beyond what
 * index.html already loads (the page's chunk and the chunks it imports), so that the server can name
 * them as module preloads when a browser opens that page. A page the build cannot find fails it.
 */
function consoleOpenings(): Plugin {
  return {
    name: 'finbridge-console-openings',
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild !== true,
    // after Vite's own plugins: index.html is in the bundle by then
    enforce: 'post',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      const chunks = Object.values(bundle).filter(
        (file): file is Rollup.OutputChunk => file.type === 'chunk',
      );
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (start: readonly string[], into = new Set<string>()): Set<string> => {
        for (const name of start) {
          if (into.has(name)) continue;
          into.add(name);
          closure(byName.get(name)?.imports ?? [], into);
        }
        return into;
      };
      const chunkOf = (module: string) =>
        chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(`/web/src/${module}`));
      const entry = closure(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
      const boot = chunkOf('boot.tsx');
      const html = bundle['index.html'] as Rollup.OutputAsset | Rollup.OutputChunk | undefined;
      if (boot === undefined || html?.type !== 'asset')
        throw new Error('openings: no boot chunk or index.html');
      const consoleFiles = [...closure([boot.fileName])].filter((name) => !entry.has(name));
      html.source = String(html.source).replace(
        '</head>',
        `${consoleFiles.map((name) => `  <link rel="modulepreload" crossorigin href="/${name}">\n`).join('')}  </head>`,
      );
      const loaded = new Set([...entry, ...consoleFiles]);
      const built: BuiltOpening[] = OPENINGS.map((opening) => {
        const page = chunkOf(opening.module);
        if (page === undefined) throw new Error(`openings: no chunk for ${opening.module} (${opening.path})`);
        const files = [...closure([page.fileName])].filter((name) => !loaded.has(name));
        return { path: opening.path, preload: files.map((name) => `/${name}`), requests: opening.requests };
      });
      this.emitFile({
        type: 'asset',
        fileName: OPENINGS_FILE,
        source: `${JSON.stringify(built, null, 2)}\n`,
      });
    },
  };
}

/**
 * `vite build --ssr src/entry-server.tsx` (scripts/build-console.ts) builds the server's drawing of
 * the opening pages into dist/server/, every package inside it (the server imports nothing from web/'s
 * packages at run time), in production mode as the browser's bundle is, so that antd's class names
 * and React's markup are the browser's own.
 */
const serverBuild = {
  ssr: { noExternal: true as const, target: 'node' as const },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

export default defineConfig(({ command, isSsrBuild }) => ({
  ...(isSsrBuild === true ? serverBuild : {}),
  plugins: [react(), antdStylesheet(), consoleOpenings()],
  base: '/',
  resolve: {
    alias:
      command === 'build' && reactRouterProduction.endsWith('/production/index.mjs')
        ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
        : [],
  },
  build: {
    outDir: isSsrBuild === true ? 'dist/server' : 'dist',
    emptyOutDir: true,
    // nothing inlined as data: URLs or inline scripts: the server's CSP allows 'self' only
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/auth', '/oauth', '/openapi.json', '/standards', '/schemas'].map((p) => [p, api]),
    ),
  },
}));

import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import type * as StyleExtract from '@ant-design/static-style-extract';

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
    apply: 'build',
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

export default defineConfig(({ command }) => ({
  plugins: [react(), antdStylesheet()],
  base: '/',
  resolve: {
    alias:
      command === 'build' && reactRouterProduction.endsWith('/production/index.mjs')
        ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
        : [],
  },
  build: {
    outDir: 'dist',
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

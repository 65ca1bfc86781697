import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into web/dist and served by FinBridge itself at `/`. `npm run dev:console`
// serves it with hot reload and forwards the API to a FinBridge running on 127.0.0.1:8080.
const api = process.env['FINBRIDGE_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
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
});

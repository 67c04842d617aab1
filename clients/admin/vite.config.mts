import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is served by the gateway under /admin/ (gateway/adminApp.ts) and talks to /graphql on
// the same origin. `npx vite --config clients/admin/vite.config.ts` gives a dev server proxying to `npm start`.
const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  // Vite 8 transforms TSX with Oxc; no React plugin needed for a production build.
  oxc: { jsx: { runtime: 'automatic' } },
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});

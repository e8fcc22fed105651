// The pages: built into dist/web, which the API serves on its own port (see apps/api/src/api.module.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: true },
  oxc: { jsx: { runtime: 'automatic' } },
  // `vite dev` (npm run dev:web) proxies the API of a running `npm start`.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

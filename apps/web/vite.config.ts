// The pages: built into dist/web, which the API serves on its own port (see apps/api/src/api.module.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // react-router ships a "use client" directive, meaningless in a client-only bundle.
      onwarn(warning, defaultHandler) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        defaultHandler(warning);
      },
      // The libraries in their own chunks (cached across releases), each under the 500 kB warning limit.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
            { name: 'nl-design-system', test: /node_modules[\\/]@utrecht[\\/]/, priority: 2 },
            // recharts and what it brings, only for the reports page.
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|internmap|tiny-invariant)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // `vite dev` (npm run dev:web) proxies the API of a running `npm start`.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

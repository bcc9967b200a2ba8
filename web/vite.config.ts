// Vite build/dev configuration for the ordo web shell.
// - build: emits the SPA into web/dist with assets referenced from "/".
// - dev:   serves the SPA and proxies /api to a locally running ordo server.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});

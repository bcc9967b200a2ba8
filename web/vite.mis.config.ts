// Vite build/dev configuration for the MIS web UI (mis.html, src/mis/), served by ordo-mis.
// - build: emits the SPA into web/dist-mis (mis.html, assets under /assets/), which
//   src/mis/web/CMakeLists.txt embeds into ordo-mis.
// - dev:   `npx vite --config vite.mis.config.ts`, /api proxied to a local ordo-mis.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist-mis',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: 'mis.html' },
  },
  server: {
    open: '/mis.html',
    proxy: {
      '/api': { target: 'http://127.0.0.1:8090', changeOrigin: false },
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The health-authority console, served by the server at /console/ (apps/server/src/web) beside its
// API at /console/api/. `npm run dev -w @bluezone/console` proxies the API to a local `bluezone server`.
export default defineConfig({
  base: '/console/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [react()],
  server: {
    proxy: {
      '/console/api': 'http://127.0.0.1:8080',
      '/v1': 'http://127.0.0.1:8080',
    },
  },
});

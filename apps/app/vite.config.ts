import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The citizen app, served by the server at /app/ (apps/server/src/web). Offline: every built file
// is precached by the service worker; the API (sync, upload, the demo air) always goes to the network.
export default defineConfig({
  base: '/app/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // The sync worker (src/runtime/sync-worker.ts) is a module worker sharing the app's chunks.
  worker: { format: 'es' },
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      includeAssets: ['icon.svg', 'icon-maskable.svg'],
      manifest: {
        id: '/app/',
        name: 'Bluezone – Bảo vệ mình, bảo vệ cộng đồng',
        short_name: 'Bluezone',
        description:
          'Cảnh báo khi bạn đã ở gần người mắc COVID-19, không thu thập danh tính hay vị trí. / Warns you when you were near someone with COVID-19, without collecting who you are or where you go.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/app/',
        scope: '/app/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-maskable.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
        ],
        // @ts-expect-error translations (W3C manifest incubation) are not in the plugin's types
        translations: {
          en: {
            name: 'Bluezone – Protect yourself, protect your community',
            short_name: 'Bluezone',
            description:
              'Warns you when you were near someone with COVID-19, without collecting who you are or where you go.',
          },
        },
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/app/index.html',
        navigateFallbackAllowlist: [/^\/app\//],
        navigateFallbackDenylist: [/^\/app\/config\.json/],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        runtimeCaching: [
          // The deployment's configuration: fresh when online, the last copy when offline.
          {
            urlPattern: /\/app\/config\.json$/,
            handler: 'NetworkFirst',
            options: { cacheName: 'app-config' },
          },
        ],
      },
    }),
  ],
});

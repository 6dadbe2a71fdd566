import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` proxies the API to a `planscore serve` on 8080; `npm run build` writes
// dist/, which `planscore serve --web-root web/dist` serves.
export default defineConfig({
  plugins: [vue()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        // Libraries change less often than pages: their own chunks stay cached.
        manualChunks: {
          vue: ['vue', 'vue-router', 'vue-i18n'],
          charts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // Mounting Element Plus tables in jsdom takes seconds on a loaded shared machine; the
    // default 5 s failed page tests there that pass in under one on an idle one.
    testTimeout: 20_000,
  },
})

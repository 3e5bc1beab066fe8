import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development Vite serves the SPA with hot reload and forwards API calls to the real server.
const serverUrl = process.env.PD_DESK_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': { target: serverUrl, changeOrigin: false }, '/files': serverUrl, '/healthz': serverUrl },
  },
  build: { sourcemap: false, chunkSizeWarningLimit: 1500 },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    css: false,
    // A page test renders the whole route in jsdom: on two busy cores that takes seconds, not milliseconds.
    testTimeout: 20_000,
  },
});

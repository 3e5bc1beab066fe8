import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    setupFiles: ['src/test/audit-key.setup.ts'],
    // Two cores: more workers only make each PGlite (WASM, CPU-bound) slower.
    maxWorkers: 2,
    // A fresh PGlite takes 1–2 s (more under load) in beforeAll; CLI tests start child processes.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // The template takes one initdb (~10 s on this hardware) before any test runs.
    teardownTimeout: 30_000,
  },
});

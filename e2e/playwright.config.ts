import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
// Playwright cannot download its own browsers here (no network beyond the package registries): Debian's Chromium is it.
if (!fs.existsSync(CHROMIUM)) {
  throw new Error(`Нет ${CHROMIUM}: установите chromium: apt-get install -y chromium`);
}

/** Asks the kernel for a port nobody listens on; the server binds it a moment later. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Workers load this file again: the port and the data folder are chosen once, in the runner process, and reach the
 * workers through the environment they inherit.
 */
async function serverSlot(): Promise<{ port: number; dataDir: string }> {
  const { E2E_PORT, E2E_DATA } = process.env;
  if (E2E_PORT && E2E_DATA) return { port: Number(E2E_PORT), dataDir: E2E_DATA };
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-desk-e2e-'));
  process.env.E2E_PORT = String(port);
  process.env.E2E_DATA = dataDir;
  // Not globalTeardown: Playwright runs it before it stops the webServer, while PGlite still has the folder open.
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { port, dataDir };
}

const { port, dataDir } = await serverSlot();
const baseURL = `http://127.0.0.1:${port}`;

const buildWeb = process.env.E2E_SKIP_BUILD === '1' ? '' : 'pnpm --filter @pd-desk/web build && ';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  // One server, one database, two cores: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Yekaterinburg',
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: CHROMIUM,
      // Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // The real server on the real web build, started as `pnpm start` does. `exec node` (not `pnpm start`, whose
    // pnpm exits at once on SIGTERM) keeps Playwright waiting until the server has closed its database.
    command: `${buildWeb}exec node --import tsx src/index.ts`,
    cwd: '../server',
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PD_DESK_DATA: dataDir,
      PD_DESK_LOG_LEVEL: 'warn',
      // The mail intake offers this folder's new files as the next letter's scan (the keystroke bench fills it).
      PD_DESK_SCANNER_DIR: path.join(dataDir, 'scanner'),
    },
    // The web build runs inside this command on a cold run; 2 cores need the room.
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, invocationDir, loadConfig } from './env';

describe('loadConfig', () => {
  test('an empty environment gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      filesDir: path.resolve('./data/files'),
      databaseUrl: undefined,
      timeZone: 'Asia/Yekaterinburg',
      logLevel: 'info',
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      secureCookies: false,
      demo: true,
    });
  });

  test('the file store follows the data folder unless PD_DESK_FILES_DIR names shared storage', () => {
    expect(loadConfig({ PD_DESK_DATA: '/srv/pd' }).filesDir).toBe(path.resolve('/srv/pd/files'));
    expect(loadConfig({ PD_DESK_DATA: '/srv/pd', PD_DESK_FILES_DIR: '/mnt/shared/pd-files' }).filesDir).toBe(
      path.resolve('/mnt/shared/pd-files'),
    );
  });

  test.each([
    [{ PORT: 'восемьдесят' }, 'PORT: должен быть целым числом от 0 до 65535'],
    [{ PORT: '70000' }, 'PORT: должен быть целым числом от 0 до 65535'],
    [{ PORT: '-1' }, 'PORT: должен быть целым числом от 0 до 65535'],
    [{ PORT: '80.5' }, 'PORT: должен быть целым числом от 0 до 65535'],
    [
      { PD_DESK_TIME_ZONE: 'Europe/Ekaterinburg' },
      'PD_DESK_TIME_ZONE: неизвестный часовой пояс (пример: Asia/Yekaterinburg)',
    ],
    [{ DATABASE_URL: 'mysql://db/pd' }, 'DATABASE_URL: должен начинаться с postgres:// или postgresql://'],
    [{ PD_DESK_SESSION_IDLE_MINUTES: '0' }, 'PD_DESK_SESSION_IDLE_MINUTES: должен быть целым числом от 1 до 1440'],
    [
      { PD_DESK_LOG_LEVEL: 'loud' },
      'PD_DESK_LOG_LEVEL: должен быть одним из: fatal, error, warn, info, debug, trace, silent',
    ],
    [{ PD_DESK_SECURE_COOKIES: 'yes' }, 'PD_DESK_SECURE_COOKIES: должен быть true или false'],
    [{ HOST: '' }, 'HOST: не может быть пустым'],
    [{ PD_DESK_DEMO: 'no' }, 'PD_DESK_DEMO: должен быть true или false'],
  ])('%o → ConfigError with a Russian message naming the variable', (env, line) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(`Ошибка в настройках окружения:\n  - ${line}`);
  });

  test('every bad variable is reported at once', () => {
    expect(() => loadConfig({ PORT: '-1', PD_DESK_TIME_ZONE: 'Nowhere/City' })).toThrow(
      /^Ошибка в настройках окружения:\n {2}- PORT: .*\n {2}- PD_DESK_TIME_ZONE: .*$/,
    );
  });

  test('secure cookies are on only when asked for', () => {
    expect(loadConfig({ PD_DESK_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ PD_DESK_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
    expect(loadConfig({ PD_DESK_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });

  test('demo data is on unless switched off', () => {
    expect(loadConfig({ PD_DESK_DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({ PD_DESK_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ PD_DESK_DEMO: 'true' }).demo).toBe(true);
  });
});

test('the CLI resolves file arguments from where pnpm was called', () => {
  expect(invocationDir({ INIT_CWD: '/home/officer/letters' })).toBe('/home/officer/letters');
  expect(invocationDir({})).toBe(process.cwd());
});

/** Test support may read the environment it runs in (PATH for child processes, TEST_DATABASE_URL); the app may not. */
const MAY_READ_PROCESS_ENV = [
  'env.ts',
  'test/cli.ts',
  'test/global-setup.ts',
  'modules/subjects/subjects.cli.test.ts',
  // Starts a server process with PATH and HOME of its own (the backup drill, the audit kill test).
  'test/server-process.ts',
];

test('env.ts is the only reader of process.env in server/src', () => {
  const root = import.meta.dirname;
  const readers = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !MAY_READ_PROCESS_ENV.includes(file) && file !== 'env.test.ts')
    .filter((file) => /process\.env\b/.test(readFileSync(path.join(root, file), 'utf8')));
  expect(readers).toEqual([]);
});

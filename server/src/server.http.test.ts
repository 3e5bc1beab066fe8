import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER } from './http/csrf';
import { SESSION_COOKIE } from './modules/auth/sessions';
import { createServer } from './server';
import { auditEntries, createTestUser, type TestUser, testConfig } from './test/factories';
import { testTempDir, useTestDatabase } from './test/test-db';

const INDEX_HTML = '<!doctype html><title>PD Desk (test build)</title>';

describe('HTTP server', () => {
  const database = useTestDatabase();
  const logLines: string[] = [];
  let server: ReturnType<typeof createServer>;
  let baseUrl: string;
  let officer: TestUser;

  beforeAll(async () => {
    const webDist = testTempDir('web-dist');
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app")');
    officer = await createTestUser(database.db, 'officer', { password: 'officer-secret-passphrase' });
    server = createServer({
      config: testConfig({ webDist, logLevel: 'info' }),
      database,
      logStream: { write: (line) => void logLines.push(line) },
    });
    baseUrl = (await server.start()).url;
  });

  afterAll(async () => {
    // server.stop() would also close the database, which useTestDatabase closes itself.
    await server?.app.close();
  });

  function trpcPost(procedure: string, body: unknown, headers: Record<string, string> = { [CSRF_HEADER]: '1' }) {
    return fetch(`${baseUrl}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  const credentials = () => ({ login: officer.login, password: officer.password });
  const cookieFrom = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const signIns = async () => (await auditEntries(database.db, 'auth.sign_in')).length;

  test('GET /healthz answers ok with the database kind', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: database.kind });
  });

  test('a tRPC POST without the x-pd-desk header is refused before the procedure runs', async () => {
    const before = await signIns();
    const response = await trpcPost('auth.signIn', credentials(), {});
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'Запрос отклонён: нет защиты от подделки межсайтовых запросов (CSRF)',
    });
    expect(await signIns()).toBe(before);
  });

  test('a tRPC POST from a foreign Origin is refused even with the header', async () => {
    const before = await signIns();
    const response = await trpcPost('auth.signIn', credentials(), {
      [CSRF_HEADER]: '1',
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await signIns()).toBe(before);
  });

  test('sign-in sets an HttpOnly, SameSite=Strict session cookie that opens protected procedures', async () => {
    const signIn = await trpcPost('auth.signIn', credentials(), { [CSRF_HEADER]: '1', origin: baseUrl });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({
      result: { data: { status: 'signed_in', user: { id: officer.id, role: 'officer' } } },
    });
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{40,};`));
    expect(setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie).toMatch(/; SameSite=Strict(;|$)/);
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/Secure/);

    const listUrl = `${baseUrl}/trpc/audit.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`;
    const anonymous = await fetch(listUrl);
    expect(anonymous.status).toBe(401);
    const signedIn = await fetch(listUrl, { headers: { cookie: cookieFrom(signIn) } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ result: { data: { items: expect.any(Array) } } });
  });

  test('sign-out clears the cookie and the old cookie no longer works', async () => {
    const cookie = cookieFrom(await trpcPost('auth.signIn', credentials()));
    const signOut = await trpcPost('auth.signOut', {}, { [CSRF_HEADER]: '1', cookie });
    expect(signOut.status).toBe(200);
    expect(signOut.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
    const me = await fetch(`${baseUrl}/trpc/auth.me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ result: { data: null } });
  });

  test('client-side routes get index.html; missing files and procedures are 404', async () => {
    const route = await fetch(`${baseUrl}/subjects/42`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await route.text()).toBe(INDEX_HTML);
    expect((await fetch(`${baseUrl}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/trpc/no.such`)).status).toBe(404);
  });

  test('an internal error answers with a generic message: no stack, no SQL, no parameters', async () => {
    const probe = 'probe.login.in.log';
    await database.db.execute(sql`alter table login_throttle rename to login_throttle_away`);
    try {
      const response = await trpcPost('auth.signIn', { login: probe, password: 'whatever-password' });
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({
        error: {
          message: 'Внутренняя ошибка сервера. Запрос не выполнен, данные не изменены.',
          data: { code: 'INTERNAL_SERVER_ERROR', path: 'auth.signIn' },
        },
      });
      expect(body).not.toMatch(/stack|login_throttle|select|\.ts:\d+|probe\.login/i);
    } finally {
      await database.db.execute(sql`alter table login_throttle_away rename to login_throttle`);
    }
    const logged = logLines.filter((line) => line.includes('procedure failed'));
    expect(logged).toHaveLength(1);
    // The server log keeps the cause for the administrator, but not the query's parameters.
    expect(logged[0]).toContain('login_throttle');
    expect(logged[0]).not.toContain(probe);
  });

  test('the log holds requests, but no password, session token or query string', () => {
    const log = logLines.join('');
    expect(log).toContain('"path":"/trpc/auth.signIn"');
    expect(log).not.toContain(officer.password);
    expect(log).not.toContain('whatever-password');
    expect(log).not.toMatch(new RegExp(`${SESSION_COOKIE}=`));
    expect(log).not.toMatch(/input=|%7B/);
  });
});

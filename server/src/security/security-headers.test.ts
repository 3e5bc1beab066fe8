import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER } from '../http/csrf';
import { callerFor, createTestUser, testConfig } from '../test/factories';
import { accessRequest } from '../test/fixtures';
import { ownClientHeaders, sessionCookie, startTestServer, type TestServer } from '../test/http-server';
import { testTempDir, useTestDatabase } from '../test/test-db';

const PDF = '%PDF-1.4\n% Иванова М. П.\n%%EOF\n';

/** Parses a Content-Security-Policy header into directive → sources. */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/**
 * Issue 9, item 7: no security headers at all. Every response now carries a CSP without inline scripts,
 * refuses framing, turns off MIME sniffing and referrers, and nothing that carries personal data may be cached.
 */
describe('security headers (@fastify/helmet) and no-store on personal data', () => {
  const database = useTestDatabase();
  let server: TestServer;
  let cookie: string;
  let attachmentId: number;

  beforeAll(async () => {
    const webDist = testTempDir('web-dist');
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>PD Desk</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app")');
    server = await startTestServer(database, testConfig({ webDist }));
    const officer = await createTestUser(database.db, 'officer');
    const caller = await callerFor(database.db, officer);
    const created = await caller.cases.create(accessRequest());
    cookie = await sessionCookie(database, officer.id);
    const form = new FormData();
    form.append('caseId', String(created.id));
    form.append('file', new Blob([PDF]), 'письмо.pdf');
    const uploaded = await fetch(`${server.baseUrl}/files/attachments`, {
      method: 'POST',
      headers: { cookie, [CSRF_HEADER]: '1' },
      body: form,
    });
    attachmentId = ((await uploaded.json()) as { id: number }).id;
  });

  afterAll(async () => {
    await server?.close();
  });

  const get = (url: string) => fetch(`${server.baseUrl}${url}`, { headers: { cookie } });

  test.each(['/', '/subjects/42', '/assets/app.js', '/trpc/auth.me', '/healthz', '/no/such.file'])(
    '%s carries the CSP (no inline script, no framing), nosniff and no referrer',
    async (url) => {
      const response = await get(url);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['script-src-attr']).toEqual(["'none'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
      // Plain HTTP on the clinic's network: upgrading requests to https would break every asset.
      expect(csp['upgrade-insecure-requests']).toBeUndefined();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  test('tRPC answers with personal data, errors and refusals are never stored by a cache', async () => {
    const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
    const responses = [
      await get(`/trpc/cases.list?input=${encodeURIComponent(JSON.stringify({}))}`),
      await get(`/trpc/audit.list?input=${input}`),
      await get('/trpc/auth.me'),
      await fetch(`${server.baseUrl}/trpc/audit.list?input=${input}`), // 401
      await fetch(`${server.baseUrl}/trpc/cases.addNote`, { method: 'POST', headers: { cookie } }), // CSRF 403
      await fetch(`${server.baseUrl}/trpc/auth.signOut`, {
        method: 'POST',
        headers: ownClientHeaders(
          server.baseUrl,
          await sessionCookie(database, (await createTestUser(database.db, 'auditor')).id),
        ),
        body: '{}',
      }),
    ];
    for (const response of responses) {
      expect(response.headers.get('cache-control'), response.url).toBe('no-store');
    }
  });

  test('file downloads are no-store, and so is their refusal', async () => {
    expect(attachmentId).toBeGreaterThan(0);
    const file = await get(`/files/attachments/${attachmentId}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(PDF);
    expect(file.headers.get('cache-control')).toBe('no-store');
    const anonymous = await fetch(`${server.baseUrl}/files/attachments/${attachmentId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });

  test('behind HTTPS the browser is also told to keep to HTTPS', async () => {
    const secure = await startTestServer(database, testConfig({ secureCookies: true }));
    try {
      const response = await fetch(`${secure.baseUrl}/healthz`);
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
      expect(directives(response.headers.get('content-security-policy'))['upgrade-insecure-requests']).toEqual([]);
    } finally {
      await secure.close();
    }
  });
});

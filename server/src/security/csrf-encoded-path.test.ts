import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseEvents } from '../db/schema/cases';
import { CSRF_REFUSAL } from '../http/csrf';
import { callerFor, createTestUser, type TestUser } from '../test/factories';
import { accessRequest } from '../test/fixtures';
import { ownClientHeaders, sessionCookie, startTestServer, type TestServer } from '../test/http-server';
import { useTestDatabase } from '../test/test-db';

const FOREIGN = 'https://evil.example';

/**
 * Issue 9, item 1: the CSRF check looked at the raw URL, so `/%74rpc/…` (which Fastify routes to /trpc/…)
 * skipped it. A forged request with a valid cookie must change nothing, however its path is spelled
 * and whatever body a cross-site form can send.
 */
describe('CSRF check on the routed request, not on the raw URL', () => {
  const database = useTestDatabase();
  let server: TestServer;
  let officer: TestUser;
  let caseId: number;
  let officerCookie: string;

  beforeAll(async () => {
    server = await startTestServer(database);
    officer = await createTestUser(database.db, 'officer');
    const created = await (await callerFor(database.db, officer)).cases.create(accessRequest());
    caseId = created.id;
    officerCookie = await sessionCookie(database, officer.id);
  });

  afterAll(async () => {
    await server?.close();
  });

  const notes = async () =>
    (
      await database.db
        .select({ text: caseEvents.text })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'note')))
    ).map((n) => n.text);

  function multipart(fields: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  }

  test.each([
    ['/%74rpc/cases.addNote', 'application/json'],
    ['/%74rpc/cases.addNote', 'text/plain'],
    ['/%74rpc/cases%2EaddNote', 'application/json'],
    ['/trpc/cases.addNote', 'text/plain'],
    ['/trpc/%63ases.addNote', 'application/json'],
  ])('POST %s (%s) from a foreign Origin with a valid cookie and no header is refused', async (path, type) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, origin: FOREIGN, cookie: officerCookie },
      body: JSON.stringify({ id: caseId, text: 'forged note' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: CSRF_REFUSAL });
    expect(await notes()).toEqual([]);
  });

  test.each(['//trpc/cases.addNote', '/TRPC/cases.addNote', '/trpc//cases.addNote'])(
    'other spellings of the path (%s) never reach the procedure',
    async (path) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: FOREIGN, cookie: officerCookie },
        body: JSON.stringify({ id: caseId, text: 'forged note' }),
      });
      expect([403, 404]).toContain(response.status);
      expect(await notes()).toEqual([]);
    },
  );

  test('the header alone is not enough from a foreign Origin', async () => {
    const response = await fetch(`${server.baseUrl}/%74rpc/cases.addNote`, {
      method: 'POST',
      headers: { ...ownClientHeaders(server.baseUrl, officerCookie), origin: FOREIGN },
      body: JSON.stringify({ id: caseId, text: 'forged note' }),
    });
    expect(response.status).toBe(403);
    expect(await notes()).toEqual([]);
  });

  test('a plain multipart form cannot sign the user out or run audit.verify', async () => {
    const auditor = await createTestUser(database.db, 'auditor');
    const auditorCookie = await sessionCookie(database, auditor.id);
    for (const [path, cookie] of [
      ['/%74rpc/auth.signOut', auditorCookie],
      ['/%74rpc/audit.verify', auditorCookie],
      ['/trpc/auth.signOut', auditorCookie],
    ] as const) {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { origin: FOREIGN, cookie },
        body: multipart({ everywhere: 'true' }),
      });
      expect(response.status, path).toBe(403);
      expect(response.headers.get('set-cookie'), path).toBeNull();
      expect(await response.text(), path).not.toMatch(/entries|lastHash|sessionsEnded/);
    }
    const me = await fetch(`${server.baseUrl}/trpc/auth.me`, { headers: { cookie: auditorCookie } });
    expect(await me.json()).toMatchObject({ result: { data: { id: auditor.id } } });
  });

  test('our own client still reaches the procedure through the encoded path (the route is the same)', async () => {
    const response = await fetch(`${server.baseUrl}/%74rpc/cases.addNote`, {
      method: 'POST',
      headers: ownClientHeaders(server.baseUrl, officerCookie),
      body: JSON.stringify({ id: caseId, text: 'real note' }),
    });
    expect(response.status).toBe(200);
    expect(await notes()).toEqual(['real note']);
    // And a client without Origin (CLI, scripts) still needs the header.
    const noHeader = await fetch(`${server.baseUrl}/trpc/cases.addNote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: officerCookie },
      body: JSON.stringify({ id: caseId, text: 'scripted note' }),
    });
    expect(noHeader.status).toBe(403);
    expect(await notes()).toEqual(['real note']);
  });
});

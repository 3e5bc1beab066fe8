import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { THROTTLE_RULES } from '../modules/auth/login-throttle';
import { auditEntries, createTestUser, type TestUser } from '../test/factories';
import { ownClientHeaders, startTestServer, type TestServer } from '../test/http-server';
import { useTestDatabase } from '../test/test-db';

const GUESSES = 100;

/**
 * Issue 9, item 2: "locked?" was read before the slow hash and the failure written after it, so 100
 * parallel wrong passwords were all checked. Two server instances share one database (on PostgreSQL
 * runs: two connection pools, as two processes behind a proxy would have), the guesses alternate
 * between them, and still only the limit gets a password checked at all.
 */
describe('lockout holds against parallel guesses through two server instances', () => {
  const database = useTestDatabase();
  let secondHandle: DatabaseHandle | null = null;
  let instances: TestServer[] = [];
  let user: TestUser;

  beforeAll(async () => {
    // PGlite lives in this process: both instances share it. PostgreSQL: a second, independent pool.
    secondHandle = database.url
      ? await openDatabase({ databaseUrl: database.url, dataDir: '', command: 'test' })
      : null;
    instances = [await startTestServer(database), await startTestServer(secondHandle ?? database)];
    user = await createTestUser(database.db, 'officer');
  });

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await secondHandle?.close();
  });

  beforeEach(async () => {
    await database.db.execute(sql`delete from login_throttle`);
  });

  async function signIn(index: number, login: string, password: string) {
    const { baseUrl } = instances[index % instances.length] as TestServer;
    const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
      method: 'POST',
      headers: ownClientHeaders(baseUrl),
      body: JSON.stringify({ login, password }),
    });
    const body = (await response.json()) as { error?: { data: { code: string } } };
    return body.error?.data.code ?? 'OK';
  }

  const failuresAudited = async () => (await auditEntries(database.db, 'auth.sign_in_failed')).length;

  test(`${GUESSES} parallel wrong passwords for one login: at most ${THROTTLE_RULES.login.maxFailures} are checked`, async () => {
    const before = await failuresAudited();
    const outcomes = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) => signIn(i, user.login, `wrong-password-${i}`)),
    );
    const checked = outcomes.filter((code) => code === 'UNAUTHORIZED').length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(THROTTLE_RULES.login.maxFailures);
    expect(outcomes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(GUESSES - checked);
    expect((await failuresAudited()) - before).toBe(checked);

    // The right password now, on either instance, is still refused while the lock lasts.
    expect(await signIn(0, user.login, user.password)).toBe('TOO_MANY_REQUESTS');
    expect(await signIn(1, user.login, user.password)).toBe('TOO_MANY_REQUESTS');
  });

  test(`${GUESSES} parallel wrong sign-ins under different logins from one address: at most ${THROTTLE_RULES.ip.maxFailures} are checked`, async () => {
    const outcomes = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) => signIn(i, `guess-${i}`, 'wrong-password')),
    );
    const checked = outcomes.filter((code) => code === 'UNAUTHORIZED').length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(THROTTLE_RULES.ip.maxFailures);
    const other = await createTestUser(database.db, 'registrar');
    expect(await signIn(0, other.login, other.password)).toBe('TOO_MANY_REQUESTS');
  });

  test('sequential sign-ins are unaffected: the right password after a few mistakes still works', async () => {
    const other = await createTestUser(database.db, 'auditor');
    for (let i = 0; i < THROTTLE_RULES.login.maxFailures - 1; i++) {
      expect(await signIn(i, other.login, 'wrong-password')).toBe('UNAUTHORIZED');
    }
    expect(await signIn(1, other.login, other.password)).toBe('OK');
  });
});

import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  auditEntries,
  callerFor,
  createTestUser,
  TEST_PASSWORD,
  type TestUser,
  testConfig,
} from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { signIn } from './auth.service';
import { THROTTLE_RULES } from './login-throttle';
import { resolveSession } from './sessions';

const BAD_CREDENTIALS = { code: 'UNAUTHORIZED', message: 'Неверный логин или пароль' };
const LOCKED = { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Слишком много неудачных попыток входа/) };

const config = testConfig();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('auth', () => {
  const database = useTestDatabase();
  let admin: TestUser;
  // Each test signs in from its own address so the per-IP counter of one test never locks another.
  let ipCounter = 0;
  const freshIp = () => `198.51.100.${++ipCounter}`;

  beforeAll(async () => {
    admin = await createTestUser(database.db, 'admin');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Signs in through the procedure; without a second factor the answer is the signed-in user. */
  async function signInVia(ip: string, login: string, password: string) {
    const caller = await callerFor(database.db, null, { ip });
    const step = await caller.auth.signIn({ login, password });
    if (step.status !== 'signed_in') throw new Error(`unexpected ${step.status}`);
    return step.user;
  }

  /** Signs in through the service (the HTTP layer puts the token in a cookie) and returns the token. */
  async function sessionToken(user: TestUser): Promise<string> {
    const result = await signIn(
      database.db,
      config,
      { login: user.login, password: user.password },
      {
        ip: freshIp(),
        userAgent: 'vitest',
      },
    );
    if (result.status !== 'signed_in') throw new Error(`unexpected ${result.status}`);
    return result.token;
  }

  test('signs in with login (any case, surrounding spaces) and password, and records it in the audit trail', async () => {
    const user = await createTestUser(database.db, 'officer');
    const result = await signInVia(freshIp(), ` ${user.login.toUpperCase()} `, user.password);
    expect(result).toEqual({ id: user.id, login: user.login, displayName: user.displayName, role: 'officer' });
    const [entry] = (await auditEntries(database.db, 'auth.sign_in')).filter((e) => e.actorId === user.id);
    expect(entry).toMatchObject({ actorLogin: user.login, objectType: 'user', objectId: String(user.id) });
  });

  test('wrong password and unknown login get the same refusal, both audited without the password', async () => {
    const user = await createTestUser(database.db, 'registrar');
    const ip = freshIp();
    await expect(signInVia(ip, user.login, 'not-the-password-1')).rejects.toMatchObject(BAD_CREDENTIALS);
    await expect(signInVia(ip, 'nobody-here', 'not-the-password-2')).rejects.toMatchObject(BAD_CREDENTIALS);

    const failed = (await auditEntries(database.db, 'auth.sign_in_failed')).filter((e) => e.ip === ip);
    expect(failed.map((e) => [e.actorLogin, e.objectId])).toEqual([
      [user.login, String(user.id)],
      ['nobody-here', null],
    ]);
    expect(JSON.stringify(failed)).not.toMatch(/not-the-password/);
  });

  test(`locks a login after ${THROTTLE_RULES.login.maxFailures} failures from any addresses, for 15 minutes`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const user = await createTestUser(database.db, 'officer');
    for (let i = 0; i < THROTTLE_RULES.login.maxFailures; i++) {
      await expect(signInVia(freshIp(), user.login, 'wrong-password')).rejects.toMatchObject(BAD_CREDENTIALS);
    }
    // Locked even with the right password and from yet another address.
    await expect(signInVia(freshIp(), user.login, user.password)).rejects.toMatchObject(LOCKED);
    // Other logins are not affected.
    const other = await createTestUser(database.db, 'officer');
    await expect(signInVia(freshIp(), other.login, other.password)).resolves.toMatchObject({ id: other.id });

    vi.setSystemTime(Date.now() + THROTTLE_RULES.login.lockMinutes * MINUTE - MINUTE);
    await expect(signInVia(freshIp(), user.login, user.password)).rejects.toMatchObject(LOCKED);
    vi.setSystemTime(Date.now() + 2 * MINUTE);
    await expect(signInVia(freshIp(), user.login, user.password)).resolves.toMatchObject({ id: user.id });
  });

  test(`a success before the limit resets the login's failure count`, async () => {
    const user = await createTestUser(database.db, 'officer');
    const attempts = THROTTLE_RULES.login.maxFailures - 1;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < attempts; i++) {
        await expect(signInVia(freshIp(), user.login, 'wrong-password')).rejects.toMatchObject(BAD_CREDENTIALS);
      }
      await expect(signInVia(freshIp(), user.login, user.password)).resolves.toMatchObject({ id: user.id });
    }
  });

  test(`locks an address after ${THROTTLE_RULES.ip.maxFailures} failures across logins`, async () => {
    const user = await createTestUser(database.db, 'officer');
    const ip = freshIp();
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) {
      await expect(signInVia(ip, `guess-${i}`, 'wrong-password')).rejects.toMatchObject(BAD_CREDENTIALS);
    }
    await expect(signInVia(ip, user.login, user.password)).rejects.toMatchObject(LOCKED);
    await expect(signInVia(freshIp(), user.login, user.password)).resolves.toMatchObject({ id: user.id });
  });

  test('a disabled user is refused, and an open session of theirs stops working', async () => {
    const user = await createTestUser(database.db, 'officer');
    const token = await sessionToken(user);
    const adminCaller = await callerFor(database.db, admin);
    await adminCaller.users.setDisabled({ userId: user.id, disabled: true });

    await expect(signInVia(freshIp(), user.login, user.password)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Учётная запись отключена. Обратитесь к администратору.',
    });
    expect(await resolveSession(database.db, config, token)).toBeNull();
  });

  test(`a session ends after ${config.sessionIdleMinutes} idle minutes; activity keeps it alive`, async () => {
    const user = await createTestUser(database.db, 'auditor');
    const idle = config.sessionIdleMinutes * MINUTE;
    const start = Date.now();

    const unused = await sessionToken(user);
    expect(await resolveSession(database.db, config, unused, new Date(start + idle + MINUTE))).toBeNull();

    const active = await sessionToken(user);
    let lastSeen = start;
    for (let i = 0; i < 3; i++) {
      lastSeen += idle - MINUTE;
      expect(await resolveSession(database.db, config, active, new Date(lastSeen))).toMatchObject({ id: user.id });
    }
    expect(await resolveSession(database.db, config, active, new Date(lastSeen + idle + MINUTE))).toBeNull();
  });

  test(`a session ends ${config.sessionMaxHours} hours after sign-in however active`, async () => {
    const user = await createTestUser(database.db, 'auditor');
    const token = await sessionToken(user);
    const start = Date.now();
    const idleTimeout = config.sessionIdleMinutes * MINUTE;
    const end = start + config.sessionMaxHours * HOUR;
    let lastSeen = start;
    while (lastSeen + idleTimeout - MINUTE < end) {
      lastSeen += idleTimeout - MINUTE;
      expect(await resolveSession(database.db, config, token, new Date(lastSeen))).not.toBeNull();
    }
    // Active less than the idle timeout ago, so only the absolute limit can end it.
    const after = end + 1000;
    expect(after - lastSeen).toBeLessThan(idleTimeout);
    expect(await resolveSession(database.db, config, token, new Date(after))).toBeNull();
  });

  test('sign-out ends this session only; sign-out everywhere ends them all; both are audited', async () => {
    const user = await createTestUser(database.db, 'officer');
    const [first, second, third] = [await sessionToken(user), await sessionToken(user), await sessionToken(user)];
    const sessionOf = async (token: string) => {
      const session = await resolveSession(database.db, config, token);
      if (!session) throw new Error('session expected');
      return session;
    };

    const firstCaller = await callerFor(database.db, await sessionOf(first));
    await expect(firstCaller.auth.signOut({})).resolves.toEqual({ sessionsEnded: 1 });
    expect(await resolveSession(database.db, config, first)).toBeNull();

    const secondCaller = await callerFor(database.db, await sessionOf(second));
    await expect(secondCaller.auth.signOut({ everywhere: true })).resolves.toEqual({ sessionsEnded: 2 });
    expect(await resolveSession(database.db, config, second)).toBeNull();
    expect(await resolveSession(database.db, config, third)).toBeNull();

    const trail = (await auditEntries(database.db)).filter((e) => e.actorId === user.id && e.action !== 'auth.sign_in');
    expect(trail.map((e) => [e.action, e.details])).toEqual([
      ['auth.sign_out', null],
      ['auth.sign_out_everywhere', { sessionsEnded: 2 }],
    ]);
  });

  test('a role change ends the user’s sessions', async () => {
    const user = await createTestUser(database.db, 'registrar');
    const token = await sessionToken(user);
    const adminCaller = await callerFor(database.db, admin);
    await adminCaller.users.setRole({ userId: user.id, role: 'officer' });
    expect(await resolveSession(database.db, config, token)).toBeNull();
    await expect(signInVia(freshIp(), user.login, user.password)).resolves.toMatchObject({ role: 'officer' });
  });

  test('a password reset ends the user’s sessions and only the new password works', async () => {
    const user = await createTestUser(database.db, 'registrar');
    const token = await sessionToken(user);
    const adminCaller = await callerFor(database.db, admin);
    const password = `${TEST_PASSWORD}-new`;
    await adminCaller.users.resetPassword({ userId: user.id, password });
    expect(await resolveSession(database.db, config, token)).toBeNull();
    await expect(signInVia(freshIp(), user.login, user.password)).rejects.toMatchObject(BAD_CREDENTIALS);
    await expect(signInVia(freshIp(), user.login, password)).resolves.toMatchObject({ id: user.id });
  });
});

import { beforeAll, describe, expect, test } from 'vitest';
import { auditEntries, type Caller, callerFor, createTestUser, type TestUser, testConfig } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { createSession, hashToken, resolveSession } from './sessions';

const SESSION_FIELDS = ['createdAt', 'current', 'id', 'ip', 'lastSeenAt', 'userAgent'];

describe('sessions list and «выйти везде»', () => {
  const database = useTestDatabase();
  const config = testConfig();
  let admin: TestUser;
  let adminCaller: Caller;

  beforeAll(async () => {
    admin = await createTestUser(database.db, 'admin');
    adminCaller = await callerFor(database.db, admin);
  });

  /** A session as if signed in from another computer; returns its token. */
  async function signedInElsewhere(user: TestUser, ip: string, userAgent: string) {
    return (await createSession(database.db, config, user.id, { ip, userAgent })).token;
  }

  test('a user sees only their own live sessions, with device, address and times, and which is this one', async () => {
    const user = await createTestUser(database.db, 'registrar');
    const other = await createTestUser(database.db, 'registrar');
    await signedInElsewhere(user, '192.0.2.10', 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0');
    await signedInElsewhere(other, '192.0.2.99', 'someone else');
    const caller = await callerFor(database.db, user);

    const sessions = await caller.auth.sessions();
    expect(sessions).toHaveLength(2);
    for (const session of sessions) expect(Object.keys(session).sort()).toEqual(SESSION_FIELDS);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.find((s) => !s.current)).toMatchObject({
      ip: '192.0.2.10',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0',
      createdAt: expect.any(Date),
      lastSeenAt: expect.any(Date),
    });
    expect(JSON.stringify(sessions)).not.toContain('someone else');
  });

  test('ending one of my other sessions works and is audited; another user’s session id is not mine to end', async () => {
    const user = await createTestUser(database.db, 'auditor');
    const other = await createTestUser(database.db, 'auditor');
    const elsewhere = await signedInElsewhere(user, '192.0.2.11', 'phone');
    const othersToken = await signedInElsewhere(other, '192.0.2.12', 'theirs');
    const caller = await callerFor(database.db, user);

    await expect(caller.auth.endSession({ sessionId: hashToken(othersToken) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await resolveSession(database.db, config, othersToken)).not.toBeNull();

    await expect(caller.auth.endSession({ sessionId: hashToken(elsewhere) })).resolves.toEqual({ current: false });
    expect(await resolveSession(database.db, config, elsewhere)).toBeNull();
    expect((await caller.auth.sessions()).map((s) => s.current)).toEqual([true]);
    const revoked = (await auditEntries(database.db, 'auth.session_revoke')).filter((e) => e.actorId === user.id);
    expect(revoked).toHaveLength(1);
  });

  test('the admin sees a user’s sessions and signs them out everywhere; other roles may not', async () => {
    const user = await createTestUser(database.db, 'officer');
    await signedInElsewhere(user, '192.0.2.13', 'reception PC');
    await signedInElsewhere(user, '192.0.2.14', 'laptop');

    const listed = await adminCaller.users.sessions({ userId: user.id });
    expect(listed.map((s) => s.userAgent).sort()).toEqual(['laptop', 'reception PC']);
    for (const session of listed)
      expect(Object.keys(session).sort()).toEqual(SESSION_FIELDS.filter((f) => f !== 'current'));

    for (const role of ['officer', 'registrar', 'auditor'] as const) {
      const caller = await callerFor(database.db, role);
      await expect(caller.users.sessions({ userId: user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.users.endSessions({ userId: user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(adminCaller.users.endSessions({ userId: user.id })).resolves.toBe(2);
    expect(await adminCaller.users.sessions({ userId: user.id })).toEqual([]);
    await expect(adminCaller.users.sessions({ userId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { users } from '../../db/schema/users';
import { auditEntries, type Caller, callerFor, createTestUser, type TestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { verifyPassword } from '../auth/password';

describe('users administration', () => {
  const database = useTestDatabase();
  let admin: TestUser;
  let adminCaller: Caller;

  beforeAll(async () => {
    admin = await createTestUser(database.db, 'admin');
    adminCaller = await callerFor(database.db, admin);
  });

  /** The one audit entry an action wrote about a user: the newest for that action and object. */
  async function lastEntry(action: string, userId: number) {
    const entries = (await auditEntries(database.db, action)).filter((e) => e.objectId === String(userId));
    expect(entries.length, `${action} entries for user ${userId}`).toBe(1);
    return entries[0];
  }

  test('creates a user (login normalised), audits it without the password, refuses a duplicate login', async () => {
    const created = await adminCaller.users.create({
      login: ' New.Clerk ',
      displayName: 'Новая сотрудница',
      role: 'registrar',
      password: 'long-enough-password',
    });
    expect(created).toMatchObject({ login: 'new.clerk', displayName: 'Новая сотрудница', role: 'registrar' });

    const entry = await lastEntry('user.create', created.id);
    expect(entry).toMatchObject({ actorId: admin.id, actorLogin: admin.login });
    expect(entry?.changes).toEqual({
      login: { before: null, after: 'new.clerk' },
      displayName: { before: null, after: 'Новая сотрудница' },
      role: { before: null, after: 'registrar' },
    });
    expect(JSON.stringify(entry)).not.toContain('long-enough-password');

    await expect(
      adminCaller.users.create({
        login: 'NEW.CLERK',
        displayName: 'Другая',
        role: 'officer',
        password: 'another-password',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Пользователь с логином «new.clerk» уже есть' });
    expect(await auditEntries(database.db, 'user.create')).toHaveLength(1);
  });

  test('refuses a short password with the Russian message', async () => {
    await expect(
      adminCaller.users.create({ login: 'shorty', displayName: 'Коротко', role: 'officer', password: 'short' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('не короче 10 символов') });
  });

  test('sets a role with before/after in the audit trail, but not the admin’s own', async () => {
    const user = await createTestUser(database.db, 'registrar');
    await adminCaller.users.setRole({ userId: user.id, role: 'officer' });
    const listed = await adminCaller.users.list();
    expect(listed.find((u) => u.id === user.id)?.role).toBe('officer');
    expect((await lastEntry('user.set_role', user.id))?.changes).toEqual({
      role: { before: 'registrar', after: 'officer' },
    });

    await expect(adminCaller.users.setRole({ userId: admin.id, role: 'auditor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Нельзя изменить собственную роль: попросите другого администратора',
    });
    expect((await adminCaller.users.list()).find((u) => u.id === admin.id)?.role).toBe('admin');
  });

  test('an unknown user id is NOT_FOUND and changes nothing', async () => {
    const before = await auditEntries(database.db);
    await expect(adminCaller.users.setRole({ userId: 999_999, role: 'officer' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auditEntries(database.db)).toEqual(before);
  });

  test('resets a password: the new hash verifies, the audit entry holds no password or hash', async () => {
    const user = await createTestUser(database.db, 'auditor');
    await adminCaller.users.resetPassword({ userId: user.id, password: 'brand-new-password' });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row?.passwordHash ?? '', 'brand-new-password')).toBe(true);

    const entry = await lastEntry('user.reset_password', user.id);
    expect(entry).toMatchObject({ actorId: admin.id, details: { sessionsEnded: 0 } });
    expect(JSON.stringify(entry)).not.toMatch(/brand-new-password|argon2/);
  });

  test('disables and re-enables a user with before/after, but not the admin’s own account', async () => {
    const user = await createTestUser(database.db, 'officer');
    await adminCaller.users.setDisabled({ userId: user.id, disabled: true });
    expect((await adminCaller.users.list()).find((u) => u.id === user.id)?.disabledAt).toBeInstanceOf(Date);
    expect((await lastEntry('user.disable', user.id))?.changes).toEqual({ disabled: { before: false, after: true } });

    await adminCaller.users.setDisabled({ userId: user.id, disabled: false });
    expect((await adminCaller.users.list()).find((u) => u.id === user.id)?.disabledAt).toBeNull();
    expect((await lastEntry('user.enable', user.id))?.changes).toEqual({ disabled: { before: true, after: false } });

    await expect(adminCaller.users.setDisabled({ userId: admin.id, disabled: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Нельзя отключить собственную учётную запись',
    });
  });

  test('ends a user’s sessions and records how many', async () => {
    const user = await createTestUser(database.db, 'officer');
    await callerFor(database.db, user);
    await callerFor(database.db, user);
    await expect(adminCaller.users.endSessions({ userId: user.id })).resolves.toBe(2);
    expect(await lastEntry('user.end_sessions', user.id)).toMatchObject({ details: { sessionsEnded: 2 } });
  });
});

import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import type { CreateUserInput } from '@pd-desk/shared/auth/auth.schemas';
import type { Role } from '@pd-desk/shared/auth/roles';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { users } from '../../db/schema/users';
import type { Config } from '../../env';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit, diffFields } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { deleteAllSessions, listSessions } from '../auth/sessions';
import { clearTwoFactor } from '../auth/two-factor.service';

const publicColumns = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

/** Whether a user has a second factor, never the secret itself. */
export async function listUsers({ db }: ServiceContext) {
  return db
    .select({ ...publicColumns, twoFactorEnabled: isNotNull(users.totpEnabledAt) })
    .from(users)
    .orderBy(asc(users.login));
}

export async function createUser({ db, actor }: ServiceContext, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.login, input.login));
    if (existing) throw new DomainError('CONFLICT', msg('users.loginTaken', { login: input.login }), 'login_taken');
    const [created] = await tx
      .insert(users)
      .values({ login: input.login, displayName: input.displayName, role: input.role, passwordHash })
      .returning(publicColumns);
    if (!created) throw new Error('insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'user.create',
      objectType: 'user',
      objectId: created.id,
      changes: diffFields({}, { login: created.login, displayName: created.displayName, role: created.role }),
    });
    return created;
  });
}

async function loadUser(db: Db, userId: number) {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError('NOT_FOUND', msg('users.notFound'));
  return user;
}

export async function setRole({ db, actor }: ServiceContext, userId: number, role: Role) {
  if (actor.userId === userId) {
    throw new DomainError('BAD_REQUEST', msg('users.selfRole'), 'self');
  }
  return db.transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    // A role change takes effect at once: sessions opened under the old role end.
    await deleteAllSessions(tx, userId);
    await appendAudit(tx, actor, {
      action: 'user.set_role',
      objectType: 'user',
      objectId: userId,
      changes: diffFields(before, { role }),
    });
  });
}

export async function resetPassword({ db, actor }: ServiceContext, userId: number, password: string) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await loadUser(tx, userId);
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await endSessionsAudited(tx, actor, userId, 'user.reset_password');
  });
}

export async function setDisabled({ db, actor, clock }: ServiceContext, userId: number, disabled: boolean) {
  if (actor.userId === userId) {
    throw new DomainError('BAD_REQUEST', msg('users.selfDisable'), 'self');
  }
  return db.transaction(async (tx) => {
    const before = await loadUser(tx, userId);
    const disabledAt = disabled ? clock.now() : null;
    await tx.update(users).set({ disabledAt, updatedAt: new Date() }).where(eq(users.id, userId));
    if (disabled) await deleteAllSessions(tx, userId);
    await appendAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: userId,
      changes: { disabled: { before: before.disabledAt !== null, after: disabled } },
    });
  });
}

/** Admin's "sign this user out everywhere" (lost laptop, dismissal). */
export async function endUserSessions({ db, actor }: ServiceContext, userId: number) {
  return db.transaction(async (tx) => {
    await loadUser(tx, userId);
    return endSessionsAudited(tx, actor, userId, 'user.end_sessions');
  });
}

/** Admin's view of where a user is signed in (to spot a session left open on a shared computer). */
export async function userSessions({ db }: ServiceContext, config: Config, userId: number) {
  await loadUser(db, userId);
  return listSessions(db, config, userId);
}

/**
 * Lost phone: the admin removes the user's second factor and recovery codes and ends their sessions.
 * If the policy requires a second factor, the user enrols again at the next sign-in.
 */
export async function resetTwoFactor({ db, actor }: ServiceContext, userId: number) {
  return db.transaction(async (tx) => {
    await loadUser(tx, userId);
    await clearTwoFactor(tx, userId);
    await endSessionsAudited(tx, actor, userId, 'user.reset_two_factor');
  });
}

/** Signs the user out everywhere and records why (the action) and how many sessions ended. */
async function endSessionsAudited(tx: Tx, actor: Actor, userId: number, action: AuditAction) {
  const ended = await deleteAllSessions(tx, userId);
  await appendAudit(tx, actor, { action, objectType: 'user', objectId: userId, details: { sessionsEnded: ended } });
  return ended;
}

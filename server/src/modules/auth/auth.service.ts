import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import type { Role } from '@pd-desk/shared/auth/roles';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { users } from '../../db/schema/users';
import type { Config } from '../../env';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { type Attempt, reserveAttempt } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, deleteAllSessions, deleteSession, deleteUserSession } from './sessions';
import { challengeUser, createChallenge, spendChallenge } from './sign-in-challenges';
import {
  badCode,
  checkSecondFactor,
  confirmEnrolment,
  type SecondFactor,
  secondFactorNeed,
  startEnrolment,
} from './two-factor.service';

export type ClientInfo = { ip: string | null; userAgent: string | null };

type SignedInUser = { id: number; login: string; displayName: string; role: Role };

export type SignInStep =
  | { status: 'signed_in'; user: SignedInUser; token: string; expiresAt: Date }
  | { status: 'second_factor' | 'enrol'; challenge: string; expiresAt: Date };

/**
 * Step one: login and password. The attempt is counted before the hash is checked (see reserveAttempt).
 * With a second factor owed, no session yet: a short-lived challenge for step two.
 */
export async function signIn(
  db: Db,
  config: Config,
  input: { login: string; password: string },
  client: ClientInfo,
): Promise<SignInStep> {
  const login = input.login.trim().toLowerCase();
  const attempt = await reserveAttempt(db, login, client.ip);
  const [user] = await db.select().from(users).where(eq(users.login, login));
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const anonymous: Actor = { userId: user?.id ?? null, login, role: 'anonymous', ip: client.ip };
  if (!user || !passwordOk) {
    await failAttempt(db, attempt, anonymous, 'auth.sign_in_failed', user?.id);
    throw new DomainError('UNAUTHORIZED', msg('auth.badCredentials'), 'bad_credentials');
  }
  if (user.disabledAt) {
    await attempt.released();
    throw new DomainError('FORBIDDEN', msg('auth.disabled'), 'disabled');
  }
  const need = await secondFactorNeed(db, user);
  if (need === 'none') {
    await attempt.succeeded();
    return db.transaction((tx) => openSession(tx, config, user, client, null));
  }
  // The password was right: that attempt is handed back, and each code guess is counted on its own.
  await attempt.released();
  const { challenge, expiresAt } = await createChallenge(db, user.id, need, client);
  return { status: need === 'verify' ? 'second_factor' : 'enrol', challenge, expiresAt };
}

/** Step two: a code from the app or a recovery code. Guesses count against the same lockout as passwords. */
export async function verifySecondFactor(
  db: Db,
  config: Config,
  input: { challenge: string; code: string },
  client: ClientInfo,
) {
  const user = await challengedUser(db, input.challenge, 'verify');
  const attempt = await reserveAttempt(db, user.login, client.ip);
  const now = new Date();
  return finishWithCode(db, attempt, user, client, async (tx) => {
    const factor = await checkSecondFactor(tx, user.id, input.code, now);
    if (!factor) throw badCode();
    await spendChallenge(tx, input.challenge);
    return openSession(tx, config, user, client, factor);
  });
}

/** Enrolment owed at sign-in (the admin requires a second factor): the secret to scan. */
export async function startEnrolmentAtSignIn(db: Db, challenge: string) {
  const user = await challengedUser(db, challenge, 'enrol');
  return startEnrolment(db, user.id);
}

/** Enrolment at sign-in confirmed by a first code: signed in, with the recovery codes shown once. */
export async function confirmEnrolmentAtSignIn(
  db: Db,
  config: Config,
  input: { challenge: string; code: string },
  client: ClientInfo,
) {
  const user = await challengedUser(db, input.challenge, 'enrol');
  const attempt = await reserveAttempt(db, user.login, client.ip);
  const actor: Actor = { userId: user.id, login: user.login, role: user.role, ip: client.ip };
  return finishWithCode(db, attempt, user, client, async (tx) => {
    const recoveryCodes = await confirmEnrolment(tx, actor, user.id, input.code, new Date());
    await spendChallenge(tx, input.challenge);
    return { ...(await openSession(tx, config, user, client, 'totp')), recoveryCodes };
  });
}

async function challengedUser(db: Db, challenge: string, purpose: 'verify' | 'enrol') {
  const userId = await challengeUser(db, challenge, purpose);
  const [user] = await db
    .select({ id: users.id, login: users.login, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new DomainError('UNAUTHORIZED', msg('auth.challengeExpired'), 'challenge_expired');
  return user;
}

/** Runs the code check and the session in one transaction; a wrong code is counted and audited outside it. */
async function finishWithCode<T>(
  db: Db,
  attempt: Attempt,
  user: SignedInUser,
  client: ClientInfo,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    const result = await db.transaction(work);
    await attempt.succeeded();
    return result;
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'bad_code') {
      const actor: Actor = { userId: user.id, login: user.login, role: 'anonymous', ip: client.ip };
      await failAttempt(db, attempt, actor, 'auth.second_factor_failed', user.id);
    } else {
      await attempt.released();
    }
    throw error;
  }
}

async function failAttempt(db: Db, attempt: Attempt, actor: Actor, action: AuditAction, userId: number | undefined) {
  await attempt.failed();
  await db.transaction((tx) => appendAudit(tx, actor, { action, objectType: 'user', objectId: userId }));
}

async function openSession(
  tx: Tx,
  config: Config,
  user: SignedInUser,
  client: ClientInfo,
  secondFactor: SecondFactor | null,
) {
  const session = await createSession(tx, config, user.id, client);
  await appendAudit(
    tx,
    { userId: user.id, login: user.login, role: user.role, ip: client.ip },
    {
      action: 'auth.sign_in',
      objectType: 'user',
      objectId: user.id,
      details: secondFactor ? { secondFactor } : null,
    },
  );
  const signedIn: SignedInUser = { id: user.id, login: user.login, displayName: user.displayName, role: user.role };
  return { status: 'signed_in' as const, ...session, user: signedIn };
}

export async function signOut(db: Db, actor: Actor, sessionId: string, everywhere: boolean): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = everywhere && actor.userId !== null ? await deleteAllSessions(tx, actor.userId) : 1;
    if (!everywhere) await deleteSession(tx, sessionId);
    await appendAudit(tx, actor, {
      action: everywhere ? 'auth.sign_out_everywhere' : 'auth.sign_out',
      objectType: 'user',
      objectId: actor.userId,
      details: everywhere ? { sessionsEnded: ended } : null,
    });
    return ended;
  });
}

/** Ends one of the user's own sessions (a forgotten browser elsewhere), audited. */
export async function endOwnSession(db: Db, actor: Actor, userId: number, sessionId: string) {
  return db.transaction(async (tx) => {
    if (!(await deleteUserSession(tx, userId, sessionId))) {
      throw new DomainError('NOT_FOUND', msg('auth.sessionGone'), 'session_gone');
    }
    await appendAudit(tx, actor, { action: 'auth.session_revoke', objectType: 'user', objectId: userId });
  });
}

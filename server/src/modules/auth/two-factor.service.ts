import type { TwoFactorPolicy } from '@pd-desk/shared/auth/auth.schemas';
import { type Role, TWO_FACTOR_ROLES } from '@pd-desk/shared/auth/roles';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { users } from '../../db/schema/users';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { getSetting } from '../settings/settings.service';
import { deleteRecoveryCodes, recoveryCodesLeft, replaceRecoveryCodes, spendRecoveryCode } from './recovery-codes';
import { matchTotp, newTotpSecret, totpEnrolment } from './totp';

export type SecondFactor = 'totp' | 'recovery_code';

export const badCode = () => new DomainError('UNAUTHORIZED', msg('auth.badCode'), 'bad_code');

/** What sign-in owes after the password: nothing, a code, or setting up an authenticator first. */
export async function secondFactorNeed(
  db: Db,
  user: { role: Role; totpEnabledAt: Date | null },
): Promise<'none' | 'verify' | 'enrol'> {
  if (user.totpEnabledAt) return 'verify';
  if (!TWO_FACTOR_ROLES.includes(user.role)) return 'none';
  const policy: TwoFactorPolicy = await getSetting(db, 'twoFactor');
  return policy.required ? 'enrol' : 'none';
}

async function totpState(db: Db | Tx, userId: number) {
  const [row] = await db
    .select({
      login: users.login,
      role: users.role,
      secret: users.totpSecret,
      pending: users.totpPendingSecret,
      enabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new DomainError('NOT_FOUND', msg('users.notFound'));
  return row;
}

/** A new secret to scan, kept as pending until a code from it proves the app has it; the old one stays in force. */
export async function startEnrolment(db: Db, userId: number) {
  const state = await totpState(db, userId);
  if (!TWO_FACTOR_ROLES.includes(state.role)) {
    throw new DomainError('FORBIDDEN', msg('auth.twoFactorRole'), 'role');
  }
  const secret = newTotpSecret();
  await db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId));
  return { secret, ...(await totpEnrolment(secret, state.login)) };
}

/**
 * Turns the pending secret on once a code from it matches; returns a fresh set of recovery codes (the only
 * time they exist in clear). Runs inside the caller's transaction so sign-in and enrolment commit together.
 */
export async function confirmEnrolment(tx: Tx, actor: Actor, userId: number, code: string, now: Date) {
  const state = await totpState(tx, userId);
  const step = state.pending ? matchTotp(state.pending, code, now) : null;
  if (step === null) throw badCode();
  await tx
    .update(users)
    .set({ totpSecret: state.pending, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
    .where(eq(users.id, userId));
  const recoveryCodes = await replaceRecoveryCodes(tx, userId);
  await appendAudit(tx, actor, {
    action: state.enabledAt ? 'auth.two_factor_replace' : 'auth.two_factor_enable',
    objectType: 'user',
    objectId: userId,
  });
  return recoveryCodes;
}

/** Enrolment from the user's own security page (already signed in). */
export function confirmOwnEnrolment(db: Db, actor: Actor, userId: number, code: string) {
  return db.transaction((tx) => confirmEnrolment(tx, actor, userId, code, new Date()));
}

/**
 * A code from the app (each time step accepted once, so an overheard code cannot be replayed) or an unused
 * recovery code (spent by this call). Null when neither matches.
 */
export async function checkSecondFactor(db: Db | Tx, userId: number, code: string, now: Date) {
  const state = await totpState(db, userId);
  if (!state.secret) return null;
  const step = matchTotp(state.secret, code, now);
  if (step !== null) {
    const accepted = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return accepted.length > 0 ? ('totp' as const) : null;
  }
  return (await spendRecoveryCode(db, userId, code, now)) ? ('recovery_code' as const) : null;
}

export async function twoFactorStatus(db: Db, user: { id: number; role: Role }) {
  const state = await totpState(db, user.id);
  const policy: TwoFactorPolicy = await getSetting(db, 'twoFactor');
  const available = TWO_FACTOR_ROLES.includes(user.role);
  return {
    available,
    required: available && policy.required,
    enabled: state.enabledAt !== null,
    enabledAt: state.enabledAt,
    recoveryCodesLeft: state.enabledAt ? await recoveryCodesLeft(db, user.id) : 0,
  };
}

/** The user turns it off themself, proving possession with a current code; refused while the admin requires it. */
export async function disableOwnTwoFactor(db: Db, actor: Actor, user: { id: number; role: Role }, code: string) {
  const userId = user.id;
  const status = await twoFactorStatus(db, user);
  if (status.required) {
    throw new DomainError('FORBIDDEN', msg('auth.twoFactorRequired'), 'required');
  }
  return db.transaction(async (tx) => {
    if (!(await checkSecondFactor(tx, userId, code, new Date()))) throw badCode();
    await clearTwoFactor(tx, userId);
    await appendAudit(tx, actor, { action: 'auth.two_factor_disable', objectType: 'user', objectId: userId });
  });
}

/** Secret, pending secret and recovery codes gone: the next sign-in asks for enrolment if it is required. */
export async function clearTwoFactor(tx: Tx, userId: number): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await deleteRecoveryCodes(tx, userId);
}

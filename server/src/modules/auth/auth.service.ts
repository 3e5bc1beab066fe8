import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/users';
import type { Config } from '../../env';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { clearFailures, lockedUntil, recordFailure } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, deleteAllSessions, deleteSession } from './sessions';

export type ClientInfo = { ip: string | null; userAgent: string | null };

export async function signIn(db: Db, config: Config, input: { login: string; password: string }, client: ClientInfo) {
  const login = input.login.trim().toLowerCase();
  const now = new Date();
  const until = await lockedUntil(db, login, client.ip, now);
  if (until) {
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `Слишком много неудачных попыток входа. Повторите через ${Math.ceil((until.getTime() - now.getTime()) / 60_000)} мин.`,
      'locked',
    );
  }
  const [user] = await db.select().from(users).where(eq(users.login, login));
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const anonymous: Actor = { userId: user?.id ?? null, login, role: 'anonymous', ip: client.ip };
  if (!user || !passwordOk) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, login, client.ip, now);
      await appendAudit(tx, anonymous, { action: 'auth.sign_in_failed', objectType: 'user', objectId: user?.id });
    });
    throw new DomainError('UNAUTHORIZED', 'Неверный логин или пароль', 'bad_credentials');
  }
  if (user.disabledAt) {
    throw new DomainError('FORBIDDEN', 'Учётная запись отключена. Обратитесь к администратору.', 'disabled');
  }
  return db.transaction(async (tx) => {
    await clearFailures(tx, login);
    const session = await createSession(tx, config, user.id, client);
    await appendAudit(
      tx,
      { ...anonymous, role: user.role },
      { action: 'auth.sign_in', objectType: 'user', objectId: user.id },
    );
    return { ...session, user: { id: user.id, login: user.login, displayName: user.displayName, role: user.role } };
  });
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

import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema/users';
import type { Config } from '../../env';
import type { SessionUser } from '../../trpc/context';

export const SESSION_COOKIE = 'pd_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  config: Config,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3_600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The lookup every request makes, prepared once per database handle: a named statement on PostgreSQL, so it is
 * neither rebuilt by the query builder nor parsed and planned again for each request (docs/decisions/0029).
 * Nothing is cached but the statement: every request reads the session row, so a sign-out or a disabled user takes
 * effect on the very next request, on every server instance.
 */
const lookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleCutoff')),
      ),
    )
    .prepare('resolve_session');
}

function sessionLookup(db: Db) {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    lookups.set(db, lookup);
  }
  return lookup;
}

/**
 * Resolves a cookie token to a user, enforcing the absolute expiry and the idle timeout;
 * a live session's last-seen time is refreshed at most once a minute to spare writes.
 */
export async function resolveSession(
  db: Db,
  config: Config,
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const id = hashToken(token);
  const idleCutoff = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  const [row] = await sessionLookup(db).execute({
    id,
    now: now.toISOString(),
    idleCutoff: idleCutoff.toISOString(),
  });
  if (!row || row.disabledAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role, sessionId: row.sessionId };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteAllSessions(db: Db, userId: number): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return deleted.length;
}

/** Deletes one session only if it belongs to the user: nobody ends another person's session by guessing an id. */
export async function deleteUserSession(db: Db, userId: number, sessionId: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** A user's live sessions (not expired, not idle), newest activity first: where they are signed in. */
export async function listSessions(db: Db, config: Config, userId: number, now = new Date()) {
  const idleCutoff = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff)))
    .orderBy(desc(sessions.lastSeenAt));
}

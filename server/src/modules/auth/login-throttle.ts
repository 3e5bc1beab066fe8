import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottle } from '../../db/schema/users';
import { DomainError } from '../../errors';

/** Per login and per client address: after N failures in the window the key is locked for a while. */
export const THROTTLE_RULES = {
  login: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;
type ThrottleKey = { kind: Kind; key: string };

export function throttleKeys(login: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: 'login', key: `login:${login.toLowerCase()}` }];
  if (ip) keys.push({ kind: 'ip', key: `ip:${ip}` });
  return keys;
}

const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

/** What the caller reports once the slow check (password hash, one-time code) is done. */
export type Attempt = {
  /** A wrong secret: the reserved attempt stays counted; a key that reached its limit is locked. */
  failed(): Promise<void>;
  /** Signed in: the login's count starts afresh, and a success is no failure for the address either. */
  succeeded(): Promise<void>;
  /** Right secret, sign-in not finished (a second factor follows): the attempt is handed back. */
  released(): Promise<void>;
};

/**
 * Counts the attempt *before* the caller verifies anything, in one atomic upsert per key, so parallel
 * guesses (from one server or several over one PostgreSQL) each take a numbered slot: only the first
 * `maxFailures` in a window get verified at all; the rest are refused as locked without a hash being checked.
 */
export async function reserveAttempt(db: Db, login: string, ip: string | null, now = new Date()): Promise<Attempt> {
  const keys = throttleKeys(login, ip);
  const reserved: ThrottleKey[] = [];
  for (const key of keys) {
    const lockedUntil = await reserveSlot(db, key, now);
    if (lockedUntil) {
      await releaseSlots(db, reserved);
      throw lockedError(lockedUntil, now);
    }
    reserved.push(key);
  }
  return {
    failed: () => lockFullKeys(db, keys, now),
    succeeded: async () => {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, keys[0]?.key ?? ''));
      await releaseSlots(db, keys.slice(1));
    },
    released: () => releaseSlots(db, keys),
  };
}

/** Returns the end of the lock if the key is locked (or has just run out of slots), else null: a slot is taken. */
async function reserveSlot(db: Db, { kind, key }: ThrottleKey, now: Date): Promise<Date | null> {
  const rule = THROTTLE_RULES[kind];
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const t = loginThrottle;
  const locked = sql`${t.lockedUntil} is not null and ${t.lockedUntil} > ${now}`;
  const stale = sql`${t.windowStartedAt} < ${windowStart}`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${locked} then ${t.failures} when ${stale} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${locked} then ${t.windowStartedAt} when ${stale} then ${now} else ${t.windowStartedAt} end`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  if (!row) throw new Error('login throttle upsert returned nothing');
  if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  if (row.failures <= rule.maxFailures) return null;
  // More attempts than the limit while earlier ones are still being checked: lock now.
  const until = minutesAfter(now, rule.lockMinutes);
  await db
    .update(t)
    .set({ lockedUntil: until, failures: 0, windowStartedAt: now })
    .where(and(eq(t.key, key), or(isNull(t.lockedUntil), lte(t.lockedUntil, now))));
  return until;
}

async function lockFullKeys(db: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const { kind, key } of keys) {
    const rule = THROTTLE_RULES[kind];
    await db
      .update(loginThrottle)
      .set({ lockedUntil: minutesAfter(now, rule.lockMinutes), failures: 0, windowStartedAt: now })
      .where(and(eq(loginThrottle.key, key), gte(loginThrottle.failures, rule.maxFailures)));
  }
}

async function releaseSlots(db: Db, keys: ThrottleKey[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(
      inArray(
        loginThrottle.key,
        keys.map((k) => k.key),
      ),
    );
}

function lockedError(until: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new DomainError('TOO_MANY_REQUESTS', msg('auth.locked', { minutes }), 'locked');
}

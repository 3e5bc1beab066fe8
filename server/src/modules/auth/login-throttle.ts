import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottle } from '../../db/schema/users';

/** Per login and per client address: after N failures in the window the key is locked for a while. */
export const THROTTLE_RULES = {
  login: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

export function throttleKeys(login: string, ip: string | null): Array<{ kind: Kind; key: string }> {
  const keys: Array<{ kind: Kind; key: string }> = [{ kind: 'login', key: `login:${login.toLowerCase()}` }];
  if (ip) keys.push({ kind: 'ip', key: `ip:${ip}` });
  return keys;
}

/** Returns the time until which sign-in is refused, if any key is locked now. */
export async function lockedUntil(db: Db, login: string, ip: string | null, now: Date): Promise<Date | null> {
  let until: Date | null = null;
  for (const { key } of throttleKeys(login, ip)) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!until || row.lockedUntil > until)) until = row.lockedUntil;
  }
  return until;
}

export async function recordFailure(db: Db, login: string, ip: string | null, now: Date): Promise<void> {
  for (const { kind, key } of throttleKeys(login, ip)) {
    const rule = THROTTLE_RULES[kind];
    const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
    const lockUntil = new Date(now.getTime() + rule.lockMinutes * 60_000);
    // One upsert: a failure outside the window restarts the count; reaching the limit sets the lock.
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
        },
      });
    await db
      .update(loginThrottle)
      .set({ lockedUntil: lockUntil, failures: 0, windowStartedAt: now })
      .where(sql`${loginThrottle.key} = ${key} and ${loginThrottle.failures} >= ${rule.maxFailures}`);
  }
}

export async function clearFailures(db: Db, login: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, `login:${login.toLowerCase()}`));
}

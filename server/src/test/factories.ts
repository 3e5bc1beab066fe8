import path from 'node:path';
import type { Role } from '@pd-desk/shared/auth/roles';
import { asc, eq } from 'drizzle-orm';
import { inject } from 'vitest';
import { type Clock, fixedClock, systemClock } from '../clock';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema/audit';
import { users } from '../db/schema/users';
import { type Config, loadConfig } from '../env';
import { hashPassword } from '../modules/auth/password';
import { createSession, hashToken } from '../modules/auth/sessions';
import { type Actor, type ServiceContext, SYSTEM_ACTOR } from '../service-context';
import { createContextInner, type SessionUser } from '../trpc/context';
import { createCaller } from '../trpc/router';

/** The production defaults (parsed by the real loadConfig), quiet, on a free port, with nothing on disk. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const { tempRoot } = inject('testTemplates');
  const config = loadConfig({
    PORT: '0',
    PD_DESK_LOG_LEVEL: 'silent',
    PD_DESK_DATA: path.join(tempRoot, 'unused-data'),
    PD_DESK_WEB_DIST: path.join(tempRoot, 'no-web-dist'),
  });
  return { ...config, ...overrides };
}

export const TEST_PASSWORD = 'test-password-2026';

export type TestUser = { id: number; login: string; displayName: string; role: Role; password: string };

// argon2 costs ~30 ms a hash: one per distinct password per worker is plenty.
const hashes = new Map<string, Promise<string>>();
let userCounter = 0;

/** Inserts a user directly (no audit entry, so audit tests count only what they cause). */
export async function createTestUser(
  db: Db,
  role: Role,
  overrides: { login?: string; displayName?: string; password?: string } = {},
): Promise<TestUser> {
  const password = overrides.password ?? TEST_PASSWORD;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  userCounter++;
  const login = overrides.login ?? `${role}-${userCounter}`;
  const displayName = overrides.displayName ?? `Тестовый ${role} ${userCounter}`;
  const [row] = await db
    .insert(users)
    .values({ login, displayName, role, passwordHash: await (hashes.get(password) as Promise<string>) })
    .returning({ id: users.id });
  if (!row) throw new Error('createTestUser: insert returned nothing');
  return { id: row.id, login, displayName, role, password };
}

/**
 * 10:00 in the operator's zone on `isoDate`, for ever: "today" is that date whatever day the tests run.
 * Pass it to callerFor / serviceContext; nothing else about time is faked.
 */
export function clockOn(isoDate: string): Clock {
  return fixedClock(`${isoDate}T05:00:00Z`, testConfig().timeZone);
}

/** What the CLI would pass a service: the system acting, on the real clock unless one is given. */
export function serviceContext(db: Db, overrides: { actor?: Actor; clock?: Clock } = {}): ServiceContext {
  return { db, actor: overrides.actor ?? SYSTEM_ACTOR, clock: overrides.clock ?? systemClock(testConfig().timeZone) };
}

export type Caller = ReturnType<typeof createCaller>;

type CallerOptions = { ip?: string | null; config?: Config; clock?: Clock };

/**
 * A tRPC caller as the HTTP adapter would build it, without HTTP. `who`: a role (a new user of that role
 * with a real session), an existing TestUser (a new session for them), a SessionUser from resolveSession,
 * or null (anonymous).
 */
export async function callerFor(
  db: Db,
  who: Role | TestUser | SessionUser | null,
  options: CallerOptions = {},
): Promise<Caller> {
  const config = options.config ?? testConfig();
  const ip = options.ip === undefined ? '127.0.0.1' : options.ip;
  const user = who === null ? null : await sessionUserFor(db, config, who, ip);
  const clock = options.clock ?? systemClock(config.timeZone);
  return createCaller(createContextInner({ db, config, user, ip, userAgent: 'vitest', clock }));
}

async function sessionUserFor(
  db: Db,
  config: Config,
  who: Role | TestUser | SessionUser,
  ip: string | null,
): Promise<SessionUser> {
  if (typeof who === 'object' && 'sessionId' in who) return who;
  const user = typeof who === 'string' ? await createTestUser(db, who) : who;
  const { token } = await createSession(db, config, user.id, { ip, userAgent: 'vitest' });
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    sessionId: hashToken(token),
  };
}

/** The audit trail in order, optionally only one action. */
export function auditEntries(db: Db, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? eq(auditLog.action, action) : undefined)
    .orderBy(asc(auditLog.seq));
}

import type { Clock } from './clock';
import type { Db } from './db/client';

/** Who acts: a signed-in user, or the system/CLI (userId null). Written into every audit entry. */
export type Actor = {
  userId: number | null;
  login: string;
  role: string;
  ip: string | null;
};

/** The command line, the first-start seed and background jobs act as the system. */
export const SYSTEM_ACTOR: Actor = { userId: null, login: 'system', role: 'system', ip: null };

/**
 * What every service use case receives first: the database, who acts, and the clock. Routers pass the
 * tRPC context (a superset), the CLI builds one with SYSTEM_ACTOR, tests may pass a fixed clock.
 */
export type ServiceContext = { db: Db; actor: Actor; clock: Clock };

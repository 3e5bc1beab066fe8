import type { DatabaseHandle } from '../db/client';
import type { Config } from '../env';
import { CSRF_HEADER } from '../http/csrf';
import { createSession, SESSION_COOKIE } from '../modules/auth/sessions';
import { createServer } from '../server';
import { testConfig } from './factories';

export type TestServer = { baseUrl: string; close: () => Promise<void> };

/** A real HTTP server on a free port over the given database (left open: the suite's useTestDatabase closes it). */
export async function startTestServer(database: DatabaseHandle, config: Config = testConfig()): Promise<TestServer> {
  const server = createServer({ config, database });
  const { url } = await server.start();
  return { baseUrl: url, close: () => server.app.close() };
}

/** A session cookie for a user, as the browser would hold it after signing in. */
export async function sessionCookie(database: DatabaseHandle, userId: number): Promise<string> {
  const { token } = await createSession(database.db, testConfig(), userId, { ip: '127.0.0.1', userAgent: 'vitest' });
  return `${SESSION_COOKIE}=${token}`;
}

/** What our own web client sends with every call: the CSRF header and, from a browser, its own Origin. */
export function ownClientHeaders(baseUrl: string, cookie?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    [CSRF_HEADER]: '1',
    origin: baseUrl,
    ...(cookie ? { cookie } : {}),
  };
}

import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { sessions, users } from '../../db/schema/users';
import { CSRF_HEADER } from '../../http/csrf';
import { TEST_AUDIT_KEY } from '../../test/audit-key.setup';
import { CLI_SUITE_TIMEOUT, runCli } from '../../test/cli';
import { startServerProcess } from '../../test/server-process';
import { createTestDataFolder, useTestDatabase } from '../../test/test-db';
import { hashToken, SESSION_COOKIE } from '../auth/sessions';
import { auditView } from './audit-queue';

// Not a code the server writes: the test's own entries stay apart from real ones.
const TEST_VIEW = 'test.view' as AuditAction;

import { verifyAuditChain } from './audit-verify';

const READER = { userId: null, login: 'reader', role: 'system', ip: null };

describe('audit group commit', () => {
  const database = useTestDatabase();

  test('concurrent views each wait for their entry; the chain keeps their order and verifies', async () => {
    const { db } = database;
    const calls = Array.from({ length: 40 }, (_, i) =>
      auditView(db, READER, { action: TEST_VIEW, objectType: 'audit', objectId: i }),
    );
    await Promise.all(calls);
    const rows = await db
      .select({ objectId: auditLog.objectId })
      .from(auditLog)
      .where(eq(auditLog.action, TEST_VIEW))
      .orderBy(asc(auditLog.seq));
    expect(rows.map((r) => Number(r.objectId))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  test('refuses to run inside a transaction (on PGlite its commit would wait for the caller forever)', async () => {
    await expect(
      database.db.transaction((tx) => auditView(tx, READER, { action: TEST_VIEW, objectType: 'audit' })),
    ).rejects.toThrow(/outside a transaction/);
  });
});

/**
 * The promise of docs/decisions/0023: a search answered is a search recorded. A real server process takes a burst
 * of searches and is killed (SIGKILL, no shutdown) in the middle; every answered search has its entry.
 */
describe('a server killed during a burst of searches', { timeout: CLI_SUITE_TIMEOUT * 5 }, () => {
  test('every acknowledged search has its audit entry, and the chain verifies', async () => {
    const dataDir = createTestDataFolder();
    const env = { PD_DESK_DATA: dataDir, PD_DESK_AUDIT_KEY: TEST_AUDIT_KEY.toString('hex'), PD_DESK_DEMO: 'false' };
    const token = 'kill-test-session-token';
    const before = await openDatabase({ dataDir, command: 'test' });
    try {
      const [user] = await before.db
        .insert(users)
        .values({ login: 'kill-officer', displayName: 'Офицер', role: 'officer', passwordHash: 'x' })
        .returning({ id: users.id });
      await before.db.insert(sessions).values({
        id: hashToken(token),
        userId: user?.id as number,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    } finally {
      await before.close();
    }

    const { server, baseUrl } = await startServerProcess(env);
    let acknowledged = 0;
    let killed = false;
    const search = async (i: number) => {
      const input = encodeURIComponent(JSON.stringify({ query: `Иванова ${i}` }));
      try {
        const response = await fetch(`${baseUrl}/trpc/subjects.search?input=${input}`, {
          headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: '1' },
        });
        await response.arrayBuffer();
        if (response.status === 200) acknowledged += 1;
        if (acknowledged >= 40 && !killed) {
          killed = true;
          server.kill('SIGKILL');
        }
      } catch {
        // The connection died with the server: not acknowledged.
      }
    };
    // Callers in waves, so the kill lands while batches are being committed.
    const callers = Array.from({ length: 16 }, async (_, c) => {
      for (let i = 0; i < 10 && !killed; i++) await search(c * 100 + i);
    });
    await Promise.all(callers);
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
    }
    await new Promise((resolve) =>
      server.exitCode !== null || server.signalCode ? resolve(null) : server.once('exit', resolve),
    );
    expect(killed).toBe(true);

    const after = await openDatabase({ dataDir, command: 'test' });
    let recorded: number;
    try {
      recorded = (await after.db.select().from(auditLog).where(eq(auditLog.action, 'subject.search'))).length;
    } finally {
      await after.close();
    }
    expect(acknowledged).toBeGreaterThanOrEqual(40);
    expect(recorded).toBeGreaterThanOrEqual(acknowledged);
    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});

import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { appendAudit } from '../modules/audit/audit.service';
import { verifyAuditChain } from '../modules/audit/audit-verify';
import { SYSTEM_ACTOR } from '../service-context';
import { auditEntries } from '../test/factories';
import { useTestDatabase } from '../test/test-db';
import type { Db } from './client';
import { settings } from './schema/settings';

const COUNTER = 'test.counter';
const WRITERS = 30;

/** Yields to the event loop for a moment, so other callers get every chance to slip a query in. */
const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));

/**
 * The services' shape: read, think, write, audit, all in one transaction; `fail` throws after the
 * writes. FOR UPDATE is what keeps PostgreSQL from losing updates; on PGlite (one connection) the
 * driver must keep every other query out of the transaction until it ends.
 */
async function increment(db: Db, attempt: number, fail: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.key, COUNTER)).for('update');
    await pause();
    await tx
      .update(settings)
      .set({ value: Number(row?.value) + 1 })
      .where(eq(settings.key, COUNTER));
    await pause();
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'test.increment' as AuditAction,
      objectType: 'audit',
      objectId: attempt,
    });
    await pause();
    if (fail) throw new Error(`attempt ${attempt} fails after its writes`);
  });
}

describe('concurrent transactions on one database handle', () => {
  const database = useTestDatabase();

  test(`${WRITERS} parallel read-modify-write transactions, some failing midway, do not interleave`, async () => {
    const { db } = database;
    await db.insert(settings).values({ key: COUNTER, value: 0 });
    const failing = (attempt: number) => attempt % 4 === 3;

    // Each read is one statement, so it sees one consistent state: the counter and its audit entries agree.
    const observations: Array<{ counter: number; entries: number }> = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const [row] = await db
          .select({
            counter: sql<number>`(${settings.value})::int`,
            entries: sql<number>`(select count(*)::int from audit_log where action = 'test.increment')`,
          })
          .from(settings)
          .where(eq(settings.key, COUNTER));
        if (row) observations.push(row);
        await pause();
      }
    })();

    const attempts = Array.from({ length: WRITERS }, (_, attempt) => attempt);
    const results = await Promise.allSettled(attempts.map((attempt) => increment(db, attempt, failing(attempt))));
    writing = false;
    await reader;

    const succeeded = attempts.filter((attempt) => !failing(attempt));
    expect(results.map((r) => r.status)).toEqual(attempts.map((a) => (failing(a) ? 'rejected' : 'fulfilled')));

    const [final] = await db.select().from(settings).where(eq(settings.key, COUNTER));
    expect(final?.value).toBe(succeeded.length);
    const audited = (await auditEntries(db, 'test.increment')).map((e) => Number(e.objectId));
    expect(audited.sort((a, b) => a - b)).toEqual(succeeded);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: succeeded.length });

    expect(observations.length).toBeGreaterThan(0);
    expect(observations.filter((o) => o.counter !== o.entries)).toEqual([]);
  });
});

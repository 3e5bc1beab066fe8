import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Tx } from '../db/client';
import { auditEntryHash, GENESIS_HASH, LEGACY_CHAIN } from '../modules/audit/audit-hash';
import { verifyAuditChain } from '../modules/audit/audit-verify';
import { verifyAfterTampering } from '../test/audit-tampering';
import { auditEntries, callerFor } from '../test/factories';
import { useTestDatabase } from '../test/test-db';

/**
 * Issue 9, item 8: someone with write access to the database (a superuser who disables the
 * append-only trigger, or anyone holding the files) rewrites the trail. Without the audit key they
 * cannot produce valid hashes; removing the newest entries leaves a valid shorter chain, which only
 * an anchor recorded earlier (`--expect-head`) exposes.
 */

type Unhashed = Omit<Awaited<ReturnType<typeof auditEntries>>[number], 'hash'>;

/** What an attacker computes from the published algorithm alone: SHA-256 over canonical JSON, no key. */
function hashWithoutKey({ chainVersion: _version, ...row }: Unhashed): string {
  const canonical = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (typeof value !== 'object') return JSON.stringify(value);
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  };
  return createHash('sha256')
    .update(canonical({ ...row, at: new Date(row.at).toISOString() }))
    .digest('hex');
}

/** Re-links every entry from `fromSeq` on with the attacker's hash function, as a full rewrite would. */
async function recomputeFrom(tx: Tx, fromSeq: number, rehash: (row: Unhashed) => string) {
  const rows = await auditEntries(tx);
  let prevHash = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? GENESIS_HASH;
  for (const row of rows.filter((r) => r.seq >= fromSeq)) {
    const { hash: _old, ...content } = row;
    const hash = rehash({ ...content, prevHash });
    await tx.execute(sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`);
    prevHash = hash;
  }
  return prevHash;
}

describe('a rewritten or truncated audit trail is caught', () => {
  const database = useTestDatabase();
  let headBefore: string;

  beforeAll(async () => {
    const admin = await callerFor(database.db, 'admin');
    const logins = ['anna.k', 'boris.m', 'vera.s'];
    const created = await Promise.all(
      logins.map((login) =>
        admin.users.create({ login, displayName: login, role: 'officer', password: 'long-password-1' }),
      ),
    );
    for (const user of created) await admin.users.setRole({ userId: user.id, role: 'registrar' });
    headBefore = (await auditEntries(database.db)).at(-1)?.hash ?? '';
  });

  test('an entry rewritten with every later hash recomputed without the key fails verification', async () => {
    const result = await verifyAfterTampering(database.db, async (tx) => {
      await tx.execute(sql`update audit_log set actor_login = 'someone-else' where seq = 2`);
      await recomputeFrom(tx, 2, hashWithoutKey);
    });
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  test('relabelling the rewritten tail as unkeyed entries does not help', async () => {
    const result = await verifyAfterTampering(database.db, async (tx) => {
      await tx.execute(sql`update audit_log set actor_login = 'someone-else' where seq = 2`);
      await recomputeFrom(tx, 2, (row) => auditEntryHash({ ...row, chainVersion: LEGACY_CHAIN }, Buffer.alloc(32)));
      await tx.execute(sql`update audit_log set chain_version = ${LEGACY_CHAIN} where seq >= 2`);
    });
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  test('a whole trail rewritten as unkeyed is caught by the anchor', async () => {
    const result = await verifyAfterTampering(
      database.db,
      async (tx) => {
        await tx.execute(sql`update audit_log set chain_version = ${LEGACY_CHAIN}`);
        await recomputeFrom(tx, 1, hashWithoutKey);
      },
      { expectHead: headBefore },
    );
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: null });
  });

  test('a rewrite with a different key fails verification', async () => {
    const result = await verifyAfterTampering(database.db, async (tx) => {
      await tx.execute(sql`update audit_log set action = 'user.forged' where seq = 3`);
      await recomputeFrom(tx, 3, (row) => auditEntryHash(row, Buffer.alloc(32, 1)));
    });
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  test('deleting the newest entries fails verification against the head recorded before', async () => {
    const count = (await auditEntries(database.db)).length;
    const result = await verifyAfterTampering(
      database.db,
      (tx) => tx.execute(sql`delete from audit_log where seq > ${count - 2}`),
      { expectHead: headBefore },
    );
    expect(result).toEqual({
      ok: false,
      entries: count - 2,
      firstBrokenSeq: null,
      reason: `ожидаемый хеш ${headBefore} не найден в журнале: последние записи удалены или журнал переписан`,
    });
  });

  test('the untouched trail passes with its head, and with an older anchor reports what came after', async () => {
    const entries = await auditEntries(database.db);
    expect(await verifyAuditChain(database.db, { expectHead: headBefore })).toMatchObject({
      ok: true,
      anchor: { seq: entries.length, laterEntries: 0 },
    });
    const older = entries[2];
    expect(await verifyAuditChain(database.db, { expectHead: older?.hash.toUpperCase() })).toMatchObject({
      ok: true,
      anchor: { seq: 3, laterEntries: entries.length - 3 },
    });
  });
});

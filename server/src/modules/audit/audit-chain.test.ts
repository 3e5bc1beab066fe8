import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '../../db/schema/audit';
import { TEST_AUDIT_KEY } from '../../test/audit-key.setup';
import { verifyAfterTampering } from '../../test/audit-tampering';
import { auditEntries } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { appendAudit } from './audit.service';
import { ensureKeyedChain } from './audit-chain';
import { auditEntryHash, GENESIS_HASH, KEYED_CHAIN, LEGACY_CHAIN } from './audit-hash';
import { useAuditKey } from './audit-key';
import { verifyAuditChain } from './audit-verify';

const SYSTEM = { userId: null, login: 'system', role: 'system', ip: null };

describe('a trail written before the key is upgraded in place', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    // Three entries as the previous version wrote them: plain SHA-256, chain version 1.
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2, 3]) {
      const fields = {
        seq,
        at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
        actorId: null,
        actorLogin: 'system',
        action: 'user.created',
        objectType: 'user',
        objectId: String(seq),
        changes: null,
        details: null,
        ip: null,
        prevHash,
        chainVersion: LEGACY_CHAIN,
      };
      const hash = auditEntryHash(fields, TEST_AUDIT_KEY);
      await database.db
        .insert(auditLog)
        .overridingSystemValue()
        .values({ ...fields, hash });
      prevHash = hash;
    }
  });

  afterEach(() => useAuditKey(TEST_AUDIT_KEY));

  test('the first writer marks the boundary with one keyed entry; later writes are keyed', async () => {
    expect(await ensureKeyedChain(database.db)).toBe('rekeyed');
    await database.db.transaction((tx) =>
      appendAudit(tx, SYSTEM, { action: 'test.after' as AuditAction, objectType: 'audit' }),
    );
    expect(await ensureKeyedChain(database.db)).toBe('keyed');

    const entries = await auditEntries(database.db);
    expect(entries.map((e) => [e.seq, e.action, e.chainVersion])).toEqual([
      [1, 'user.created', LEGACY_CHAIN],
      [2, 'user.created', LEGACY_CHAIN],
      [3, 'user.created', LEGACY_CHAIN],
      [4, 'audit.rekeyed', KEYED_CHAIN],
      [5, 'test.after', KEYED_CHAIN],
    ]);
    expect(entries[3]?.details).toEqual({ legacyEntries: 3, algorithm: 'HMAC-SHA256' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 5, legacyEntries: 3 });
  });

  test('a rewritten legacy entry, its unkeyed successors recomputed, breaks at the keyed boundary', async () => {
    const result = await verifyAfterTampering(database.db, async (tx) => {
      let prevHash = (await auditEntries(tx))[0]?.hash ?? '';
      for (const entry of (await auditEntries(tx)).filter((e) => e.seq === 2 || e.seq === 3)) {
        const { hash: _old, ...fields } = { ...entry, prevHash, objectId: entry.seq === 2 ? '99' : entry.objectId };
        const hash = auditEntryHash(fields, Buffer.alloc(32));
        await tx.execute(
          sql`update audit_log set object_id = ${fields.objectId}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${entry.seq}`,
        );
        prevHash = hash;
      }
    });
    expect(result).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      reason: 'ссылка на предыдущую запись не совпадает',
    });
  });

  test('another key is recognised before anything is appended with it', async () => {
    const before = (await auditEntries(database.db)).length;
    useAuditKey(Buffer.alloc(32, 0x11));
    expect(await ensureKeyedChain(database.db)).toBe('wrong-key');
    expect(await auditEntries(database.db)).toHaveLength(before);
  });
});

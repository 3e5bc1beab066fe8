import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { SYSTEM_ACTOR } from '../../service-context';
import { TEST_AUDIT_KEY } from '../../test/audit-key.setup';
import { verifyAfterTampering } from '../../test/audit-tampering';
import { auditEntries, type Caller, callerFor, createTestUser } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { appendAudit } from './audit.service';
import { auditEntryHash } from './audit-hash';
import { verifyAuditChain } from './audit-verify';

describe('audit trail', () => {
  // Each test gets a fresh database and writes the trail it checks: no test sees another's entries or tampering.
  const database = useTestDatabase('test');

  /** A trail of ordinary work: users created, a role changed, a user disabled, sessions ended. */
  async function ordinaryWork(): Promise<Caller> {
    const admin = await callerFor(database.db, 'admin');
    for (const login of ['anna.k', 'boris.m', 'vera.s']) {
      const user = await admin.users.create({
        login,
        displayName: login,
        role: 'officer',
        password: 'long-password-1',
      });
      await admin.users.setRole({ userId: user.id, role: 'registrar' });
      await admin.users.setDisabled({ userId: user.id, disabled: true });
    }
    return admin;
  }

  test('the trail of ordinary work verifies', async () => {
    const admin = await ordinaryWork();
    const entries = await auditEntries(database.db);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.length).toBeGreaterThanOrEqual(7);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      entries: entries.length,
      lastHash: entries.at(-1)?.hash,
      legacyEntries: 0,
    });
    await expect(admin.audit.verify()).resolves.toMatchObject({ ok: true, entries: entries.length });
  });

  test.each([
    ['UPDATE', sql`update audit_log set action = 'forged' where seq = 2`],
    ['DELETE', sql`delete from audit_log where seq = 2`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('the database refuses %s on audit_log', async (operation, statement) => {
    await ordinaryWork();
    await expect(database.db.execute(statement)).rejects.toMatchObject({
      cause: { message: `audit_log is append-only: ${operation} is not allowed` },
    });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  test('an edited entry is named as the first broken one', async () => {
    await ordinaryWork();
    const result = await verifyAfterTampering(database.db, (tx) =>
      tx.execute(sql`update audit_log set details = '{"sessionsEnded": 0}' where seq = 3`),
    );
    expect(result).toEqual({
      ok: false,
      entries: 2,
      firstBrokenSeq: 3,
      reason: 'подпись записи не совпадает (запись изменена или ключ другой)',
    });
  });

  test('an edited entry re-signed with the key breaks the link of the next one', async () => {
    await ordinaryWork();
    const result = await verifyAfterTampering(database.db, async (tx) => {
      const [entry] = (await auditEntries(tx)).filter((e) => e.seq === 3);
      if (!entry) throw new Error('entry 3 expected');
      const { hash: _hash, ...fields } = { ...entry, actorLogin: 'someone-else' };
      const forged = auditEntryHash(fields, TEST_AUDIT_KEY);
      await tx.execute(sql`update audit_log set actor_login = 'someone-else', hash = ${forged} where seq = 3`);
    });
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'ссылка на предыдущую запись не совпадает' });
  });

  test('a deleted entry in the middle is named as missing', async () => {
    await ordinaryWork();
    const result = await verifyAfterTampering(database.db, (tx) =>
      tx.execute(sql`delete from audit_log where seq = 4`),
    );
    expect(result).toEqual({
      ok: false,
      entries: 3,
      firstBrokenSeq: 4,
      reason: 'запись №4 отсутствует (следующая — №5)',
    });
  });

  test('tampering is rolled back and the trigger is active again', async () => {
    await ordinaryWork();
    expect(
      (await verifyAfterTampering(database.db, (tx) => tx.execute(sql`delete from audit_log where seq = 4`))).ok,
    ).toBe(false);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await expect(database.db.execute(sql`delete from audit_log where seq = 4`)).rejects.toThrow();
  });

  test('20 transactions appending at once keep one unbroken chain', async () => {
    const before = (await auditEntries(database.db)).length;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction((tx) =>
          appendAudit(tx, SYSTEM_ACTOR, { action: 'test.parallel' as AuditAction, objectType: 'audit', objectId: i }),
        ),
      ),
    );
    const entries = await auditEntries(database.db);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(
      entries
        .filter((e) => e.action === 'test.parallel')
        .map((e) => Number(e.objectId))
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: before + 20 });
  });

  test('the list pages backwards through the whole trail and filters by object', async () => {
    const admin = await ordinaryWork();
    const auditor = await callerFor(database.db, 'auditor');
    const all = await auditEntries(database.db);
    const seen: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await auditor.audit.list({ limit: 4, cursor });
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextBeforeSeq;
    } while (cursor !== undefined);
    expect(seen).toEqual(all.map((e) => e.seq).reverse());

    const user = await createTestUser(database.db, 'officer');
    await admin.users.setRole({ userId: user.id, role: 'auditor' });
    const { items } = await auditor.audit.list({ objectType: 'user', objectId: String(user.id) });
    expect(items.map((e) => e.action)).toEqual(['user.set_role']);
  });
});

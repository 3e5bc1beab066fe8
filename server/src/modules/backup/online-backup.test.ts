import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { AuditAction } from '@pd-desk/shared/audit/audit-actions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pgliteExtensions } from '../../db/client';
import type { Config } from '../../env';
import { auditEntries, callerFor, testConfig } from '../../test/factories';
import { testDatabaseKind, testTempDir, useTestDatabase } from '../../test/test-db';
import { appendAudit } from '../audit/audit.service';
import { backupPglite } from './backup.service';
import { openArchive } from './backup-archive';
import { startOnlineBackups } from './online-backup';

const SILENT = { info() {}, warn() {}, error() {} };
const SYSTEM = { userId: null, login: 'system', role: 'system', ip: null };

// Online copies are of the embedded database; PostgreSQL is backed up with pg_dump (the button says so).
describe.skipIf(testDatabaseKind() === 'postgres')('online backups in the running server', () => {
  const database = useTestDatabase();
  let config: Config;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    config = testConfig({ dataDir: testTempDir('data'), backupDir: testTempDir('backups'), backupKeep: 2 });
    ({ stop } = await startOnlineBackups({ config, database, log: SILENT }));
  });
  afterAll(() => stop());

  test('the admin button writes a copy to the folder, keeps the newest two, and is audited', async () => {
    const admin = await callerFor(database.db, 'admin', { config });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await admin.backup.create());
    expect(made.map((m) => m.removed)).toEqual([0, 0, 1]);

    const status = await admin.backup.status();
    expect(status).toMatchObject({ database: 'pglite', available: true, keep: 2, backupDir: config.backupDir });
    expect(status.backups.map((b) => b.name)).toEqual([made[2]?.file, made[1]?.file]);
    expect(status.backups[0]?.sizeBytes).toBe(made[2]?.sizeBytes);

    const entries = await auditEntries(database.db, 'backup.created');
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => [e.objectId, (e.details as { trigger: string }).trigger])).toEqual(
      made.map((m) => [m.file, 'button']),
    );
    // Each copy names the head it holds: the entry before its own backup.created record.
    const newest = openArchive(fs.readFileSync(`${config.backupDir}/${made[2]?.file}`)).manifest;
    expect(newest.auditHead?.seq).toBe((entries[2]?.seq ?? 0) - 1);
  });

  test('only the admin may; without a folder or on PostgreSQL the reason is given', async () => {
    const registrar = await callerFor(database.db, 'registrar', { config });
    await expect(registrar.backup.create()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const noFolder = await callerFor(database.db, 'admin', { config: { ...config, backupDir: undefined } });
    await expect(noFolder.backup.create()).rejects.toThrow(
      'Папка для резервных копий не задана: укажите PD_DESK_BACKUP_DIR',
    );
    expect(await noFolder.backup.status()).toMatchObject({ available: false, backups: [] });
    const postgres = await callerFor(database.db, 'admin', { config: { ...config, databaseUrl: 'postgres://db/pd' } });
    await expect(postgres.backup.create()).rejects.toThrow(/pg_dump/);
    expect(await postgres.backup.status()).toMatchObject({ database: 'postgres', available: false });
  });

  test('a copy waits for a running transaction and holds what it committed', async () => {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite expected');
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = database.db.transaction(async (tx) => {
      await appendAudit(tx, SYSTEM, { action: 'test.held' as AuditAction, objectType: 'audit' });
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let finished = false;
    const copy = backupPglite(pglite, null).then((result) => {
      finished = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toBe(false);
    release();
    await held;
    const { manifest, payload } = openArchive((await copy).archive);

    const [heldEntry] = await auditEntries(database.db, 'test.held');
    expect(manifest.auditHead).toEqual({ seq: heldEntry?.seq, hash: heldEntry?.hash });
    const restored = await PGlite.create({ extensions: pgliteExtensions, loadDataDir: new Blob([payload]) });
    try {
      const { rows } = await restored.query<{ action: string }>(
        'select action from audit_log order by seq desc limit 1',
      );
      expect(rows[0]?.action).toBe('test.held');
    } finally {
      await restored.close();
    }
  });
});

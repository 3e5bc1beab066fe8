import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/client';
import { openArchive } from '../modules/backup/backup-archive';
import { PNG } from '../test/attachment-fixtures';
import { CLI_SUITE_TIMEOUT, runCli } from '../test/cli';
import { startServerProcess } from '../test/server-process';
import { createTestDataFolder, testTempDir } from '../test/test-db';

/**
 * Issue 9, item 11: the embedded database could only be backed up with the server stopped. The drill:
 * a real server process holds the data folder and takes writes; `pnpm pd-desk backup` asks it for a
 * copy over the admin socket; the copy restores into a fresh folder, opens, holds the same rows, and
 * its audit chain verifies against the head its manifest names. The file store travels with it: an
 * attachment uploaded before the copy is in the restored store, byte for byte.
 */

describe('online backup of a running server, restored and verified', { timeout: CLI_SUITE_TIMEOUT }, () => {
  let dataDir: string;
  let server: ChildProcess;
  let baseUrl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = createTestDataFolder();
    env = { PD_DESK_DATA: dataDir };
    const seeded = await runCli(['seed', '--subjects', '300'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    ({ server, baseUrl } = await startServerProcess({ ...env, PD_DESK_DEMO: 'false' }));
  }, CLI_SUITE_TIMEOUT);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  test('the folder is held by the server, the admin socket is owner-only', () => {
    expect(fs.statSync(path.join(dataDir, 'admin.sock')).mode & 0o777).toBe(0o600);
  });

  test('backup while the server works, restore into a fresh folder, same rows and files, chain verifies', async () => {
    const out = path.join(testTempDir('backups'), 'online.tar');
    const attachment = await uploadAttachment(baseUrl);
    // Writes (failed sign-ins are audited) running while the copy is taken.
    const load = Array.from({ length: 12 }, () =>
      fetch(`${baseUrl}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pd-desk': '1' },
        body: JSON.stringify({ login: 'officer', password: 'wrong-password' }),
      }).then((r) => r.status),
    );
    const backup = await runCli(['backup', '--out', out], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Резервная копия записана запущенным сервером: /);
    expect(await Promise.all(load)).not.toContain(500);

    const { manifest } = openArchive(fs.readFileSync(out));
    expect(manifest.files?.count).toBe(1);
    const head = manifest.auditHead;
    if (!head) throw new Error('the copy of a seeded database names its audit head');

    // Same parent folder as the original: the restored copy is checked with the same audit key.
    const restored = path.join(path.dirname(dataDir), 'restored-data');
    const restore = await runCli(['restore', '--from', out], { PD_DESK_DATA: restored });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('Файлы восстановлены');
    const sha = createHash('sha256').update(attachment.bytes).digest('hex');
    const restoredFile = path.join(restored, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(fs.readFileSync(restoredFile)).toEqual(attachment.bytes);
    const verify = await runCli(['audit', 'verify', '--expect-head', head.hash], { PD_DESK_DATA: restored });
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toContain(`Ожидаемый хеш найден: запись №${head.seq}, после неё записей: 0.`);

    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const [original, copy] = [await rowCounts(dataDir), await rowCounts(restored)];
    expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
    // Every table but those the sign-in load and the backup itself wrote to after the copy was taken.
    const { audit_log: _a, login_throttle: _t, sessions: _s, ...rest } = original;
    for (const [table, rows] of Object.entries(rest)) expect(copy[table], table).toBe(rows);
    expect(copy.subjects).toBe(300);
    expect(copy.case_attachments).toBe(1);
    expect(copy.subject_phones).toBeGreaterThan(0);
    expect(copy.audit_log).toBe(head.seq);
    // The original went on: the backup itself is an audited event after the copy's head.
    expect(original.audit_log).toBeGreaterThan(head.seq);
    const after = await runCli(['audit', 'verify', '--expect-head', head.hash], env);
    expect(after.code, after.stdout).toBe(0);
  });
});

/** Signs in as the demo registrar, registers a case and attaches a scan to it, as the browser does. */
async function uploadAttachment(baseUrl: string): Promise<{ bytes: Buffer }> {
  const headers = { 'content-type': 'application/json', 'x-pd-desk': '1' };
  const signIn = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ login: 'registrar', password: 'demo-registrar-2026' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^pd_session=/);
  const created = await fetch(`${baseUrl}/trpc/cases.create`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({
      type: 'access',
      channel: 'post',
      requester: { kind: 'subject', name: 'Иванова Мария Петровна' },
      receivedOn: new Date().toISOString().slice(0, 10),
    }),
  });
  const caseId = ((await created.json()) as { result: { data: { id: number } } }).result.data.id;
  // A distinct scan, so the file this run stored is the one found after the restore.
  const bytes = Buffer.concat([PNG, Buffer.from(`drill ${Date.now()}`)]);
  const form = new FormData();
  form.append('caseId', String(caseId));
  form.append('file', new Blob([bytes]), 'скан.png');
  const upload = await fetch(`${baseUrl}/files/attachments`, {
    method: 'POST',
    headers: { cookie, 'x-pd-desk': '1' },
    body: form,
  });
  expect(upload.status).toBe(201);
  return { bytes };
}

async function rowCounts(dataDir: string): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir, command: 'test row counts' });
  const pglite = database.pglite;
  if (!pglite) throw new Error('a PGlite folder expected');
  try {
    const tables = await pglite.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await pglite.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
      counts[name] = result.rows[0]?.n ?? -1;
    }
    return counts;
  } finally {
    await database.close();
  }
}

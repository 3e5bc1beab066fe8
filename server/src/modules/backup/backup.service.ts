import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { DatabaseHandle } from '../../db/client';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import type { AuditHead } from '../audit/audit-chain';
import { type BackupManifest, buildArchive } from './backup-archive';
import { packFileStore } from './files-archive';

const gzip = promisify(zlib.gzip);

export type BackupResult = { archive: Buffer; manifest: BackupManifest; lockedMs: number };

/**
 * A consistent copy of a running embedded database. PGlite has one connection guarded by a transaction
 * mutex (every drizzle query and transaction takes it); holding it through our own transaction means the
 * dump is taken between other transactions, never inside one, and the audit head read in the same
 * section is exactly the head inside the copy. CHECKPOINT first, so the copied files need no WAL replay
 * to be complete. Compression happens after the mutex is released: other requests wait only for the
 * file copy (`lockedMs`).
 */
export async function backupPglite(pglite: PGlite, filesDir: string | null, now = new Date()): Promise<BackupResult> {
  const started = performance.now();
  const { tar, head } = await pglite.transaction(async (tx) => {
    await tx.exec('checkpoint');
    const { rows } = await tx.query<{ seq: number; hash: string }>(
      'select seq::int as seq, hash from audit_log order by seq desc limit 1',
    );
    const dump = await pglite.dumpDataDir('none');
    return { tar: Buffer.from(await dump.arrayBuffer()), head: (rows[0] ?? null) as AuditHead | null };
  });
  const lockedMs = performance.now() - started;
  // The database first, then the files: every file its copy references was stored before its row committed.
  const files = filesDir === null ? undefined : packFileStore(filesDir, now);
  const { archive, manifest } = buildArchive(await gzip(tar), head, now, files);
  return { archive, manifest, lockedMs };
}

export type BackupTrigger = 'button' | 'admin-socket' | 'schedule' | 'cli';

/**
 * The copy, written to `file` if given, then recorded in the audit trail (after the copy, so the head
 * inside the copy is the one its manifest names).
 */
export async function takeAuditedBackup(
  database: DatabaseHandle,
  trigger: BackupTrigger,
  actor: Actor,
  file: string | null,
  filesDir: string,
): Promise<BackupResult> {
  if (!database.pglite) {
    throw new DomainError('PRECONDITION_FAILED', msg('backup.postgres'));
  }
  const result = await backupPglite(database.pglite, filesDir);
  if (file) writeFileAtomically(file, result.archive);
  await database.db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'backup.created',
      objectType: 'backup',
      objectId: file ? path.basename(file) : null,
      details: {
        trigger,
        sizeBytes: result.archive.length,
        sha256: result.manifest.payload.sha256,
        auditHeadSeq: result.manifest.auditHead?.seq ?? null,
        files: result.manifest.files?.count ?? 0,
      },
    }),
  );
  return result;
}

/** Written aside, fsynced, renamed: a crash or a full disk never leaves a half file under the final name. */
export function writeFileAtomically(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const aside = `${file}.${process.pid}.partial`;
  try {
    const fd = fs.openSync(aside, 'w', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(aside, file);
    fsyncDirectory(path.dirname(file));
  } catch (error) {
    fs.rmSync(aside, { force: true });
    throw error;
  }
}

export function fsyncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

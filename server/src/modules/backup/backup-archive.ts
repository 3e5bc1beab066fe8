import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditHead } from '../audit/audit-chain';
import { readTarEntry, tarSize, writeTar } from './tar';

/**
 * A backup is a tar of `manifest.json` first (what this is, when, the audit head, and each part's size
 * and SHA-256), then `pgdata.tar.gz` (PGlite's dump of its data directory), then — from format 2 —
 * `files.tar` (the file store: attachments, by content; files-archive.ts). The
 * checksum proves the file was not truncated or damaged on its way; it is not a signature — a forged
 * copy is caught by the keyed audit chain and the head recorded elsewhere (ADR 0009).
 */
export const BACKUP_FORMAT = 'pd-desk-backup';
export const BACKUP_FORMAT_VERSION = 2;
const MANIFEST = 'manifest.json';
const PAYLOAD = 'pgdata.tar.gz';
const FILES = 'files.tar';

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  database: z.literal('pglite'),
  payload: z.object({ name: z.literal(PAYLOAD), size: z.number().int().nonnegative(), sha256: z.string() }),
  auditHead: z.object({ seq: z.number().int().positive(), hash: z.string() }).nullable(),
  /** Absent in format-1 copies, which held the database only. */
  files: z
    .object({ name: z.literal(FILES), size: z.number().int().nonnegative(), sha256: z.string(), count: z.number() })
    .optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Every way an archive can be unusable, told in Russian; the CLI prints it without a stack trace. */
export class BackupArchiveError extends Error {}

export type FilesPart = { tar: Buffer; count: number };

export function buildArchive(payload: Buffer, auditHead: AuditHead | null, createdAt: Date, files?: FilesPart) {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    database: 'pglite',
    payload: { name: PAYLOAD, size: payload.length, sha256: sha256(payload) },
    auditHead,
    ...(files && { files: { name: FILES, size: files.tar.length, sha256: sha256(files.tar), count: files.count } }),
  };
  const archive = writeTar(
    [
      { name: MANIFEST, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: PAYLOAD, data: payload },
      ...(files ? [{ name: FILES, data: files.tar }] : []),
    ],
    createdAt,
  );
  return { archive, manifest };
}

/** Checks format, size and checksum before anything is written; returns the payload to load. */
export function openArchive(archive: Buffer): { manifest: BackupManifest; payload: Buffer; files: Buffer | null } {
  if (archive[0] === 0x1f && archive[1] === 0x8b) {
    throw new BackupArchiveError(
      'это копия старого формата (сжатый архив без описи и контрольной суммы): её нельзя проверить перед ' +
        'восстановлением. Сделайте новую копию командой pnpm pd-desk backup',
    );
  }
  if (archive.length === 0) throw new BackupArchiveError('файл пуст');
  const first = readTarEntry(archive, 0);
  if (first.kind === 'truncated') throw truncated(first.needed, archive.length);
  if (first.kind !== 'entry' || first.name !== MANIFEST) {
    throw new BackupArchiveError('это не резервная копия PD Desk: в начале файла нет описи manifest.json');
  }
  if (archive.length < first.dataStart + first.size) throw truncated(first.dataStart + first.size, archive.length);
  const manifest = parseManifest(archive.subarray(first.dataStart, first.dataStart + first.size));
  const expectedSize = tarSize([first.size, manifest.payload.size, ...(manifest.files ? [manifest.files.size] : [])]);
  if (archive.length < expectedSize) throw truncated(expectedSize, archive.length);
  const second = readTarEntry(archive, first.next);
  if (second.kind !== 'entry' || second.name !== PAYLOAD || second.size !== manifest.payload.size) {
    throw new BackupArchiveError('копия повреждена: после описи нет данных базы того размера, что указан в описи');
  }
  const payload = archive.subarray(second.dataStart, second.dataStart + second.size);
  if (sha256(payload) !== manifest.payload.sha256) {
    throw new BackupArchiveError(
      'копия повреждена: контрольная сумма SHA-256 данных не совпадает с записанной при создании копии',
    );
  }
  return { manifest, payload, files: manifest.files ? filesPart(archive, second.next, manifest.files) : null };
}

function filesPart(archive: Buffer, offset: number, described: NonNullable<BackupManifest['files']>): Buffer {
  const entry = readTarEntry(archive, offset);
  if (entry.kind !== 'entry' || entry.name !== FILES || entry.size !== described.size) {
    throw new BackupArchiveError('копия повреждена: после базы нет архива файлов того размера, что указан в описи');
  }
  const files = archive.subarray(entry.dataStart, entry.dataStart + entry.size);
  if (sha256(files) !== described.sha256) {
    throw new BackupArchiveError('копия повреждена: контрольная сумма SHA-256 архива файлов не совпадает с описью');
  }
  return files;
}

function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BackupArchiveError('опись manifest.json повреждена (не читается как JSON)');
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupArchiveError(
      `копия сделана более новой версией PD Desk (формат ${version}); эта версия понимает формат ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupArchiveError('опись manifest.json не описывает копию PD Desk');
  return parsed.data;
}

function truncated(expected: number, actual: number): BackupArchiveError {
  return new BackupArchiveError(
    `копия обрезана: ожидалось ${expected.toLocaleString('ru-RU')} байт, в файле ${actual.toLocaleString('ru-RU')}`,
  );
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

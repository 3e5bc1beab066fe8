import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions as extensions } from '../../db/client';
import { lockDataFolder } from '../../db/data-folder-lock';
import { fsyncDirectory } from './backup.service';
import { BackupArchiveError, type BackupManifest, openArchive } from './backup-archive';
import { unpackFileStore } from './files-archive';

/**
 * Restores into `<dataDir>/pgdata` only if that does not exist yet (or is empty). The archive is checked
 * before anything is created; the database is then unpacked and opened in a temporary folder beside the
 * target and renamed into place in one step, so any failure leaves the data folder as it was. The files
 * go into the file store before that rename: content-addressed, each checked by its name, they only add.
 */
export async function restoreBackup(fromFile: string, dataDir: string, filesDir: string): Promise<BackupManifest> {
  if (!fs.existsSync(fromFile)) throw new BackupArchiveError(`файл не найден: ${fromFile}`);
  const { manifest, payload, files } = openArchive(fs.readFileSync(fromFile));
  const pgdata = path.join(dataDir, 'pgdata');
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
    throw new BackupArchiveError(
      `папка ${pgdata} не пуста: восстановление не перезаписывает данные. Укажите новую PD_DESK_DATA.`,
    );
  }
  const createdDataDir = !fs.existsSync(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(dataDir, 'cli restore');
  const staging = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    await loadAndCheck(payload, path.join(staging, 'pgdata'), manifest);
    if (files) unpackFileStore(files, filesDir);
    fs.rmSync(pgdata, { recursive: true, force: true }); // an empty leftover folder only, checked above
    fs.renameSync(path.join(staging, 'pgdata'), pgdata);
    fsyncDirectory(dataDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock.release();
    if (createdDataDir && !fs.existsSync(pgdata)) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return manifest;
}

/** Opens the unpacked copy once: it must start, and hold the audit head its manifest promises. */
async function loadAndCheck(payload: Buffer, pgdata: string, manifest: BackupManifest): Promise<void> {
  let client: PGlite;
  try {
    client = await PGlite.create(pgdata, { extensions, loadDataDir: new Blob([payload]) });
  } catch {
    throw new BackupArchiveError('данные базы в копии не открываются, хотя контрольная сумма верна');
  }
  try {
    const { rows } = await client
      .query<{ seq: number; hash: string }>('select seq::int as seq, hash from audit_log order by seq desc limit 1')
      .catch(() => {
        throw new BackupArchiveError('в копии нет журнала аудита PD Desk');
      });
    const head = rows[0] ?? null;
    if (head?.hash !== manifest.auditHead?.hash) {
      throw new BackupArchiveError('последняя запись журнала аудита в копии не совпадает с описью копии');
    }
  } finally {
    await client.close();
  }
}

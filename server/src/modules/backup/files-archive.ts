import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './backup.service';
import { BackupArchiveError, sha256 } from './backup-archive';
import { readTarEntry, type TarEntry, writeTar } from './tar';

/**
 * The file store in a backup: every stored file as `aa/bb/<sha256>` in a plain tar. The store is
 * content-addressed and only ever added to (a file is written and fsynced before the row that names it
 * commits), so a listing taken after the database copy holds every file that copy references; later
 * uploads in it are harmless extras the orphan clean-up removes after a restore. Temporary uploads
 * (`tmp/`) and set-aside files are not part of the store and are skipped.
 */
const STORED = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export function packFileStore(filesDir: string, mtime: Date): { tar: Buffer; count: number } {
  const entries: TarEntry[] = [];
  const top = fs.existsSync(filesDir) ? fs.readdirSync(filesDir).sort() : [];
  for (const a of top.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    for (const b of fs.readdirSync(path.join(filesDir, a)).sort()) {
      for (const name of fs.readdirSync(path.join(filesDir, a, b)).sort()) {
        const relative = `${a}/${b}/${name}`;
        if (STORED.test(relative))
          entries.push({ name: relative, data: fs.readFileSync(path.join(filesDir, relative)) });
      }
    }
  }
  return { tar: writeTar(entries, mtime), count: entries.length };
}

/**
 * Puts every file of the backup back into the store, each checked against its own name (its SHA-256);
 * files already there are left as they are — same name, same content.
 */
export function unpackFileStore(tar: Buffer, filesDir: string): number {
  let restored = 0;
  for (let offset = 0; ; ) {
    const entry = readTarEntry(tar, offset);
    if (entry.kind === 'end') return restored;
    if (entry.kind !== 'entry' || !STORED.test(entry.name)) {
      throw new BackupArchiveError('копия повреждена: в архиве файлов запись, которой там быть не может');
    }
    const data = tar.subarray(entry.dataStart, entry.dataStart + entry.size);
    if (sha256(data) !== path.basename(entry.name)) {
      throw new BackupArchiveError(`копия повреждена: файл ${entry.name} не совпадает со своей контрольной суммой`);
    }
    const target = path.join(filesDir, entry.name);
    if (!fs.existsSync(target)) {
      writeFileAtomically(target, data);
      restored++;
    }
    offset = entry.next;
  }
}

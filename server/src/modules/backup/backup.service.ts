import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions as extensions } from '../../db/client';
import { lockDataFolder } from '../../db/data-folder-lock';

/** PGlite's own consistent dump of the data directory, taken under the folder lock. */
export async function backupPglite(dataDir: string, outFile: string): Promise<number> {
  const lock = lockDataFolder(dataDir, 'cli backup');
  try {
    const client = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions });
    try {
      const dump = await client.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.writeFileSync(outFile, bytes, { mode: 0o600 });
      return bytes.length;
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

export async function restorePglite(fromFile: string, pgdata: string): Promise<void> {
  const blob = new Blob([fs.readFileSync(fromFile)]);
  const client = await PGlite.create(pgdata, { extensions, loadDataDir: blob });
  await client.query('select 1');
  await client.close();
}

import fsp from 'node:fs/promises';
import { type BackgroundLog, repeatInBackground } from '../../background-task';
import type { Db } from '../../db/client';
import { referencedFiles } from './file-references';
import { type FileStore, SET_ASIDE_SUFFIX } from './file-store';

/** Old enough that no upload still on its way to committing its row can own the file. */
export const ORPHAN_MIN_AGE_HOURS = 24;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

type StoreEntry = { path: string; sha256: string | null; mtimeMs: number };

/**
 * Removes files no row references (an upload whose transaction failed, a refused case) and temporary
 * files left by an interrupted upload, once they are older than `minAgeHours`.
 */
export async function removeOrphanFiles(
  db: Db,
  store: FileStore,
  { minAgeHours = ORPHAN_MIN_AGE_HOURS, now = Date.now() } = {},
): Promise<{ removed: number; kept: number }> {
  const cutoff = now - minAgeHours * 60 * 60 * 1000;
  const result = { removed: 0, kept: 0 };
  let batch: StoreEntry[] = [];
  const sweep = async () => {
    const referenced = await referencedFiles(
      db,
      batch.map((e) => e.sha256 as string),
    );
    for (const entry of batch) {
      const removed = !referenced.has(entry.sha256 as string) && (await removeUnlessRefreshed(entry.path, cutoff));
      result[removed ? 'removed' : 'kept']++;
    }
    batch = [];
  };
  for await (const entry of store.entries()) {
    if (entry.mtimeMs > cutoff) {
      result.kept++;
    } else if (entry.sha256 === null) {
      await fsp.rm(entry.path, { force: true });
      result.removed++;
    } else {
      batch.push(entry);
      if (batch.length >= BATCH) await sweep();
    }
  }
  await sweep();
  return result;
}

/**
 * An upload of the same bytes renames a fresh copy onto the same name at any moment. Moving the file
 * aside first makes the age check and the removal one decision: a copy renamed in before the move
 * shows a fresh age and goes back; one renamed in after it is untouched.
 */
async function removeUnlessRefreshed(file: string, cutoff: number): Promise<boolean> {
  const aside = `${file}${SET_ASIDE_SUFFIX}`;
  try {
    await fsp.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if ((await fsp.stat(aside)).mtimeMs > cutoff) {
    await fsp.rename(aside, file);
    return false;
  }
  await fsp.rm(aside, { force: true });
  return true;
}

/** At start and then daily; a failure is logged and retried the next day, never fatal. */
export function scheduleOrphanCleanup(db: Db, store: FileStore, log: BackgroundLog): () => void {
  return repeatInBackground('file store: orphan clean-up', DAY_MS, () => removeOrphanFiles(db, store), log);
}

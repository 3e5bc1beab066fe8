import fs from 'node:fs';
import path from 'node:path';

export const DAY_MS = 24 * 60 * 60 * 1000;
const RETRY_MS = 60 * 60 * 1000;
/** Not at the very start: the server first answers its users, then does housekeeping. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

/** Runs again a day after the last run; a task that never ran (or ran over a day ago) runs soon. */
export function nextRunDelay(lastRunAt: Date | null, now: Date): number {
  if (!lastRunAt) return FIRST_RUN_DELAY_MS;
  return Math.max(FIRST_RUN_DELAY_MS, lastRunAt.getTime() + DAY_MS - now.getTime());
}

type Log = { warn(obj: object, msg: string): void };

/**
 * A daily task that survives restarts: the last run is read from where the task leaves its trace
 * (the newest backup file, the anchor file). A failure is retried in an hour. Timers are unref'd so
 * they never keep a stopping process alive.
 */
export function scheduleDaily(name: string, lastRunAt: () => Date | null, run: () => Promise<unknown>, log: Log) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const plan = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      run().then(
        () => plan(DAY_MS),
        (error: unknown) => {
          log.warn({ err: error, task: name }, 'daily task failed, retrying in an hour');
          plan(RETRY_MS);
        },
      );
    }, delay);
    timer.unref();
  };
  plan(nextRunDelay(lastRunAt(), new Date()));
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

const BACKUP_FILE = /^pd-desk-backup-\d{8}T\d{9}Z\.tar$/;

export function backupFileName(at: Date): string {
  return `pd-desk-backup-${at.toISOString().replace(/[-:.]/g, '')}.tar`;
}

export type BackupFileInfo = { name: string; sizeBytes: number; createdAt: string };

/** Our backups in `dir`, newest first (the name sorts by time); other files are never touched. */
export function listBackups(dir: string): BackupFileInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort()
    .reverse()
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
    });
}

/** Keeps the newest `keep` backups and removes the rest; returns the names removed. */
export function rotateBackups(dir: string, keep: number): string[] {
  const removed = listBackups(dir)
    .slice(keep)
    .map((b) => b.name);
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is one PostgreSQL backend inside this process: a second process opening the same files
 * would corrupt them silently. An exclusive lock file (created with O_EXCL) turns that into a
 * clear refusal; a lock left by a crashed process is taken over.
 */
export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `Папка данных ${dataDir} уже открыта другим процессом PD Desk (pid ${holder.pid}, ${holder.command}, с ${holder.startedAt}). ` +
        'Встроенная база допускает только один процесс: остановите сервер перед командой CLI ' +
        'или запустите всё на PostgreSQL (DATABASE_URL).',
    );
  }
}

type LockInfo = { pid: number; hostname: string; startedAt: string; command: string };

export type DataFolderLock = { release(): void };

export function lockDataFolder(dataDir: string, command: string): DataFolderLock {
  const lockPath = path.join(dataDir, 'pd-desk.lock');
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOurs(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockPath);
      if (holder && isAlive(holder)) throw new DataFolderBusyError(dataDir, holder);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Не удалось захватить ${lockPath}`);
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(holder: LockInfo): boolean {
  // A lock from another host (shared folder) cannot be probed: treat it as held.
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(lockPath: string): void {
  const holder = readLock(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}

import path from 'node:path';
import type { DatabaseHandle } from '../../db/client';
import type { Config } from '../../env';
import type { Actor } from '../../service-context';
import { anchorsConfigured, lastAnchorAt, writeAnchor } from '../audit/audit-anchor';
import { auditHead } from '../audit/audit-chain';
import { listenAdminSocket } from './admin-socket';
import { type BackupResult, type BackupTrigger, takeAuditedBackup } from './backup.service';
import { backupFileName, listBackups, rotateBackups, scheduleDaily } from './backup-schedule';

type Log = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

const SERVER_ACTOR: Actor = { userId: null, login: 'system', role: 'system', ip: null };

export type OnlineBackups = ReturnType<typeof createOnlineBackups>;

let running: OnlineBackups | null = null;

/** The server's backup runtime, for the admin procedures; null in processes that did not start one. */
export function onlineBackups(): OnlineBackups | null {
  return running;
}

/**
 * Everything the running server does for backups and anchors: the admin socket (`pnpm pd-desk backup`
 * beside a running server), the admin's button, the daily backup with rotation and the daily anchor.
 */
export async function startOnlineBackups(options: { config: Config; database: DatabaseHandle; log: Log }) {
  const backups = createOnlineBackups(options);
  await backups.start();
  running = backups;
  return {
    backups,
    async stop() {
      if (running === backups) running = null;
      await backups.stop();
    },
  };
}

function createOnlineBackups({ config, database, log }: { config: Config; database: DatabaseHandle; log: Log }) {
  const stops: Array<() => unknown> = [];
  // One backup at a time: the button, the CLI and the schedule may ask together.
  let queue: Promise<unknown> = Promise.resolve();

  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  }

  function backup(trigger: BackupTrigger, actor: Actor, file: string | null): Promise<BackupResult> {
    return serialised(async () => {
      const result = await takeAuditedBackup(database, trigger, actor, file, config.filesDir);
      log.info({ trigger, bytes: result.archive.length, lockedMs: Math.round(result.lockedMs) }, 'backup created');
      return result;
    });
  }

  /** Into PD_DESK_BACKUP_DIR, then the oldest beyond PD_DESK_BACKUP_KEEP are removed. */
  async function backupToFolder(trigger: BackupTrigger, actor: Actor) {
    if (!config.backupDir) throw new Error('PD_DESK_BACKUP_DIR is not set');
    const file = path.join(config.backupDir, backupFileName(new Date()));
    const result = await backup(trigger, actor, file);
    const removed = rotateBackups(config.backupDir, config.backupKeep);
    return { file: path.basename(file), sizeBytes: result.archive.length, manifest: result.manifest, removed };
  }

  async function start() {
    if (database.pglite) {
      // Without the socket only `pnpm pd-desk backup` beside the running server is lost: never a reason not to start.
      const socket = await listenAdminSocket(
        config.dataDir,
        async () => (await backup('admin-socket', SERVER_ACTOR, null)).archive,
        log,
      ).catch((error: unknown) => {
        log.warn({ err: error }, 'admin socket not available (is the data folder path over ~100 bytes?)');
        return null;
      });
      if (socket) stops.push(() => socket.close());
    }
    const backupDir = config.backupDir;
    if (database.pglite && backupDir) {
      const last = () => {
        const newest = listBackups(backupDir)[0];
        return newest ? new Date(newest.createdAt) : null;
      };
      const task = scheduleDaily('backup', last, () => backupToFolder('schedule', SERVER_ACTOR), log);
      stops.push(() => task.stop());
    }
    if (anchorsConfigured(config)) {
      const anchor = async () => {
        const head = await auditHead(database.db);
        if (head) await writeAnchor(config, head, new Date());
      };
      const task = scheduleDaily('audit anchor', () => lastAnchorAt(config), anchor, log);
      stops.push(() => task.stop());
    }
  }

  return {
    start,
    backupToFolder,
    async stop() {
      for (const stop of stops.splice(0)) await stop();
      await queue;
    },
  };
}

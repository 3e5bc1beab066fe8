import { msg } from '@pd-desk/shared/messages/catalogue';
import type { Config } from '../../env';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { listBackups } from './backup-schedule';
import { onlineBackups } from './online-backup';

/**
 * What the admin screen shows: whether the button can work here and, if not, why (PostgreSQL is backed
 * up with pg_dump; the folder must be configured), and the copies in the folder. File names and sizes
 * only: the folder holds personal data, the browser never receives a copy.
 */
export function backupStatus(config: Config) {
  const database = config.databaseUrl ? ('postgres' as const) : ('pglite' as const);
  return {
    database,
    backupDir: config.backupDir ?? null,
    keep: config.backupKeep,
    available: database === 'pglite' && Boolean(config.backupDir) && onlineBackups() !== null,
    backups: config.backupDir ? listBackups(config.backupDir) : [],
  };
}

export async function createBackupNow(config: Config, actor: Actor) {
  if (config.databaseUrl) {
    throw new DomainError('PRECONDITION_FAILED', msg('backup.postgres'));
  }
  if (!config.backupDir) {
    throw new DomainError('PRECONDITION_FAILED', msg('backup.noDir'));
  }
  const backups = onlineBackups();
  if (!backups) throw new DomainError('PRECONDITION_FAILED', msg('backup.notRunning'));
  const { file, sizeBytes, manifest, removed } = await backups.backupToFolder('button', actor);
  return {
    file,
    sizeBytes,
    auditHead: manifest.auditHead,
    removed: removed.length,
  };
}

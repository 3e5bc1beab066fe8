import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { DataFolderBusyError } from '../../db/data-folder-lock';
import { type Config, loadConfig } from '../../env';
import { requestBackupFromServer } from './admin-socket';
import { takeAuditedBackup, writeFileAtomically } from './backup.service';
import { BackupArchiveError, type BackupManifest, openArchive } from './backup-archive';
import { backupFileName, rotateBackups } from './backup-schedule';
import { restoreBackup } from './restore';

const CLI_ACTOR = { userId: null, login: 'cli', role: 'system', ip: null };

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('резервная копия встроенной базы; при запущенном сервере её делает сервер (для PostgreSQL — pg_dump)')
    .option('--out <file>', 'куда записать копию (по умолчанию — новый файл в PD_DESK_BACKUP_DIR)')
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      if (config.databaseUrl)
        throw new CliError('Для PostgreSQL сделайте копию штатно: pg_dump --format=custom "$DATABASE_URL"');
      const out = backupTarget(config, opts.out);
      if (!fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
        throw new CliError(`В папке ${config.dataDir} нет базы: копировать нечего`);
      }
      const { manifest, sizeBytes, how } = await backupLocallyOrViaServer(config, out);
      if (!opts.out && config.backupDir) rotateBackups(config.backupDir, config.backupKeep);
      print(`Резервная копия записана${how}: ${out} (${(sizeBytes / 1024 / 1024).toFixed(1)} МБ)`);
      printHead(manifest);
    });
  program
    .command('restore')
    .description('восстановить встроенную базу из копии в ПУСТУЮ папку данных (PD_DESK_DATA)')
    .requiredOption('--from <file>', 'файл копии')
    .action(async (opts: { from: string }) => {
      const config = loadConfig();
      if (config.databaseUrl) throw new CliError('Для PostgreSQL восстановите копию через pg_restore');
      try {
        const manifest = await restoreBackup(path.resolve(opts.from), config.dataDir, config.filesDir);
        print(`База восстановлена в ${path.join(config.dataDir, 'pgdata')} (копия от ${manifest.createdAt})`);
        if (manifest.files) print(`Файлы восстановлены в ${config.filesDir}: ${manifest.files.count}`);
        printHead(manifest);
      } catch (error) {
        if (!(error instanceof BackupArchiveError)) throw error;
        throw new CliError(`Копия не восстановлена: ${error.message}. Папка данных не изменена.`);
      }
    });
}

function backupTarget(config: Config, out: string | undefined): string {
  if (out) return path.resolve(out);
  if (config.backupDir) return path.join(config.backupDir, backupFileName(new Date()));
  throw new CliError('Укажите, куда записать копию: --out ФАЙЛ, или задайте папку PD_DESK_BACKUP_DIR');
}

/** The folder is free: open it here. Held by the running server: ask the server over its admin socket. */
async function backupLocallyOrViaServer(config: Config, out: string) {
  try {
    return await withDatabase('backup', async ({ database }) => {
      const { manifest, archive } = await takeAuditedBackup(database, 'cli', CLI_ACTOR, out, config.filesDir);
      return { manifest, sizeBytes: archive.length, how: '' };
    });
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
  }
  const archive = await requestBackupFromServer(config.dataDir);
  // Checked before it is kept: a copy that would not restore is worse than none.
  const { manifest } = openArchive(archive);
  writeFileAtomically(out, archive);
  return { manifest, sizeBytes: archive.length, how: ' запущенным сервером' };
}

function printHead(manifest: BackupManifest): void {
  if (!manifest.auditHead) return;
  print(`Журнал аудита в копии: запись №${manifest.auditHead.seq}, хеш ${manifest.auditHead.hash}`);
  print(`Проверка после восстановления: pnpm pd-desk audit verify --expect-head ${manifest.auditHead.hash}`);
}

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, print } from '../../cli/runtime';
import { lockDataFolder } from '../../db/data-folder-lock';
import { loadConfig } from '../../env';
import { backupPglite, restorePglite } from './backup.service';

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('резервная копия встроенной базы в файл .tar.gz (для PostgreSQL используйте pg_dump)')
    .requiredOption('--out <file>', 'куда записать копию')
    .action(async (opts: { out: string }) => {
      const config = loadConfig();
      if (config.databaseUrl)
        throw new CliError('Для PostgreSQL сделайте копию штатно: pg_dump --format=custom "$DATABASE_URL"');
      const bytes = await backupPglite(config.dataDir, path.resolve(opts.out));
      print(`Резервная копия записана: ${path.resolve(opts.out)} (${(bytes / 1024 / 1024).toFixed(1)} МБ)`);
    });
  program
    .command('restore')
    .description('восстановить встроенную базу из копии в ПУСТУЮ папку данных (PD_DESK_DATA)')
    .requiredOption('--from <file>', 'файл копии .tar.gz')
    .action(async (opts: { from: string }) => {
      const config = loadConfig();
      if (config.databaseUrl) throw new CliError('Для PostgreSQL восстановите копию через pg_restore');
      if (!fs.existsSync(opts.from)) throw new CliError(`Файл не найден: ${opts.from}`);
      const pgdata = path.join(config.dataDir, 'pgdata');
      if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
        throw new CliError(
          `Папка ${pgdata} не пуста: восстановление не перезаписывает данные. Укажите новую PD_DESK_DATA.`,
        );
      }
      fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      const lock = lockDataFolder(config.dataDir, 'cli restore');
      try {
        await restorePglite(path.resolve(opts.from), pgdata);
      } finally {
        lock.release();
      }
      print(`База восстановлена в ${pgdata}`);
    });
}

import type { Command } from 'commander';
import { print, withDatabase } from '../../cli/runtime';
import { ORPHAN_MIN_AGE_HOURS, removeOrphanFiles } from './file-gc';
import { FileStore } from './file-store';

export function registerFileCommands(program: Command) {
  const files = program.command('files').description('хранилище файлов (вложения обращений)');
  files
    .command('gc')
    .description('удалить файлы, на которые не ссылается ни одна запись')
    .option('--older-than-hours <n>', 'не трогать файлы моложе этого', String(ORPHAN_MIN_AGE_HOURS))
    .action((opts: { olderThanHours: string }) =>
      withDatabase('files gc', async ({ config, database }) => {
        const minAgeHours = Number(opts.olderThanHours);
        const { removed, kept } = await removeOrphanFiles(database.db, new FileStore(config.filesDir), {
          minAgeHours: Number.isFinite(minAgeHours) && minAgeHours >= 0 ? minAgeHours : ORPHAN_MIN_AGE_HOURS,
        });
        print(`Хранилище ${config.filesDir}: удалено ненужных файлов ${removed}, оставлено ${kept}`);
      }),
    );
}

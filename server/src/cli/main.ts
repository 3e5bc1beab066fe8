import { Command, CommanderError } from 'commander';
import { DataFolderBusyError } from '../db/data-folder-lock';
import { ConfigError } from '../env';
import { DomainError } from '../errors';
import { registerAuditCommands } from '../modules/audit/audit.cli';
import { AuditKeyError } from '../modules/audit/audit-key';
import { AdminChannelError } from '../modules/backup/admin-socket';
import { registerBackupCommands } from '../modules/backup/backup.cli';
import { BackupArchiveError } from '../modules/backup/backup-archive';
import { registerCalendarCommands } from '../modules/calendar/calendar.cli';
import { registerDemoCommands } from '../modules/demo/demo.cli';
import { registerFileCommands } from '../modules/files/files.cli';
import { registerIntegrationCommands } from '../modules/integrations/integrations.cli';
import { registerMailCommands } from '../modules/mail/mail.cli';
import { registerOcrCommand } from '../modules/mail/ocr/ocr.cli';
import { registerSubjectCommands } from '../modules/subjects/subjects.cli';
import { registerUserCommands } from '../modules/users/users.cli';
import { CliError, print, withDatabase } from './runtime';

const program = new Command('pd-desk')
  .description(
    'PD Desk: командная строка (миграции, демо-данные, пользователи, журнал аудита, резервные копии, распознавание писем)',
  )
  .exitOverride();

program
  .command('migrate')
  .description('применить миграции базы данных')
  .action(() =>
    withDatabase('migrate', async ({ database }) => {
      print(`Миграции применены (${database.kind}: ${database.location})`);
    }),
  );

registerUserCommands(program);
registerAuditCommands(program);
registerDemoCommands(program);
registerBackupCommands(program);
registerCalendarCommands(program);
registerSubjectCommands(program);
registerFileCommands(program);
registerMailCommands(program);
registerOcrCommand(program);
registerIntegrationCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const known =
    error instanceof CliError ||
    error instanceof DomainError ||
    error instanceof ConfigError ||
    error instanceof AuditKeyError ||
    error instanceof AdminChannelError ||
    error instanceof BackupArchiveError ||
    error instanceof DataFolderBusyError;
  process.stderr.write(`Ошибка: ${error instanceof Error && known ? error.message : String(error)}\n`);
  if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

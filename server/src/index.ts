import { systemClock } from './clock';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { ConfigError, loadConfig } from './env';
import { requireKeyedChain } from './modules/audit/audit-chain';
import { loadAuditKey, useAuditKey } from './modules/audit/audit-key';
import { startOnlineBackups } from './modules/backup/online-backup';
import { refreshCalendarSnapshot } from './modules/calendar/calendar.service';
import { seedDemoCasesIfEmpty } from './modules/demo/demo-cases';
import { seedSubjectRecordsForAll } from './modules/demo/demo-records';
import { seedDemoSubjectsIfEmpty } from './modules/demo/demo-subjects';
import { createDemoUsersIfEmpty, DEMO_USERS } from './modules/demo/demo-users';
import { scheduleOrphanCleanup } from './modules/files/file-gc';
import { FileStore } from './modules/files/file-store';
import { moveLegacyAttachmentContents } from './modules/files/legacy-contents';
import { scheduleCaseCountCompaction } from './modules/triage/case-counts';
import { createServer } from './server';
import { type ServiceContext, SYSTEM_ACTOR } from './service-context';

async function main() {
  const config = loadConfig();
  const startedAt = performance.now();
  useAuditKey(loadAuditKey(config));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'server' });
  await runMigrations(database);
  await requireKeyedChain(database.db, config);
  const files = new FileStore(config.filesDir);
  const movedFiles = await moveLegacyAttachmentContents(database.db, files);
  // `pd-desk due` reads the admin's calendar years from this file while the server holds the folder.
  if (database.kind === 'pglite') await refreshCalendarSnapshot(database.db, config.dataDir);
  const system: ServiceContext = { db: database.db, actor: SYSTEM_ACTOR, clock: systemClock(config.timeZone) };
  const demoCreated = config.demo && (await createDemoUsersIfEmpty(system));
  const demoSubjects = demoCreated ? await seedDemoSubjectsIfEmpty(system) : null;
  // Records and consents make the subject page worth opening; only for the small first-start set.
  if (demoSubjects) await seedSubjectRecordsForAll(database.db);
  // Keep last among the demo seeds: the cases link the demo subjects (and do without them).
  const demoCases = demoCreated ? await seedDemoCasesIfEmpty(system) : 0;
  const server = createServer({ config, database });
  const { url } = await server.start();
  scheduleOrphanCleanup(database.db, files, server.app.log);
  scheduleCaseCountCompaction(database.db, server.app.log);
  const backups = await startOnlineBackups({ config, database, log: server.app.log });

  const lines = [
    '',
    `PD Desk запущен: ${url}`,
    `База данных: ${database.kind === 'pglite' ? `встроенная (PGlite), папка ${database.location}` : database.location}`,
    `Время запуска: ${Math.round(performance.now() - startedAt)} мс`,
  ];
  if (demoCreated) {
    lines.push('Созданы демо-пользователи (логин / пароль):');
    for (const u of DEMO_USERS) lines.push(`  ${u.login.padEnd(10)} ${u.password.padEnd(22)} ${u.role}`);
  }
  if (demoSubjects) lines.push(`Созданы демо-субъекты: ${demoSubjects.created}`);
  if (demoCases > 0) lines.push(`Созданы демо-обращения: ${demoCases}`);
  if (movedFiles > 0) lines.push(`Вложения перенесены из базы в хранилище файлов ${files.root}: ${movedFiles}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: finishing running requests');
    try {
      await backups.stop();
      await server.stop();
      process.exit(0);
    } catch (error) {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`PD Desk не запущен: ${message}\n`);
  process.exit(1);
});

import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { ConfigError, loadConfig } from './env';
import { requireKeyedChain } from './modules/audit/audit.chain';
import { loadAuditKey, useAuditKey } from './modules/audit/audit.key';
import { startOnlineBackups } from './modules/backup/backup.online';
import { refreshCalendarSnapshot } from './modules/calendar/calendar.service';
import { seedDemoCasesIfEmpty } from './modules/demo/demo-cases';
import { seedDemoSubjectsIfEmpty } from './modules/demo/demo-subjects';
import { createDemoUsersIfEmpty, DEMO_USERS, SYSTEM_ACTOR } from './modules/demo/demo-users';
import { seedSubjectRecordsForAll } from './modules/subjects/subject-records.seed';
import { createServer } from './server';

async function main() {
  const config = loadConfig();
  const startedAt = performance.now();
  useAuditKey(loadAuditKey(config));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'server' });
  await runMigrations(database);
  await requireKeyedChain(database.db, config);
  // `pd-desk due` reads the admin's calendar years from this file while the server holds the folder.
  if (database.kind === 'pglite') await refreshCalendarSnapshot(database.db, config.dataDir);
  const demoCreated = process.env.PD_DESK_DEMO !== 'false' && (await createDemoUsersIfEmpty(database.db));
  const demoSubjects = demoCreated ? await seedDemoSubjectsIfEmpty(database.db, SYSTEM_ACTOR) : null;
  // Records and consents make the subject page worth opening; only for the small first-start set.
  if (demoSubjects) await seedSubjectRecordsForAll(database.db);
  // Keep last among the demo seeds: the cases link the demo subjects (and do without them).
  const demoCases = demoCreated ? await seedDemoCasesIfEmpty(database.db, config.timeZone) : 0;
  const server = createServer({ config, database });
  const { url } = await server.start();
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

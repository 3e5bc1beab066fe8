import { systemClock } from '../clock';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { type Config, loadConfig } from '../env';
import { requireKeyedChain } from '../modules/audit/audit-chain';
import { loadAuditKey, useAuditKey } from '../modules/audit/audit-key';
import { FileStore } from '../modules/files/file-store';
import { moveLegacyAttachmentContents } from '../modules/files/legacy-contents';
import { type ServiceContext, SYSTEM_ACTOR } from '../service-context';

/** `service`: what commands pass to services — the system acts, on the operator's clock. */
export type CliRuntime = { config: Config; database: DatabaseHandle; service: ServiceContext };

/**
 * Opens the configured database (refusing a PGlite folder held by the server), migrates, runs, closes.
 * `readOnly` commands (audit verify) leave the audit chain as they found it; the others first make sure
 * the chain is keyed with this key, so they never append to a trail signed with another one.
 */
export async function withDatabase<T>(
  command: string,
  fn: (runtime: CliRuntime) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  useAuditKey(loadAuditKey(config));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command: `cli ${command}`,
  });
  try {
    await runMigrations(database);
    if (!options.readOnly) await requireKeyedChain(database.db, config);
    await moveLegacyAttachmentContents(database.db, new FileStore(config.filesDir));
    const service = { db: database.db, actor: SYSTEM_ACTOR, clock: systemClock(config.timeZone) };
    return await fn({ config, database, service });
  } finally {
    await database.close();
  }
}

/** Errors meant for people end the command with exit code 1 and no stack trace. */
export class CliError extends Error {}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

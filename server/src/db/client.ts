import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DataFolderLock, lockDataFolder } from './data-folder-lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** One type for both drivers: services never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs and the CLI; never includes a password. */
  location: string;
  /** The embedded client itself (PGlite only): online backups dump its data directory. */
  pglite?: PGlite;
  /** The PostgreSQL pool (PostgreSQL only): the webhook dispatcher LISTENs on a connection of its own. */
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who holds the PGlite folder (shown to a second process that is refused). */
  command: string;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.command);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection closed by the server (restart, failover, admin) must not crash the process: the pool
  // drops it and the next query opens a fresh one. Without a listener Node treats the event as uncaught.
  pool.on('error', () => {});
  const client = await pool.connect().catch((error: Error) => {
    void pool.end();
    throw new Error(`Не удалось подключиться к PostgreSQL (${redactUrl(url)}): ${error.message}`);
  });
  client.release();
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'postgres', location: redactUrl(url), pool, close: () => pool.end() };
}

/** Extensions every PGlite instance loads (search needs both); PostgreSQL gets them via CREATE EXTENSION. */
export const pgliteExtensions = { pg_trgm, fuzzystrmatch };

async function openPglite(dataDir: string, command: string): Promise<DatabaseHandle> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // mkdir keeps an existing folder's mode: tighten it, the folder holds personal data.
  fs.chmodSync(dataDir, 0o700);
  const lock: DataFolderLock = lockDataFolder(dataDir, command);
  try {
    const client = await PGlite.create(path.join(dataDir, 'pgdata'), {
      extensions: pgliteExtensions,
    });
    const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dataDir,
      pglite: client,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * One connection of the database for work that needs session state (a temporary table, COPY): the PGlite instance
 * itself, or a client taken from the PostgreSQL pool for the duration of `fn`, with a query builder bound to it.
 */
export type DatabaseSession =
  | { kind: 'pglite'; db: Db; pglite: PGlite }
  | { kind: 'postgres'; db: Db; client: pg.PoolClient };

export async function withSession<T>(db: Db, fn: (session: DatabaseSession) => Promise<T>): Promise<T> {
  const driver = (db as unknown as { $client: unknown }).$client;
  if (driver instanceof PGlite) return fn({ kind: 'pglite', db, pglite: driver });
  if (!(driver instanceof pg.Pool)) throw new Error('withSession: neither PGlite nor a PostgreSQL pool');
  const client = await driver.connect();
  try {
    const bound = drizzleNodePg(client, { schema, casing: 'snake_case' }) as unknown as Db;
    const result = await fn({ kind: 'postgres', db: bound, client });
    client.release();
    return result;
  } catch (error) {
    // The session may be mid-COPY or hold temporary tables: the connection is closed, not returned to the pool.
    client.release(true);
    throw error;
  }
}

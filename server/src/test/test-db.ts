import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { type DatabaseHandle, openDatabase, pgliteExtensions } from '../db/client';
import { adminQuery, databaseUrl, pgliteHandle } from './template';

export type TestDatabase = DatabaseHandle & {
  /** The database's own URL on PostgreSQL runs (for a child process); null on PGlite (in memory). */
  url: string | null;
};

/** Which engine this run tests: PostgreSQL when TEST_DATABASE_URL was set for `pnpm test`. */
export function testDatabaseKind(): DatabaseHandle['kind'] {
  return inject('testTemplates').postgres ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated, empty database of its own. PGlite: an in-memory copy of the run's template (~1–2 s).
 * PostgreSQL: a new database made from the template database, dropped again by close().
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { pgliteDump, postgres } = inject('testTemplates');
  if (postgres) return createPostgresDatabase(postgres.adminUrl, postgres.template);
  const dump = new Blob([await fs.promises.readFile(pgliteDump)]);
  const client = await PGlite.create({ extensions: pgliteExtensions, loadDataDir: dump });
  return { ...pgliteHandle(client, 'memory'), url: null };
}

async function createPostgresDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `${template.replace(/_template$/, '')}_${randomUUID().slice(0, 8)}`;
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  const url = databaseUrl(adminUrl, name);
  const handle = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test' });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/**
 * Declares a database for the calling suite: created before its tests (once per file, or afresh for
 * each test with 'test') and closed after. The returned handle is usable inside tests and hooks.
 */
export function useTestDatabase(scope: 'file' | 'test' = 'file'): TestDatabase {
  let current: TestDatabase | null = null;
  const [before, after] = scope === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    current = await createTestDatabase();
  });
  after(async () => {
    await current?.close();
    current = null;
  });
  const live = (): TestDatabase => {
    if (!current) throw new Error('useTestDatabase: the database exists only inside tests and hooks');
    return current;
  };
  return {
    get db() {
      return live().db;
    },
    get kind() {
      return live().kind;
    },
    get location() {
      return live().location;
    },
    get url() {
      return live().url;
    },
    get pglite() {
      return live().pglite;
    },
    close: () => live().close(),
  };
}

/** An empty folder under the run's temporary root (removed when the run ends). */
export function testTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(inject('testTemplates').tempRoot, `${prefix}-`));
}

/** A PD_DESK_DATA folder holding a migrated PGlite database, ready for the CLI or openDatabase (no initdb). */
export function createTestDataFolder(): string {
  const dataDir = testTempDir('data');
  fs.cpSync(inject('testTemplates').pgliteFolder, dataDir, { recursive: true });
  return dataDir;
}

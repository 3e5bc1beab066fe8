import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DatabaseHandle, type Db, openDatabase, pgliteExtensions } from '../db/client';
import { migrationsFolder, runMigrations } from '../db/migrate';
import * as schema from '../db/schema/index';

/**
 * What globalSetup prepares once per vitest run and every test file copies from. This module runs in
 * the vitest main process as well as in workers, so it must not import `vitest` itself.
 */
export type TestTemplates = {
  /** Removed at the end of the run: every temporary folder a test makes lives here. */
  tempRoot: string;
  /** A migrated PGlite data directory as PGlite's own tar dump (loaded into memory per test file). */
  pgliteDump: string;
  /** The same migrated database as a data folder (a PD_DESK_DATA layout), for CLI and lock tests. */
  pgliteFolder: string;
  /** Set when TEST_DATABASE_URL points at a real PostgreSQL: a migrated template database on it. */
  postgres: { adminUrl: string; template: string } | null;
};

const CACHE_ROOT = path.join(import.meta.dirname, '../../node_modules/.cache/pd-desk-test-template');
const BUILDING_PREFIX = '.building-';

export function pgliteHandle(client: PGlite, location: string): DatabaseHandle {
  // Same drizzle options as src/db/client.ts: the services' queries must build identically.
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'pglite', location, pglite: client, close: () => client.close() };
}

/**
 * initdb is the slow part (~10 s): done once, on disk, then dumped for the in-memory copies. The result is
 * kept between runs under node_modules/.cache, keyed by the migrations and the PGlite version, so only
 * the first run after a change pays for it.
 */
export async function createPgliteTemplate(): Promise<Pick<TestTemplates, 'pgliteDump' | 'pgliteFolder'>> {
  const dir = path.join(CACHE_ROOT, pgliteTemplateKey());
  const template = { pgliteDump: path.join(dir, 'template.tar'), pgliteFolder: path.join(dir, 'data') };
  if (fs.existsSync(template.pgliteDump)) return template;

  // Built aside and renamed into place, so a concurrent run never sees half a template.
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const building = fs.mkdtempSync(path.join(CACHE_ROOT, BUILDING_PREFIX));
  const folder = path.join(building, 'data');
  fs.mkdirSync(folder, { mode: 0o700 });
  const client = await PGlite.create(path.join(folder, 'pgdata'), { extensions: pgliteExtensions });
  try {
    await runMigrations(pgliteHandle(client, folder));
    const dump = await client.dumpDataDir('none');
    fs.writeFileSync(path.join(building, 'template.tar'), Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  pruneCache(building);
  try {
    fs.renameSync(building, dir);
  } catch {
    // Another run finished the same template first: theirs is identical.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** Templates of older migrations, and builds left behind by an interrupted run. */
function pruneCache(keep: string) {
  for (const entry of fs.readdirSync(CACHE_ROOT)) {
    const full = path.join(CACHE_ROOT, entry);
    const abandoned = entry.startsWith(BUILDING_PREFIX) && Date.now() - fs.statSync(full).mtimeMs > 3_600_000;
    if (full !== keep && (!entry.startsWith(BUILDING_PREFIX) || abandoned))
      fs.rmSync(full, { recursive: true, force: true });
  }
}

function pgliteTemplateKey(): string {
  const hash = createHash('sha256');
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pglitePackage = JSON.parse(fs.readFileSync(path.join(path.dirname(pgliteEntry), '../package.json'), 'utf8'));
  hash.update(`pglite ${pglitePackage.version} ${Object.keys(pgliteExtensions).join(',')}\n`);
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(`${file}\n`).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function createPostgresTemplate(adminUrl: string): Promise<NonNullable<TestTemplates['postgres']>> {
  // The main process's pid keeps two concurrent runs against one server apart.
  const template = `pd_desk_test_${process.pid}_template`;
  await adminQuery(adminUrl, `drop database if exists "${template}" with (force)`);
  await adminQuery(adminUrl, `create database "${template}"`);
  const handle = await openDatabase({ databaseUrl: databaseUrl(adminUrl, template), dataDir: '', command: 'test' });
  try {
    await runMigrations(handle);
  } finally {
    // CREATE DATABASE … TEMPLATE refuses a template that has open connections.
    await handle.close();
  }
  return { adminUrl, template };
}

/** Statements that cannot run inside a transaction or a pool (CREATE/DROP DATABASE): one short connection. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

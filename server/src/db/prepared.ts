// The hottest read of the day, the queue page, as a named prepared statement (ADR 0034): parsed once, and planned
// once PostgreSQL settles on a generic plan, then only bound and executed. On PGlite this halves the page: it runs
// the engine in WebAssembly, where parsing and planning cost more than executing, and its query() walks the
// extended protocol one message per call into the engine; here it is one call.

import { createHash } from 'node:crypto';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { selectRows } from '../modules/subjects/sql-arrays';
import type { Db } from './client';

/** Statements kept per PGlite instance (the least recently used one is closed beyond it), or named per process. */
const KEPT = 64;

/** The schema's naming (snake_case columns), as the query builder renders it. */
const dialect = new PgDialect({ casing: 'snake_case' });

/** Dates and times come back as the database writes them, as the query builder returns them (drizzle's own list). */
const AS_TEXT = new Set([1082, 1114, 1115, 1182, 1184, 1185, 1186, 1187, 1231]);
const asText = (text: string) => text;
const textParsers = Object.fromEntries([...AS_TEXT].map((oid) => [oid, asText]));
const poolTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text') =>
    AS_TEXT.has(oid) ? asText : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Per PGlite instance: its statements (name → parameters' type ids, least recently used first) and row parsers. */
type PgliteState = { statements: Map<string, number[]>; parsers: PGlite['parsers'] };
const pglites = new WeakMap<PGlite, PgliteState>();

function pgliteState(driver: PGlite): PgliteState {
  let state = pglites.get(driver);
  if (!state) {
    state = { statements: new Map(), parsers: { ...driver.parsers, ...textParsers } };
    pglites.set(driver, state);
  }
  return state;
}

/**
 * PostgreSQL: names given so far. A pooled connection cannot drop a statement node-postgres prepared on it, so the
 * set is closed once full (a connection then holds at most KEPT plans) and later texts run unnamed.
 */
const named = new WeakMap<pg.Pool, Set<string>>();

/**
 * Rows of `query`, as selectRows gives them, from a statement prepared once per distinct text. Bind values stay
 * parameters; write a value into the text (`sql.raw`) only when it has few values and planning needs it (a page's
 * LIMIT), never user text.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const driver = (db as unknown as { $client: unknown }).$client;
  // Inside a transaction the statement runs on the transaction's own path (its connection, or PGlite's lock).
  if (db instanceof PgTransaction) return selectRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `pd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  if (driver instanceof PGlite) return pgliteRows<T>(driver, name, text, params);
  if (driver instanceof pg.Pool) return poolRows<T>(driver, name, text, params);
  return selectRows<T>(db, query);
}

async function poolRows<T>(pool: pg.Pool, name: string, text: string, params: unknown[]): Promise<T[]> {
  let names = named.get(pool);
  if (!names) {
    names = new Set();
    named.set(pool, names);
  }
  if (!names.has(name) && names.size < KEPT) names.add(name);
  const result = await pool.query<T & pg.QueryResultRow>({
    name: names.has(name) ? name : undefined,
    text,
    values: params,
    types: poolTypes,
  });
  return result.rows;
}

function pgliteRows<T>(driver: PGlite, name: string, text: string, params: unknown[]): Promise<T[]> {
  // The same locks as PGlite's own query(): nothing else runs between the bind and the sync, and no open
  // transaction of another request can see this statement run inside it.
  return driver._runExclusiveTransaction(() =>
    driver._runExclusiveQuery(async () => {
      const state = pgliteState(driver);
      const types = await statementTypes(driver, state.statements, name, text);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = driver.serializers[types[i] ?? 0];
        return serialize ? serialize(value) : String(value);
      });
      const messages = await run(
        driver,
        protocol.serialize.bind({ statement: name, values }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
      );
      return (parse.parseResults(messages, state.parsers)[0]?.rows ?? []) as T[];
    }),
  );
}

/** Prepares `text` under `name` unless it is already; evicts the least recently used beyond KEPT. */
async function statementTypes(
  driver: PGlite,
  kept: Map<string, number[]>,
  name: string,
  text: string,
): Promise<number[]> {
  const known = kept.get(name);
  if (known) {
    kept.delete(name);
    kept.set(name, known);
    return known;
  }
  const described = await run(
    driver,
    protocol.serialize.parse({ name, text }),
    protocol.serialize.describe({ type: 'S', name }),
  );
  const types = parse.parseDescribeStatementResults(described);
  kept.set(name, types);
  if (kept.size > KEPT) {
    const [oldest] = kept.keys();
    if (oldest) {
      kept.delete(oldest);
      await run(driver, protocol.serialize.close({ type: 'S', name: oldest }));
    }
  }
  return types;
}

/** The messages in one call into the engine, closed by a Sync (so an error leaves the session ready again). */
async function run(driver: PGlite, ...messages: Uint8Array[]) {
  return (await driver.execProtocol(Buffer.concat([...messages, protocol.serialize.sync()]))).messages;
}

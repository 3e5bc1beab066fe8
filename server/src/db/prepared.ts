// The hottest read of the day, the queue page, as a named prepared statement on PGlite (ADR 0034). PGlite runs the
// whole server in WebAssembly: parsing and planning a statement costs more than executing it, and its query() walks
// the extended protocol one message per call into the engine. A statement prepared once per text is only bound and
// executed: one call into the engine, no parse, no plan once PostgreSQL settles on a generic plan. On PostgreSQL the
// same query goes the ordinary way: planning is native and cheap there, and a pooled connection could not drop a
// statement again.

import { createHash } from 'node:crypto';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import { selectRows } from '../modules/subjects/sql-arrays';
import type { Db } from './client';

/** Statements kept per PGlite instance; the least recently used one is closed beyond this. */
const KEPT = 64;

/** The schema's naming (snake_case columns), as the query builder renders it. */
const dialect = new PgDialect({ casing: 'snake_case' });

/** Per PGlite instance: statement name → its parameters' type ids, least recently used first. */
const statements = new WeakMap<PGlite, Map<string, number[]>>();

/**
 * Rows of `query`, prepared once per distinct text on PGlite. Bind values stay parameters; write a value into the
 * text (`sql.raw`) only when it has few values and planning needs it (a page's LIMIT), never user text.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const driver = (db as unknown as { $client: unknown }).$client;
  // Inside a transaction the statement must run on the transaction's own path (it holds PGlite's lock).
  if (!(driver instanceof PGlite) || db instanceof PgTransaction) return selectRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `pd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  // The same locks as PGlite's own query(): nothing else runs between the bind and the sync, and no open
  // transaction of another request can see this statement run inside it.
  return driver._runExclusiveTransaction(() =>
    driver._runExclusiveQuery(async () => {
      const types = await statementTypes(driver, name, text);
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
      return (parse.parseResults(messages, driver.parsers)[0]?.rows ?? []) as T[];
    }),
  );
}

/** Prepares `text` under `name` unless it is already; evicts the least recently used beyond KEPT. */
async function statementTypes(driver: PGlite, name: string, text: string): Promise<number[]> {
  let kept = statements.get(driver);
  if (!kept) {
    kept = new Map();
    statements.set(driver, kept);
  }
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
  const parts = [...messages, protocol.serialize.sync()];
  const all = new Uint8Array(parts.reduce((size, m) => size + m.length, 0));
  let at = 0;
  for (const m of parts) {
    all.set(m, at);
    at += m.length;
  }
  return (await driver.execProtocol(all)).messages;
}

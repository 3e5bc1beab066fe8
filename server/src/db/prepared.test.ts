import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '../modules/subjects/sql-arrays';
import { testDatabaseKind, useTestDatabase } from '../test/test-db';
import { preparedRows } from './prepared';
import { settings } from './schema/settings';

const database = useTestDatabase();
const onPglite = testDatabaseKind() === 'pglite';

const KEY = 'test.prepared';
const storedValue = () =>
  preparedRows<{ value: unknown }>(database.db, sql`select value from ${settings} where ${settings.key} = ${KEY}`);

describe('prepared reads', () => {
  it('give the same rows as the ordinary path, parameters bound', async () => {
    const query = (n: number) =>
      sql`select g as n, ${`№${n}`}::text as label, json_build_object('sum', g + ${n}) as doc,
            date '2026-12-01' + g as day, timestamptz '2026-12-01 10:00+05' as at
          from generate_series(1, 3) g where g >= ${n} order by g`;
    for (const n of [1, 2, 1]) {
      expect(await preparedRows(database.db, query(n))).toEqual(await selectRows(database.db, query(n)));
    }
    expect(await preparedRows(database.db, query(2))).toMatchObject([
      { n: 2, label: '№2', doc: { sum: 4 }, day: '2026-12-03' },
      { n: 3, label: '№2', doc: { sum: 5 }, day: '2026-12-04' },
    ]);
  });

  it('never run inside another request’s open transaction', async () => {
    await database.db.insert(settings).values({ key: KEY, value: 'committed' });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside = () => {};
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const writer = database.db.transaction(async (tx) => {
      await tx.update(settings).set({ value: 'uncommitted' }).where(eq(settings.key, KEY));
      inside();
      await held;
      throw new Error('rolled back on purpose');
    });
    await entered;
    const read = storedValue();
    // On PGlite (one connection) the read waits for the transaction; on PostgreSQL it reads the committed row.
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    await expect(writer).rejects.toThrow('rolled back on purpose');
    expect(await read).toEqual([{ value: 'committed' }]);
  });

  it('leave the session ready after a statement fails, and keep a bounded number of statements', async () => {
    const failing = (n: number) => sql`select 1 / (${n}::int - 1) as x`;
    const error = await preparedRows(database.db, failing(1)).catch((e: Error & { cause?: unknown }) => e);
    // PostgreSQL's error comes wrapped by the query builder on the ordinary path.
    expect(String((error as { cause?: unknown } | undefined)?.cause ?? error)).toMatch(/division by zero/);
    expect(await preparedRows(database.db, failing(2))).toEqual([{ x: 1 }]);
    expect(await storedValue()).toEqual([{ value: 'committed' }]);
    if (!onPglite) return;
    for (let i = 0; i < 70; i++) await preparedRows(database.db, sql.raw(`select ${i} as n`));
    const [kept] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_prepared_statements where name like 'pd_%'`,
    );
    expect(kept?.n).toBe(64);
  });
});

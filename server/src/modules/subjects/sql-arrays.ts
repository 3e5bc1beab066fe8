import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';

/**
 * Binds a whole array as one parameter, for `= any(…)` and `unnest(…)`: drizzle would otherwise spread it into a
 * list of parameters, one per element, and a 5 000-row batch would hit the protocol's parameter limit.
 */
export function list(values: readonly unknown[]) {
  return sql.param(values);
}

/** Rows of a raw query; node-postgres and PGlite both return `{ rows }`. */
export async function selectRows<T>(db: Tx | Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

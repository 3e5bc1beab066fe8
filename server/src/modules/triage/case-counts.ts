// The queue's totals are sums over case_counts (schema/cases.ts, migration 0018), whose triggers only ever insert
// rows of +n / −n. Folding them back to one row per key keeps that sum a handful of rows however busy the clinic is.

import { sql } from 'drizzle-orm';
import { type BackgroundLog, repeatInBackground } from '../../background-task';
import type { Db } from '../../db/client';
import { caseCounts } from '../../db/schema/cases';
import { selectRows } from '../subjects/sql-arrays';

const HOUR_MS = 60 * 60 * 1000;

/**
 * One row per key, in one statement. Safe beside writers (rows they add after its snapshot are neither deleted nor
 * summed) and beside another instance folding at the same time (a row both try to delete is deleted, and summed, by
 * the first; the second skips it once the first commits).
 */
export async function compactCaseCounts(db: Db): Promise<{ rowsBefore: number; rowsAfter: number }> {
  const [row] = await selectRows<{ rowsBefore: number; rowsAfter: number }>(
    db,
    sql`with folded as (delete from ${caseCounts} returning *),
      kept as (insert into ${caseCounts} (status, type, channel, assignee_id, n)
        select status, type, channel, assignee_id, sum(n) from folded
        group by status, type, channel, assignee_id having sum(n) <> 0
        returning 1)
    select (select count(*)::int from folded) as "rowsBefore", (select count(*)::int from kept) as "rowsAfter"`,
  );
  return row ?? { rowsBefore: 0, rowsAfter: 0 };
}

/** At start and then hourly: a clinic changes a few hundred cases a day at most, so an hour adds a few rows. */
export function scheduleCaseCountCompaction(db: Db, log: BackgroundLog): () => void {
  return repeatInBackground('case counts: compaction', HOUR_MS, () => compactCaseCounts(db), log);
}

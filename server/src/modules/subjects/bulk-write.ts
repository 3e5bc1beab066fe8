// Writes thousands of subjects per statement (import, demo seed): arrays bound as a handful of parameters and
// unnested by the database, so a batch costs a few round trips whatever its size. Idempotent by external_id: a row
// seen before updates the subject only where the data differs, and adds only contacts it does not have yet.

import type { SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import { count, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { subjects } from '../../db/schema/subjects';
import type { Actor } from '../../service-context';
import { writeSubjectBatch } from './bulk-batch';
import { list, selectRows } from './sql-arrays';

export type SubjectImportRow = {
  externalId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  category: SubjectCategory;
  /** Already validated: each normalises (see phoneRow / emailRow). */
  phones: readonly string[];
  emails: readonly string[];
  addresses?: readonly string[];
  formerLastNames?: readonly string[];
};

export type BatchOutcome = { created: number; updated: number; unchanged: number };

/**
 * Name words already registered by this run: after the first batches of a large import nearly every name is known,
 * and the dictionary is not touched again. One cache per run and database.
 */
export type KnownNameWords = Map<string, number>;

export type WriteProgress = (rowsDone: number, phase: 'rows' | 'indexes') => void;

const BATCH_ROWS = 5_000;
const BATCHES_PER_TRANSACTION = 4;
/** From this many rows, into a registry holding fewer, indexes are rebuilt once instead of updated row by row. */
const REBUILD_INDEXES_FROM = 50_000;

/** Whether loading `rows` rows is cheaper with the plain indexes dropped and built again afterwards. */
export async function rebuildsIndexes(db: Db, rows: number): Promise<boolean> {
  if (rows < REBUILD_INDEXES_FROM) return false;
  const [present] = await db.select({ n: count() }).from(subjects);
  return rows > (present?.n ?? 0);
}
const BULK_TABLES = ['subjects', 'subject_phones', 'subject_emails', 'subject_addresses', 'subject_former_names'];

/**
 * Writes a stream of rows in batches. Normally a transaction per few batches, so a long import neither holds locks
 * nor loses much if stopped (re-running it is safe). A large load into a small registry (a first import, a demo seed)
 * instead runs as one transaction that drops the plain indexes of the subject tables, loads, and rebuilds them:
 * building an index once is several times cheaper than updating it a million times. The tables are locked for the
 * duration, and a failure rolls everything back, indexes included.
 */
export async function writeSubjects(
  db: Db,
  actor: Actor,
  rows: AsyncIterable<SubjectImportRow> | Iterable<SubjectImportRow>,
  options: { expectedRows: number; onProgress?: WriteProgress },
): Promise<BatchOutcome> {
  const known: KnownNameWords = new Map();
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0 };
  let done = 0;
  const write = async (tx: Tx, batch: SubjectImportRow[]) => {
    const result = await writeSubjectBatch(tx, actor, batch, known);
    outcome.created += result.created;
    outcome.updated += result.updated;
    outcome.unchanged += result.unchanged;
    done += batch.length;
  };
  if (await rebuildsIndexes(db, options.expectedRows)) {
    await db.transaction(async (tx) => {
      const indexes = await dropPlainIndexes(tx);
      for await (const batch of batches(rows)) {
        await write(tx, batch);
        options.onProgress?.(done, 'rows');
      }
      options.onProgress?.(done, 'indexes');
      await rebuildIndexes(tx, indexes);
    });
    return outcome;
  }
  let pending: SubjectImportRow[][] = [];
  const flush = async () => {
    const group = pending;
    pending = [];
    if (group.length === 0) return;
    await db.transaction(async (tx) => {
      for (const batch of group) await write(tx, batch);
    });
    options.onProgress?.(done, 'rows');
  };
  for await (const batch of batches(rows)) {
    pending.push(batch);
    if (pending.length >= BATCHES_PER_TRANSACTION) await flush();
  }
  await flush();
  return outcome;
}

async function* batches(rows: AsyncIterable<SubjectImportRow> | Iterable<SubjectImportRow>) {
  let batch: SubjectImportRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Drops the indexes that back no constraint (unique keys stay: upserts rely on them); returns their definitions. */
export async function dropPlainIndexes(tx: Tx | Db): Promise<string[]> {
  const indexes = await selectRows<{ name: string; definition: string }>(
    tx,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any(${list(BULK_TABLES)}::text[])
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name.replaceAll('"', '""')}"`));
  return indexes.map((i) => i.definition);
}

/**
 * The tables whose keys a bulk import checks row by row: the subjects' external_id, and each contact's subject (a
 * foreign key: a row lock on the subject per contact) and its uniqueness per subject.
 */
const CHECKED_TABLES = ['subjects', 'subject_phones', 'subject_emails'];

/**
 * Drops the unique and foreign-key constraints of those tables inside the caller's transaction; returns the
 * statements that add them back. Added back after the load, each is checked once for the whole table — a sort that
 * builds the unique index, one anti-join that validates the foreign key — instead of once per row, and a violation
 * fails the transaction as a row's would have. The primary keys stay (the foreign keys need them). While dropped,
 * the tables are locked (ALTER TABLE): no other writer can slip a duplicate in.
 */
export async function dropCheckedConstraints(tx: Tx | Db): Promise<string[]> {
  const constraints = await selectRows<{ table: string; name: string; definition: string }>(
    tx,
    sql`select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c
        where c.conrelid::regclass::text = any(${list(CHECKED_TABLES)}::text[]) and c.contype in ('u', 'f')
        order by c.contype desc, c.conname`,
  );
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const c of constraints) await tx.execute(sql.raw(`alter table ${c.table} drop constraint ${quoted(c.name)}`));
  // Unique keys first ('u' sorts after 'f', hence desc): a foreign key is validated against complete tables.
  return constraints.map((c) => `alter table ${c.table} add constraint ${quoted(c.name)} ${c.definition}`);
}

/**
 * Memory for building an index by one sort, and for the hash join that validates a foreign key: PostgreSQL's defaults
 * (64 MB, 4 MB) sort and join a million rows in batches on disk (on PGlite through its emulated file system). Only
 * for the transaction of a bulk load (SET LOCAL).
 */
const BULK_MEMORY = '256MB';

/** After a bulk load: the keys dropped by dropCheckedConstraints, then the plain indexes, each built once. */
export async function restoreKeysAndIndexes(
  tx: Tx | Db,
  constraints: readonly string[],
  indexes: readonly string[],
): Promise<void> {
  await tx.execute(sql.raw(`set local maintenance_work_mem = '${BULK_MEMORY}'`));
  await tx.execute(sql.raw(`set local work_mem = '${BULK_MEMORY}'`));
  for (const statement of constraints) await tx.execute(sql.raw(statement));
  await rebuildIndexes(tx, indexes);
}

/** Builds the dropped indexes again, once, and refreshes statistics for the new rows. */
export async function rebuildIndexes(tx: Tx | Db, definitions: readonly string[]): Promise<void> {
  for (const definition of definitions) await tx.execute(sql.raw(definition));
  // Fresh statistics, or the planner would guess at the shape of a million new rows.
  await tx.execute(sql.raw(`analyze ${BULK_TABLES.join(', ')}, subject_name_words`));
}

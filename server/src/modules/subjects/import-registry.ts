// A first import — into a registry holding no subject — goes straight into the registry tables (ADR 0031): one
// transaction holds the subject tables exclusively, drops their plain indexes and their unique and foreign keys,
// reserves the ids (the reading thread numbers the rows in file order), COPYs the subjects while the file is read and
// their phones and e-mails after, then adds the keys back and builds the indexes once. No staging table, no join on
// external_id, no anti-join: nothing in an empty registry can collide, and the keys added back prove it. A file with
// a bad row rolls the transaction back, so the registry is as it was, indexes and keys included.

import { sql } from 'drizzle-orm';
import type { DatabaseSession, Db } from '../../db/client';
import { copyFrom } from '../../db/copy';
import { dropCheckedConstraints, dropPlainIndexes, restoreKeysAndIndexes } from './bulk-write';
import type { FileReading } from './import-read';
import { REGISTRY_COLUMNS, type RegistryIds } from './import-registry-text';
import { selectRows } from './sql-arrays';

const TABLES: Record<keyof RegistryIds, string> = {
  subject: 'subjects',
  phone: 'subject_phones',
  email: 'subject_emails',
};

/**
 * From this many characters of CSV (about 50 000 rows, as the bulk path of ADR 0027 and the reading thread): below
 * it, dropping and rebuilding seven indexes and five keys costs more than the staging path's joins save.
 */
export const STRAIGHT_FROM_CHARS = 4 << 20;

/** Whether a file of at least `chars` characters is worth the straight path (tests force it for small files). */
export function worthGoingStraight(chars: number): boolean {
  return chars >= STRAIGHT_FROM_CHARS;
}

/** The transaction of a straight import, open on the session. */
export type StraightImport = { firstIds: RegistryIds; indexes: string[]; constraints: string[] };

/** A look without locks: most imports go into a registry that has subjects, and they skip the straight path here. */
export async function registryLooksEmpty(db: Db): Promise<boolean> {
  const [row] = await selectRows<{ empty: boolean }>(db, sql`select not exists (select 1 from subjects) as empty`);
  return row?.empty === true;
}

/**
 * Begins the straight import's transaction on the session: locks the subject tables, makes sure the registry is still
 * empty (null, transaction closed, when another writer was first), drops the keys and plain indexes, reserves ids.
 */
export async function beginStraightImport(session: DatabaseSession): Promise<StraightImport | null> {
  const { db } = session;
  await db.execute(sql`begin`);
  try {
    // Exclusive from the start, as the dropped keys need anyway: no other writer can add a subject meanwhile.
    await db.execute(sql.raw(`lock table ${Object.values(TABLES).join(', ')} in access exclusive mode`));
    if (!(await registryLooksEmpty(db))) {
      await db.execute(sql`rollback`);
      return null;
    }
    const indexes = await dropPlainIndexes(db);
    const constraints = await dropCheckedConstraints(db);
    return { firstIds: await nextIds(db), indexes, constraints };
  } catch (error) {
    await db.execute(sql`rollback`).catch(() => {});
    throw error;
  }
}

/**
 * Subject text per COPY statement. Between two, the contacts read so far are COPYd: one connection runs one COPY at a
 * time, and while the reading thread is the slower side (it is, by far) the database would otherwise sit idle and do
 * all the contacts after the last row is read. Large enough that a statement's start costs nothing.
 */
const SUBJECTS_PER_COPY_BYTES = 8 << 20;

/**
 * COPYs what the reading gives into the registry tables: the subjects as they are read, in segments, each followed by
 * the phones and e-mails of the rows read by then (taken out of the reading: memory stays flat).
 */
export async function copyIntoRegistry(
  session: DatabaseSession,
  read: FileReading,
  subjectText: AsyncIterable<Buffer>,
  segmentBytes = SUBJECTS_PER_COPY_BYTES,
) {
  const source = subjectText[Symbol.asyncIterator]();
  let ended = false;
  async function* segment() {
    let size = 0;
    while (size < segmentBytes) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        return;
      }
      size += next.value.length;
      yield next.value;
    }
  }
  try {
    while (!ended) {
      await copyFrom(session, REGISTRY_COLUMNS.subjects, segment());
      // The reading adds a chunk's contacts before it gives the chunk's subjects: these belong to rows now COPYd.
      for (const [into, text] of [
        [REGISTRY_COLUMNS.phones, read.phones.splice(0)],
        [REGISTRY_COLUMNS.emails, read.emails.splice(0)],
      ] as const) {
        if (text.length > 0) await copyFrom(session, into, text);
      }
    }
  } finally {
    // A failed COPY stops the reading as a whole-stream COPY's pipeline would (its thread ends with it).
    if (!ended) await source.return?.();
  }
}

/** Moves the identities past the ids given by the file, adds the keys back, builds the indexes, commits. */
export async function commitStraightImport(session: DatabaseSession, straight: StraightImport): Promise<void> {
  const { db } = session;
  for (const table of Object.values(TABLES)) {
    // The largest id written (none when every row was skipped): the next insert continues after it.
    await db.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('${table}', 'id'), max(id)) from ${table} having max(id) is not null`,
      ),
    );
  }
  await restoreKeysAndIndexes(db, straight.constraints, straight.indexes);
  await db.execute(sql`commit`);
}

export async function rollbackStraightImport(session: DatabaseSession): Promise<void> {
  await session.db.execute(sql`rollback`);
}

/** The id each table's identity gives next, without taking it (nextval is not undone by a rollback). */
async function nextIds(db: Db): Promise<RegistryIds> {
  const next = async (table: string) => {
    const [row] = await selectRows<{ next: string | number }>(
      db,
      sql`select coalesce(s.last_value + s.increment_by, s.start_value) as next from pg_sequences s
          where format('%I.%I', s.schemaname, s.sequencename) = pg_get_serial_sequence(${table}, 'id')`,
    );
    if (!row) throw new Error(`no identity sequence for ${table}.id`);
    return Number(row.next);
  };
  return { subject: await next(TABLES.subject), phone: await next(TABLES.phone), email: await next(TABLES.email) };
}

// Subject import from the CSV the clinic's old systems export (header row; columns in any order):
//   external_id,last_name,first_name,middle_name,birth_date,phone,email,category
// One pass over the stream (ADR 0022): each row is parsed and checked once, and a valid row goes straight into a
// temporary staging table by COPY with its search columns already normalised. A file with a bad row stops there:
// the staging table is dropped and nothing reaches the registry (unless the caller asked to skip bad rows). Then one
// transaction moves the rows into the registry in set-based SQL (import-merge.ts). Re-importing a file changes
// nothing: rows are matched by external_id.

import { maskFileName } from '@pd-desk/shared/subjects/record-mask';
import { sql } from 'drizzle-orm';
import { type DatabaseSession, type Db, withSession } from '../../db/client';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import {
  type BatchOutcome,
  dropCheckedConstraints,
  dropPlainIndexes,
  rebuildIndexes,
  rebuildsIndexes,
} from './bulk-write';
import { mergeStaging } from './import-merge';
import { FileReading } from './import-read';
import type { ImportProblem } from './import-rows';
import { createStaging, dropStaging, stageText } from './import-staging';
import { type NameWords, registerNameWords } from './search-index';

export { IMPORT_COLUMNS, ImportFileError, type ImportProblem } from './import-rows';

/** Text chunks of the file, from the start; read once. */
export type ImportSource = () => AsyncIterable<string> | Iterable<string>;

export type ImportProgress = (phase: 'check' | 'write' | 'indexes', rowsDone: number, rowsTotal: number | null) => void;

export type ImportOptions = {
  fileName: string;
  skipInvalid: boolean;
  onProgress?: ImportProgress;
  /** How many bad rows to keep for the report; all are counted. */
  maxProblems?: number;
};

export type ImportOutcome = BatchOutcome & {
  /** 'rejected': bad rows and no permission to skip them, nothing written. */
  status: 'done' | 'rejected';
  rows: number;
  invalidRows: number;
  problems: ImportProblem[];
};

export async function importSubjects(
  { db, actor, clock }: ServiceContext,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportOutcome> {
  return withSession(db, async (session) => {
    const staging = await createStaging(session);
    try {
      const read = new FileReading({
        today: clock.today(),
        skipInvalid: options.skipInvalid,
        maxProblems: options.maxProblems ?? 1_000,
      });
      const progress = options.onProgress;
      await stageText(
        session,
        staging,
        read.copyText(source(), (rows) => progress?.('check', rows, null)),
      );
      progress?.('check', read.rows, read.rows);
      const { rows, invalidRows, problems } = read;
      const outcome: ImportOutcome = {
        status: 'done',
        rows,
        invalidRows,
        problems,
        created: 0,
        updated: 0,
        unchanged: 0,
      };
      if (invalidRows > 0 && !options.skipInvalid) {
        await dropStaging(session, staging);
        return { ...outcome, status: 'rejected' };
      }
      const valid = rows - invalidRows;
      Object.assign(outcome, await writeStaged(session.db, actor, staging, valid, read.words, options.onProgress));
      await dropStaging(session, staging);
      await db.transaction((tx) =>
        appendAudit(tx, actor, {
          action: 'subject.import',
          objectType: 'subject',
          details: {
            fileName: maskFileName(options.fileName),
            sha256: read.sha256.digest('hex'),
            rows,
            skippedInvalid: invalidRows,
            created: outcome.created,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
          },
        }),
      );
      return outcome;
    } catch (error) {
      await abandon(session, staging);
      throw error;
    }
  });
}

/**
 * One transaction from the staging table into the registry. A large load into a smaller registry (a first import)
 * drops the plain indexes of the subject tables and builds them once at the end, as the demo seed does, and checks
 * the unique and foreign keys once for the whole tables instead of per row (ADR 0027).
 */
async function writeStaged(
  db: Db,
  actor: Actor,
  staging: string,
  valid: number,
  words: NameWords,
  onProgress: ImportProgress | undefined,
): Promise<BatchOutcome> {
  const rebuild = await rebuildsIndexes(db, valid);
  return db.transaction(async (tx) => {
    const indexes = rebuild ? await dropPlainIndexes(tx) : [];
    const constraints = rebuild ? await dropCheckedConstraints(tx) : [];
    onProgress?.('write', 0, valid);
    const outcome = await mergeStaging(tx, actor, staging, {
      keysDropped: rebuild,
      onStep: (step) => onProgress?.('write', step === 'subjects' ? Math.floor(valid / 2) : valid, valid),
    });
    await registerNameWords(tx, words);
    if (rebuild) {
      onProgress?.('indexes', valid, valid);
      for (const statement of constraints) await tx.execute(sql.raw(statement));
      await rebuildIndexes(tx, indexes);
    }
    return outcome;
  });
}

/**
 * After a failure: PGlite's one connection lives on, so its staging table is dropped; a PostgreSQL session is
 * closed by withSession (possibly mid-COPY), and its temporary table goes with it.
 */
async function abandon(session: DatabaseSession, staging: string) {
  if (session.kind === 'pglite') await dropStaging(session, staging).catch(() => {});
}

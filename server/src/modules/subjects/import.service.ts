// Subject import from the CSV the clinic's old systems export (header row; columns in any order):
//   external_id,last_name,first_name,middle_name,birth_date,phone,email,category
// One pass over the stream (ADR 0022): each row is parsed and checked once, and a valid row goes straight into a
// temporary staging table by COPY with its search columns already normalised. A file with a bad row stops there:
// the staging table is dropped and nothing reaches the registry (unless the caller asked to skip bad rows). Then one
// transaction moves the rows into the registry in set-based SQL (import-merge.ts). Re-importing a file changes
// nothing: rows are matched by external_id. A first import, into a registry with no subject, skips the staging table
// and COPYs straight into the registry tables inside one transaction (import-registry.ts, ADR 0031).

import { maskFileName } from '@pd-desk/shared/subjects/record-mask';
import { type DatabaseSession, type Db, withSession } from '../../db/client';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import {
  type BatchOutcome,
  dropCheckedConstraints,
  dropPlainIndexes,
  rebuildsIndexes,
  restoreKeysAndIndexes,
} from './bulk-write';
import { mergeStaging } from './import-merge';
import { FileReading, readHead } from './import-read';
import type { ReadingSettings } from './import-reading';
import {
  beginStraightImport,
  commitStraightImport,
  copyIntoRegistry,
  registryLooksEmpty,
  rollbackStraightImport,
  STRAIGHT_FROM_CHARS,
  type StraightImport,
  worthGoingStraight,
} from './import-registry';
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
    const settings: ReadingSettings = {
      today: clock.today(),
      skipInvalid: options.skipInvalid,
      maxProblems: options.maxProblems ?? 1_000,
    };
    const file = await peek(source(), STRAIGHT_FROM_CHARS);
    const straight =
      worthGoingStraight(file.headChars) && (await registryLooksEmpty(session.db))
        ? await beginStraightImport(session)
        : null;
    const { read, outcome } = straight
      ? await importStraight(session, straight, settings, file.chunks, options.onProgress)
      : await importStaged(session, actor, settings, file.chunks, options.onProgress);
    if (outcome.status === 'rejected') return outcome;
    await db.transaction((tx) =>
      appendAudit(tx, actor, {
        action: 'subject.import',
        objectType: 'subject',
        details: {
          fileName: maskFileName(options.fileName),
          sha256: read.sha256.digest('hex'),
          rows: outcome.rows,
          skippedInvalid: outcome.invalidRows,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
        },
      }),
    );
    return outcome;
  });
}

type Imported = { read: FileReading; outcome: ImportOutcome };
type Chunks = AsyncIterable<string>;

/** The first chunks of the file up to `chars` characters (all of a smaller file), and the whole file again. */
async function peek(source: AsyncIterable<string> | Iterable<string>, chars: number) {
  const rest = (async function* () {
    yield* source;
  })();
  const { head, size, ended } = await readHead(rest, chars);
  const chunks = (async function* () {
    yield* head;
    if (!ended) yield* rest;
  })();
  return { headChars: size, chunks };
}

/** Reads the file, giving its rows' COPY text to `write`; the outcome before anything is merged. */
async function readInto(
  settings: ReadingSettings,
  chunks: Chunks,
  onProgress: ImportProgress | undefined,
  write: (text: AsyncIterable<Buffer>, read: FileReading) => Promise<void>,
): Promise<Imported> {
  const read = new FileReading(settings);
  await write(
    read.copyText(chunks, (rows) => onProgress?.('check', rows, null)),
    read,
  );
  onProgress?.('check', read.rows, read.rows);
  const { rows, invalidRows, problems } = read;
  const rejected = invalidRows > 0 && !settings.skipInvalid;
  const outcome: ImportOutcome = {
    status: rejected ? 'rejected' : 'done',
    rows,
    invalidRows,
    problems,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  return { read, outcome };
}

/** Into an empty registry (ADR 0031): straight into the registry tables, in the transaction begun for it. */
async function importStraight(
  session: DatabaseSession,
  straight: StraightImport,
  settings: ReadingSettings,
  chunks: Chunks,
  onProgress: ImportProgress | undefined,
): Promise<Imported> {
  try {
    const imported = await readInto({ ...settings, firstIds: straight.firstIds }, chunks, onProgress, (text, read) =>
      copyIntoRegistry(session, read, text),
    );
    const { read, outcome } = imported;
    if (outcome.status === 'rejected') {
      await rollbackStraightImport(session);
      return imported;
    }
    outcome.created = outcome.rows - outcome.invalidRows;
    onProgress?.('write', outcome.created, outcome.created);
    await registerNameWords(session.db, read.words);
    onProgress?.('indexes', outcome.created, outcome.created);
    await commitStraightImport(session, straight);
    return imported;
  } catch (error) {
    // PGlite's one connection lives on; a PostgreSQL session is closed by withSession, its transaction with it.
    if (session.kind === 'pglite') await rollbackStraightImport(session).catch(() => {});
    throw error;
  }
}

/** Into a registry that has subjects (ADR 0022): through a staging table, merged by external_id. */
async function importStaged(
  session: DatabaseSession,
  actor: Actor,
  settings: ReadingSettings,
  chunks: Chunks,
  onProgress: ImportProgress | undefined,
): Promise<Imported> {
  const staging = await createStaging(session);
  try {
    const imported = await readInto(settings, chunks, onProgress, (text) => stageText(session, staging, text));
    const { read, outcome } = imported;
    if (outcome.status === 'done') {
      const valid = outcome.rows - outcome.invalidRows;
      Object.assign(outcome, await writeStaged(session.db, actor, staging, valid, read.words, onProgress));
    }
    await dropStaging(session, staging);
    return imported;
  } catch (error) {
    await abandon(session, staging);
    throw error;
  }
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
      await restoreKeysAndIndexes(tx, constraints, indexes);
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

import { SUBJECT_CATEGORIES } from '@pd-desk/shared/subjects/subject-categories';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Text compared byte by byte (`COLLATE "C"`, ADR 0033), for keys that are only matched for equality: external ids,
 * phone digits, normalised e-mails. Their btree indexes sort with memcmp and abbreviated keys instead of the
 * database locale's strcoll, which makes building them after a large import several times cheaper; equality is the
 * same in every deterministic collation, so no search result changes (only an ORDER BY on them would, for non-ASCII).
 */
const byteText = customType<{ data: string; driverData: string }>({ dataType: () => 'text collate "C"' });

/**
 * A person the clinic holds data about. Names are kept as written; the *_stem columns hold the
 * shared normaliser's output (shared/src/subjects) so search is indexed equality, not a scan.
 * Stems, contacts and the name dictionary are written only through modules/subjects/search-index.ts.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    externalId: byteText().unique(),
    lastName: text().notNull(),
    firstName: text().notNull(),
    middleName: text(),
    birthDate: date({ mode: 'string' }),
    category: text({ enum: SUBJECT_CATEGORIES }).notNull(),
    /** nameStem() of each name part: every case form and ё/е spelling of a name has the same stem. */
    lastStem: text().notNull(),
    firstStem: text().notNull(),
    middleStem: text(),
    /** Set when this record was merged into another; it then leaves search but keeps its history. */
    mergedIntoId: bigint({ mode: 'number' }),
    /** Optimistic concurrency: an edit based on an older version is refused, never overwrites. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Partial: merged-away records leave search. text_pattern_ops keeps equality and also lets an
    // initial («М.») be a byte-range scan on the next column, whatever the database collation.
    index('subjects_search_last_first_middle')
      .on(t.lastStem.op('text_pattern_ops'), t.firstStem.op('text_pattern_ops'), t.middleStem.op('text_pattern_ops'))
      .where(sql`merged_into_id is null`),
    // Letters often name a person without the surname («Мария Петровна»).
    index('subjects_search_first_middle')
      .on(t.firstStem.op('text_pattern_ops'), t.middleStem.op('text_pattern_ops'))
      .where(sql`merged_into_id is null`),
    index('subjects_birth_date').on(t.birthDate).where(sql`merged_into_id is null`),
    // Only merged-away records have one (a handful); the other million entries would be NULLs nobody looks up, and a
    // first import would sort them all to build it.
    index('subjects_merged_into_id').on(t.mergedIntoId).where(sql`merged_into_id is not null`),
  ],
);

/** Phones as written, plus canonical digits ('7XXXXXXXXXX' for Russian numbers) for exact search. */
export const subjectPhones = pgTable(
  'subject_phones',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    raw: text().notNull(),
    digits: byteText().notNull(),
    /**
     * The digits backwards: «…4567» (a trailing fragment) becomes a btree prefix range on this column, and the exact
     * phone is equality on it. One index serves both (ADR 0035): every exact phone lookup goes through this column.
     */
    digitsReversed: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subject_phones_subject_digits').on(t.subjectId, t.digits),
    index('subject_phones_digits_reversed').on(t.digitsReversed.op('text_pattern_ops')),
  ],
);

export const subjectEmails = pgTable(
  'subject_emails',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    raw: text().notNull(),
    /** normaliseEmail(raw): trimmed and lower-cased, the search key. */
    normalised: byteText().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subject_emails_subject_normalised').on(t.subjectId, t.normalised),
    index('subject_emails_normalised').on(t.normalised),
  ],
);

export const subjectAddresses = pgTable(
  'subject_addresses',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    /** One line as the person wrote it («620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2»). */
    address: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subject_addresses_subject_id').on(t.subjectId)],
);

/** Surnames a person had before (maiden names): a letter may be signed with either. */
export const subjectFormerNames = pgTable(
  'subject_former_names',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    lastName: text().notNull(),
    lastStem: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('subject_former_names_subject_last_name').on(t.subjectId, t.lastName),
    index('subject_former_names_last_stem').on(t.lastStem.op('text_pattern_ops')),
  ],
);

/** Bits of subject_name_words.roles: in which name part a word has been seen. */
export const NAME_ROLE = { last: 1, first: 2, middle: 4, former: 8 } as const;

/**
 * Every distinct normalised name word, with its stem and Latin skeleton. A few thousand rows cover
 * a million people, so fuzzy matching (typos, transliteration) runs here, never over subjects.
 * Rows only accumulate: a word that nobody bears any more costs one wasted probe, nothing else.
 */
export const subjectNameWords = pgTable(
  'subject_name_words',
  {
    word: text().primaryKey(),
    stem: text().notNull(),
    /** nameSkeleton(stem): what Latin spellings keep of the name («olg» for Ольга and Olga). */
    skeleton: text().notNull(),
    roles: smallint().notNull(),
  },
  (t) => [
    index('subject_name_words_stem').on(t.stem),
    index('subject_name_words_skeleton').on(t.skeleton),
    index('subject_name_words_trgm').using('gin', t.word.op('gin_trgm_ops')),
    // Typos in short words defeat trigrams; the first letter and length narrow a levenshtein scan instead.
    index('subject_name_words_initial_length').on(sql`left(${t.word}, 1)`, sql`length(${t.word})`),
  ],
);

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'rejected', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * An import started from the web. The file stays here until the job ends (then it is erased: it
 * holds personal data), so any instance can pick up a job whose runner died; re-running is safe
 * because import is idempotent by external_id.
 */
export const subjectImportJobs = pgTable(
  'subject_import_jobs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    status: text({ enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    content: text(),
    skipInvalid: boolean().notNull(),
    totalRows: integer(),
    processedRows: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    invalidRows: integer().notNull().default(0),
    /** The first bad rows: {line, field, reason}. */
    problems: jsonb().$type<Array<{ line: number; field: string; reason: string }>>(),
    message: text(),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Refreshed by the running instance; a stale heartbeat lets another instance take the job over. */
    heartbeatAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('subject_import_jobs_status').on(t.status)],
);

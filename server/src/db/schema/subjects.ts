import { SUBJECT_CATEGORIES } from '@pd-desk/shared/subjects/subject-categories';
import { bigint, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A person the clinic holds data about. Names are kept as written; the *_stem columns hold the
 * shared normaliser's output (shared/src/subjects) so search is indexed equality, not a scan.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    externalId: text().unique(),
    lastName: text().notNull(),
    firstName: text().notNull(),
    middleName: text(),
    birthDate: date({ mode: 'string' }),
    category: text({ enum: SUBJECT_CATEGORIES }).notNull(),
    /** Set when this record was merged into another; it then leaves search but keeps its history. */
    mergedIntoId: bigint({ mode: 'number' }),
    /** Optimistic concurrency: an edit based on an older version is refused, never overwrites. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.birthDate)],
);

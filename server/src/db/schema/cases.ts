import type { DeadlineRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_TYPES,
  LETTER_KINDS,
  REQUESTER_KINDS,
  SEND_METHODS,
} from '@pd-desk/shared/cases/case-model';
import type { Letterhead } from '@pd-desk/shared/settings/settings.schemas';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { subjects } from './subjects';
import { users } from './users';

/**
 * Обращение: anything with a legal clock. `dueOn` is stored (not computed on read) so the queue can
 * sort and page by it through the partial index; it is recomputed whenever the inputs or the
 * production calendar change.
 */
export const cases = pgTable(
  'cases',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incomingNumber: text().notNull().unique(),
    type: text({ enum: CASE_TYPES }).notNull(),
    rule: text().$type<DeadlineRuleId>().notNull(),
    channel: text({ enum: CASE_CHANNELS }).notNull(),
    requesterKind: text({ enum: REQUESTER_KINDS }).notNull(),
    requesterName: text().notNull(),
    /**
     * The linked subjects' full names ("Фамилия Имя Отчество", by subject id), for the queue: shown masked, and
     * kept here so a page of cases needs no lookup per row among a million subjects. Triggers on case_subjects
     * and subjects keep it in step in the same transaction as the link or the rename (migration 0015).
     */
    subjectNames: text().array().notNull().default(sql`'{}'::text[]`),
    requesterAddress: text(),
    requesterEmail: text(),
    authorityDocument: text(),
    rknInquiryNumber: text(),
    summary: text(),
    receivedOn: date({ mode: 'string' }).notNull(),
    registeredOn: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    /** The due date relied on a provisional calendar year: re-check when the decree is out. */
    dueProvisional: boolean().notNull(),
    /** A calendar-day term ended on a day off (kept, not moved); null when that year is not loaded. */
    dueOnDayOff: boolean(),
    extended: boolean().notNull().default(false),
    extensionReason: text(),
    status: text({ enum: CASE_STATUSES }).notNull().default('new'),
    /** Why it was rejected or closed without an answer. */
    statusReason: text(),
    assigneeId: integer().references(() => users.id),
    createdById: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** Optimistic concurrency: an edit based on an older version is refused, never overwrites. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The triage queue: open cases by due date. Closed cases (90 % after a year) stay out of it.
    index('cases_open_due_idx').on(t.dueOn, t.id).where(sql`${t.status} in ('new', 'identity_check', 'in_work')`),
    // Type and channel ride along so the filtered queue's count is an index-only scan.
    index('cases_open_assignee_due_idx')
      .on(t.assigneeId, t.dueOn, t.type, t.channel)
      .where(sql`${t.status} in ('new', 'identity_check', 'in_work')`),
    index().on(t.registeredOn, t.id),
    check(
      'cases_requester_documents',
      sql`(${t.requesterKind} <> 'representative' or ${t.authorityDocument} is not null)
        and (${t.requesterKind} <> 'rkn' or ${t.rknInquiryNumber} is not null)`,
    ),
  ],
);

/**
 * How many cases there are per status, type, channel and assignee: the queue's total without counting thousands of
 * open cases on every page. Kept by statement triggers on `cases` (migration 0018) as rows of +n / −n: a change only
 * ever inserts, so concurrent officers never wait on (or deadlock over) a shared counter row. The queue sums the rows
 * its filter selects; `compactCaseCounts` folds them back to one row per key now and then.
 */
export const caseCounts = pgTable('case_counts', {
  // The same names as the columns of `cases`: a queue filter on these four applies to this table unchanged.
  status: text({ enum: CASE_STATUSES }).notNull(),
  type: text({ enum: CASE_TYPES }).notNull(),
  channel: text({ enum: CASE_CHANNELS }).notNull(),
  assigneeId: integer(),
  n: integer().notNull(),
});

/** Subjects a case is about; `subjects` belongs to the subjects module, only its id is used here. */
export const caseSubjects = pgTable(
  'case_subjects',
  {
    caseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.subjectId] }), index().on(t.subjectId)],
);

/** The case's own timeline (what the officer reads); the audit log keeps the tamper-evident copy. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => users.id),
    kind: text().notNull(),
    /** Note text, reason, old and new values. */
    text: text(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.caseId, t.id)],
);

export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    /** Detected from the content (magic bytes), never from the name. */
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    /** The bytes live in the file store (modules/files) under this name, never in the database. */
    sha256: text().notNull(),
    description: text(),
    uploadedById: integer().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId)],
);

/** What a letter said, frozen when its outgoing number was given: the PDF is rendered from it. */
export type LetterContent = {
  letterhead: Letterhead;
  addressee: string;
  title: string;
  body: string;
  dateOn: string;
  incomingNumber: string;
  incomingReceivedOn: string;
};

export const caseLetters = pgTable(
  'case_letters',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text({ enum: LETTER_KINDS }).notNull(),
    outgoingNumber: text().notNull().unique(),
    content: jsonb().$type<LetterContent>().notNull(),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentMethod: text({ enum: SEND_METHODS }),
    sentOn: date({ mode: 'string' }),
    trackingNumber: text(),
    sentNote: text(),
  },
  (t) => [index().on(t.caseId)],
);

/**
 * One row per (series, year). Incrementing it inside the registering transaction locks the row, so
 * concurrent registrations queue up, and a rolled-back one gives its number back: no gaps.
 */
export const registrationCounters = pgTable(
  'registration_counters',
  {
    series: text({ enum: ['incoming', 'outgoing', 'destruction_act'] }).notNull(),
    year: integer().notNull(),
    lastValue: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

/** A user's saved triage filters. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    filters: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.userId, t.name)],
);

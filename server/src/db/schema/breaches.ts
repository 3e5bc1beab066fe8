import {
  BREACH_CATEGORIES,
  BREACH_JOB_KINDS,
  BREACH_JOB_STATES,
  BREACH_STATUSES,
  FILING_KINDS,
  NOTIFICATION_EXCEPTIONS,
  NOTIFICATION_STATES,
} from '@pd-desk/shared/breaches/breach-model';
import type { RknContact } from '@pd-desk/shared/breaches/breaches.schemas';
import type { RknNoticeField } from '@pd-desk/shared/breaches/rkn-notice';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { subjects } from './subjects';
import { users } from './users';

/**
 * Инцидент: a breach of personal data with its two Roskomnadzor clocks (24 h notice, 72 h report),
 * both counted from `establishedAt` in absolute time (shared/src/calendar/hour-clocks.ts).
 */
export const breaches = pgTable(
  'breaches',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    establishedAt: timestamp({ withTimezone: true }).notNull(),
    category: text({ enum: BREACH_CATEGORIES }).notNull(),
    foundBy: text().notNull(),
    foundHow: text().notNull().default(''),
    description: text().notNull(),
    dataCategories: jsonb().$type<PdField[]>().notNull(),
    systemIds: jsonb().$type<number[]>().notNull(),
    subjectsEstimate: integer(),
    subjectsExact: integer(),
    causes: text().notNull().default(''),
    harm: text().notNull().default(''),
    measures: text().notNull().default(''),
    rknContact: jsonb().$type<RknContact>().notNull(),
    investigationResults: text().notNull().default(''),
    responsiblePersons: text().notNull().default(''),
    status: text({ enum: BREACH_STATUSES }).notNull().default('open'),
    closedAt: timestamp({ withTimezone: true }),
    createdById: integer().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('breaches_established_idx').on(t.establishedAt),
    index('breaches_open_idx').on(t.establishedAt).where(sql`${t.status} <> 'closed'`),
  ],
);

/** The incident's timeline, as the page shows it; the audit log keeps the tamper-evident copy. */
export const breachEvents = pgTable(
  'breach_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    breachId: bigint({ mode: 'number' })
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => users.id),
    kind: text().notNull(),
    text: text(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.breachId, t.id)],
);

/** A filing with Roskomnadzor, frozen: the fields as sent, when, and the portal's reference. */
export const breachFilings = pgTable(
  'breach_filings',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    breachId: bigint({ mode: 'number' })
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    kind: text({ enum: FILING_KINDS }).notNull(),
    fields: jsonb().$type<RknNoticeField[]>().notNull(),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    portalReference: text().notNull(),
    filedById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.breachId, t.kind)],
);

export const breachAttachments = pgTable(
  'breach_attachments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    breachId: bigint({ mode: 'number' })
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    /** The bytes live in the file store (modules/files), never in the database. */
    sha256: text().notNull(),
    description: text(),
    uploadedById: integer().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.breachId)],
);

/** A subject whose data the incident touched, with the policy 5.2 exception and the notification state. */
export const breachSubjects = pgTable(
  'breach_subjects',
  {
    breachId: bigint({ mode: 'number' })
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    /** How the subject was added: search, criteria (system/purpose/period) or csv. */
    addedVia: text().notNull(),
    exception: text({ enum: NOTIFICATION_EXCEPTIONS }),
    exceptionReason: text(),
    state: text({ enum: NOTIFICATION_STATES }).notNull().default('pending'),
    notifiedAt: timestamp({ withTimezone: true }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.breachId, t.subjectId] }), index().on(t.breachId, t.state)],
);

/**
 * Long work on an incident (adding subjects by criteria or CSV, notifying them), done in chunks
 * with its progress committed after each one: after a restart the runner resumes from `cursor`.
 */
export const breachJobs = pgTable(
  'breach_jobs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    breachId: bigint({ mode: 'number' })
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    kind: text({ enum: BREACH_JOB_KINDS }).notNull(),
    state: text({ enum: BREACH_JOB_STATES }).notNull().default('queued'),
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Where the next chunk starts (a subject id); 0 before the first. */
    cursor: bigint({ mode: 'number' }).notNull().default(0),
    total: integer(),
    processed: integer().notNull().default(0),
    added: integer().notNull().default(0),
    /** What could not be matched or sent, for the report; capped. */
    problems: jsonb().$type<string[]>().notNull().default([]),
    problemCount: integer().notNull().default(0),
    error: text(),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.breachId, t.id),
    index('breach_jobs_unfinished_idx').on(t.id).where(sql`${t.state} in ('queued', 'running')`),
  ],
);

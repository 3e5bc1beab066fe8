import { PLAN_ACTIONS, PLAN_STATUSES } from '@pd-desk/shared/mail/withdrawal-plan';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseLetters, cases } from './cases';
import { pdRecords } from './subject-records';
import { subjects } from './subjects';
import { users } from './users';

/** The action plan of one consent-withdrawal case: one plan per case, its tasks run on the case's 30-day clock. */
export const withdrawalPlans = pgTable('withdrawal_plans', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  caseId: bigint({ mode: 'number' })
    .notNull()
    .unique()
    .references(() => cases.id, { onDelete: 'cascade' }),
  subjectId: bigint({ mode: 'number' })
    .notNull()
    .references(() => subjects.id),
  /** The purposes the letter withdraws; null when it withdraws every consent. */
  scopePurposeIds: jsonb().$type<number[]>(),
  status: text({ enum: PLAN_STATUSES }).notNull().default('draft'),
  /** The withdrawal clock (art. 21 p. 5): 30 calendar days from the day the letter arrived. */
  dueOn: date({ mode: 'string' }).notNull(),
  dueOnDayOff: boolean(),
  createdById: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  confirmedById: integer().references(() => users.id),
  confirmedAt: timestamp({ withTimezone: true, mode: 'string' }),
  completedAt: timestamp({ withTimezone: true, mode: 'string' }),
  /** The answer to the subject: a case letter, so it has an outgoing number and lands in the outgoing register. */
  answerLetterId: bigint({ mode: 'number' }).references(() => caseLetters.id),
  version: integer().notNull().default(1),
});

/** One record of the subject with the proposed and the chosen action; a task once the plan is confirmed. */
export const withdrawalPlanLines = pgTable(
  'withdrawal_plan_lines',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: bigint({ mode: 'number' })
      .notNull()
      .references(() => withdrawalPlans.id, { onDelete: 'cascade' }),
    recordId: bigint({ mode: 'number' })
      .notNull()
      .references(() => pdRecords.id),
    proposedAction: text({ enum: PLAN_ACTIONS }).notNull(),
    action: text({ enum: PLAN_ACTIONS }).notNull(),
    /** The purpose's source and retention quoted from the catalogue when the plan was made: the answer cites it. */
    basisText: text().notNull(),
    /** Why the officer chose another action than the proposal. */
    note: text(),
    confirmed: boolean().notNull().default(false),
    doneAt: timestamp({ withTimezone: true, mode: 'string' }),
    doneById: integer().references(() => users.id),
    destructionActId: bigint({ mode: 'number' }).references(() => destructionActs.id),
  },
  (t) => [uniqueIndex().on(t.planId, t.recordId), index().on(t.recordId)],
);

/** What the act lists for one destroyed record (RKN Order No. 179): frozen, the record itself is gone. */
export type ActEntry = {
  recordId: number;
  system: string;
  purpose: string;
  categories: PdField[];
  externalId: string | null;
};

/** Акт об уничтожении персональных данных (RKN Order No. 179), kept 3 years with its event-log extract. */
export const destructionActs = pgTable(
  'destruction_acts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull().unique(),
    caseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => cases.id),
    planId: bigint({ mode: 'number' })
      .notNull()
      .references(() => withdrawalPlans.id),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    destroyedOn: date({ mode: 'string' }).notNull(),
    entries: jsonb().$type<ActEntry[]>().notNull(),
    reason: text().notNull(),
    method: text().notNull(),
    /** The certified protection tool used (233-FZ, since 2024). */
    destructionTool: text(),
    destroyedById: integer().references(() => users.id),
    keepUntil: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.destroyedOn, t.id), index().on(t.caseId)],
);

import {
  BLOCK_OUTCOMES,
  BLOCK_REASONS,
  BLOCK_STATES,
  BLOCK_TARGET_KINDS,
  CONTACT_CHANNELS,
} from '@pd-desk/shared/blocks/block-model';
import { REQUESTER_KINDS } from '@pd-desk/shared/cases/case-model';
import { PD_FIELDS, type PdField } from '@pd-desk/shared/subjects/pd-records';
import { relations, sql } from 'drizzle-orm';
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
} from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { pdRecords, processingPurposes, processingSystems } from './subject-records';
import { subjects } from './subjects';
import { users } from './users';

/**
 * A block (policy 4.2.4; art. 21 p. 1): one subject's data, or part of it, taken out of use from the moment of the
 * request until the case resolves. The step clocks are stored so the queue and the blocks screen sort by them.
 */
export const blocks = pgTable(
  'blocks',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => cases.id),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    reason: text({ enum: BLOCK_REASONS }).notNull(),
    /** Copied from the case: the notices go to this requester, and to the subject as well when RKN asked. */
    requesterKind: text({ enum: REQUESTER_KINDS }).notNull(),
    state: text({ enum: BLOCK_STATES }).notNull(),
    /** What is disputed, in the officer's words. */
    description: text().notNull(),
    /** Inaccurate data: the officer confirmed blocking harms neither the subject nor third parties. */
    noHarmConfirmed: boolean().notNull().default(false),
    notBlockedReason: text(),
    outcome: text({ enum: BLOCK_OUTCOMES }),
    outcomeNote: text(),
    decidedOn: date({ mode: 'string' }),
    rectifyDueOn: date({ mode: 'string' }),
    stopDueOn: date({ mode: 'string' }),
    destroyDueOn: date({ mode: 'string' }),
    /** Destruction impossible in time: blocked until this day at the latest (6 months, art. 21 p. 6). */
    keepUntil: date({ mode: 'string' }),
    rectifiedAt: timestamp({ withTimezone: true, mode: 'string' }),
    stoppedAt: timestamp({ withTimezone: true, mode: 'string' }),
    destroyedAt: timestamp({ withTimezone: true, mode: 'string' }),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    liftedAt: timestamp({ withTimezone: true, mode: 'string' }),
    liftedById: integer().references(() => users.id),
    /** The case the unblocking named and why it was lifted. */
    liftCaseId: bigint({ mode: 'number' }).references(() => cases.id),
    liftReason: text(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('blocks_subject_in_effect_idx').on(t.subjectId).where(sql`${t.state} in ('active', 'kept_blocked')`),
    index().on(t.caseId),
    index().on(t.state, t.createdAt),
    check('blocks_not_blocked_has_reason', sql`${t.state} <> 'not_blocked' or ${t.notBlockedReason} is not null`),
  ],
);

/** What the officer chose (for display and the event): the whole subject, a system, a purpose, a record, a field. */
export const blockTargets = pgTable(
  'block_targets',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    blockId: bigint({ mode: 'number' })
      .notNull()
      .references(() => blocks.id, { onDelete: 'cascade' }),
    kind: text({ enum: BLOCK_TARGET_KINDS }).notNull(),
    systemId: integer().references(() => processingSystems.id),
    purposeId: integer().references(() => processingPurposes.id),
    recordId: bigint({ mode: 'number' }).references(() => pdRecords.id),
    field: text({ enum: PD_FIELDS }),
    /** A field target on one phone or e-mail: its normalised value (contact rows are replaced on rectification). */
    contactValue: text(),
  },
  (t) => [index().on(t.blockId)],
);

/**
 * The records a block holds, resolved when it took effect: `fields` null = the whole record (its state becomes
 * `blocked`), else only those fields are blocked and the record stays active for the rest.
 */
export const blockRecords = pgTable(
  'block_records',
  {
    blockId: bigint({ mode: 'number' })
      .notNull()
      .references(() => blocks.id, { onDelete: 'cascade' }),
    recordId: bigint({ mode: 'number' })
      .notNull()
      .references(() => pdRecords.id),
    fields: jsonb().$type<PdField[]>(),
  },
  (t) => [primaryKey({ columns: [t.blockId, t.recordId] }), index().on(t.recordId)],
);

/**
 * The phones and e-mails a block takes out of use, normalised like search (phone digits «7XXXXXXXXXX», e-mail
 * lower-cased), per purpose (null = every purpose). Frozen when the block takes effect: the permissions check and the
 * suppression list are an indexed lookup here, and a rectified (wrong) number stays suppressed until the unblock.
 */
export const blockContacts = pgTable(
  'block_contacts',
  {
    blockId: bigint({ mode: 'number' })
      .notNull()
      .references(() => blocks.id, { onDelete: 'cascade' }),
    channel: text({ enum: CONTACT_CHANNELS }).notNull(),
    value: text().notNull(),
    purposeId: integer().references(() => processingPurposes.id),
  },
  (t) => [
    index('block_contacts_value_idx').on(t.channel, t.value),
    index('block_contacts_purpose_idx').on(t.purposeId, t.channel),
    index().on(t.blockId),
  ],
);

// Read-side relations: the subject page loads a person's blocks in its one relational statement.
export const blockRelations = relations(blocks, ({ one, many }) => ({
  subject: one(subjects, { fields: [blocks.subjectId], references: [subjects.id] }),
  case: one(cases, { fields: [blocks.caseId], references: [cases.id] }),
  targets: many(blockTargets),
  records: many(blockRecords),
}));

export const blockRecordRelations = relations(blockRecords, ({ one }) => ({
  block: one(blocks, { fields: [blockRecords.blockId], references: [blocks.id] }),
}));

export const blockTargetRelations = relations(blockTargets, ({ one }) => ({
  block: one(blocks, { fields: [blockTargets.blockId], references: [blocks.id] }),
  system: one(processingSystems, { fields: [blockTargets.systemId], references: [processingSystems.id] }),
  purpose: one(processingPurposes, { fields: [blockTargets.purposeId], references: [processingPurposes.id] }),
}));

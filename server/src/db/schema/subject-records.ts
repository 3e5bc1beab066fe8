import {
  CONSENT_METHODS,
  LEGAL_BASES,
  type PdField,
  RECORD_STATES,
  REPRESENTATIVE_KINDS,
  WITHDRAWAL_CHANNELS,
} from '@pd-desk/shared/subjects/pd-records';
import { relations, sql } from 'drizzle-orm';
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
import { blocks } from './blocks';
import { caseLetters, caseSubjects, cases } from './cases';
import { subjectAddresses, subjectEmails, subjectFormerNames, subjectPhones, subjects } from './subjects';
import { users } from './users';

/** Where the clinic keeps personal data (booking site, MIS, HR…). Seeded from the policy; an admin edits the list. */
export const processingSystems = pgTable('processing_systems', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** Stable key for code and seed data; the name is what people read and may be renamed. */
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text(),
  /**
   * Who processes the data in this system on the operator's instruction (art. 6 p. 3), name and address, or null
   * when the clinic runs it itself: point 9 of the art. 14 p. 7 answer is filled from it.
   */
  processor: text(),
  /** Retired systems stay for the records that point at them but are not offered for new ones. */
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Why the clinic processes data (policy section 2 plus medical care, payments and HR), with its usual legal basis. */
export const processingPurposes = pgTable('processing_purposes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
  /** The policy clause or law the purpose comes from, quoted in answer letters. */
  source: text(),
  defaultLegalBasis: text({ enum: LEGAL_BASES }).notNull(),
  /** Retention rule in words (e.g. «25 лет с последнего посещения, приказ Минздрава № 408»). */
  retention: text(),
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A consent with the evidence 156-FZ asks for: which form, the exact text, the policy version, when and how. */
export const consents = pgTable(
  'consents',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    purposeId: integer()
      .notNull()
      .references(() => processingPurposes.id),
    method: text({ enum: CONSENT_METHODS }).notNull(),
    form: text().notNull(),
    checkboxText: text().notNull(),
    policyVersion: text().notNull(),
    givenAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    ip: text(),
    userAgent: text(),
    withdrawnAt: timestamp({ withTimezone: true, mode: 'string' }),
    withdrawalChannel: text({ enum: WITHDRAWAL_CHANNELS }),
    /** The day the letter or e-mail arrived: the 30-day clock of art. 21 p. 5 runs from it. */
    withdrawalReceivedOn: date({ mode: 'string' }),
    withdrawalNote: text(),
    withdrawnById: integer().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.subjectId),
    // The suppression list (/api/v1) starts from the rare withdrawn consents of a purpose.
    index('consents_withdrawn_purpose_subject_idx').on(t.purposeId, t.subjectId).where(sql`withdrawn_at is not null`),
  ],
);

/** One set of a subject's data in one system for one purpose: the unit that is blocked, stopped or destroyed. */
export const pdRecords = pgTable(
  'pd_records',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    systemId: integer()
      .notNull()
      .references(() => processingSystems.id),
    purposeId: integer()
      .notNull()
      .references(() => processingPurposes.id),
    /** The other system's own id for this record (PUT /api/v1/records/{system}/{externalId}); null for records kept by hand. */
    externalId: text(),
    legalBasis: text({ enum: LEGAL_BASES }).notNull(),
    /** The law, contract or consent named in letters (e.g. «договор № 2024/118 от 14.03.2024»). */
    legalBasisNote: text(),
    consentId: bigint({ mode: 'number' }).references(() => consents.id),
    dataFields: jsonb().$type<PdField[]>().notNull(),
    /** Where the data came from (policy 1.5): an access-request answer must name the source (art. 14 p. 7). */
    source: text(),
    collectedOn: date({ mode: 'string' }).notNull(),
    retainUntil: date({ mode: 'string' }),
    state: text({ enum: RECORD_STATES }).notNull().default('active'),
    stateReason: text(),
    stateChangedAt: timestamp({ withTimezone: true, mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.subjectId),
    index().on(t.systemId, t.state),
    // The breach register adds everyone with a record in a system or for a purpose, in subject order.
    index('pd_records_system_subject_idx').on(t.systemId, t.subjectId),
    index('pd_records_purpose_subject_idx').on(t.purposeId, t.subjectId),
    uniqueIndex('pd_records_system_external_idx').on(t.systemId, t.externalId),
    // The suppression list (/api/v1) starts from the rare records that are blocked or whose processing ended.
    index('pd_records_not_active_purpose_subject_idx').on(t.purposeId, t.subjectId).where(sql`state <> 'active'`),
  ],
);

/** Someone who acts for a subject: a parent of a child patient, a guardian, an attorney with a power of attorney. */
export const subjectRepresentatives = pgTable(
  'subject_representatives',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    kind: text({ enum: REPRESENTATIVE_KINDS }).notNull(),
    fullName: text().notNull(),
    contact: text(),
    /** Birth certificate, guardianship order or power of attorney: number, date, issuer. */
    authorityDocument: text().notNull(),
    validUntil: date({ mode: 'string' }),
    revokedAt: timestamp({ withTimezone: true, mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.subjectId)],
);

/**
 * Policy 4.1.2 and art. 21 p. 2: every correction with its reason and evidence, and the value it replaced. The audit
 * trail says who and when for each row; this table keeps the old values, which the trail only holds masked.
 */
export const subjectRectifications = pgTable(
  'subject_rectifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subjectId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    field: text().notNull(),
    /** For a phone, e-mail or address: which contact row was corrected. */
    contactId: bigint({ mode: 'number' }),
    oldValue: text(),
    newValue: text(),
    reason: text().notNull(),
    evidence: text().notNull(),
    actorId: integer().references(() => users.id),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index().on(t.subjectId, t.at)],
);

export type MergeMoves = {
  pdRecords: number[];
  consents: number[];
  representatives: number[];
  phones: number[];
  emails: number[];
  addresses: number[];
  formerNames: number[];
  /** Cases (case_subjects rows) re-pointed from the duplicate to the survivor. */
  caseIds: number[];
  /** The duplicate's surname, added to the survivor's former surnames so search still finds the person by it. */
  addedFormerNames: number[];
};

/** A merge of a duplicate into a survivor, with exactly which rows moved, so that it can be undone. */
export const subjectMerges = pgTable(
  'subject_merges',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    survivorId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    mergedId: bigint({ mode: 'number' })
      .notNull()
      .references(() => subjects.id),
    reason: text().notNull(),
    moved: jsonb().$type<MergeMoves>().notNull(),
    mergedById: integer().references(() => users.id),
    mergedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    undoneById: integer().references(() => users.id),
    undoneAt: timestamp({ withTimezone: true, mode: 'string' }),
  },
  (t) => [index().on(t.survivorId), index().on(t.mergedId)],
);

// Relations let the subject page load everything in one SQL statement (drizzle's relational query builds it with
// lateral joins), however many records, consents and cases a person has. They also describe the subjects and cases
// tables from the reading side only; those modules own the tables themselves.
export const subjectPageRelations = relations(subjects, ({ many }) => ({
  pdRecords: many(pdRecords),
  consents: many(consents),
  representatives: many(subjectRepresentatives),
  phones: many(subjectPhones),
  emails: many(subjectEmails),
  addresses: many(subjectAddresses),
  formerNames: many(subjectFormerNames),
  caseLinks: many(caseSubjects),
  blocks: many(blocks),
}));

export const pdRecordRelations = relations(pdRecords, ({ one }) => ({
  subject: one(subjects, { fields: [pdRecords.subjectId], references: [subjects.id] }),
  system: one(processingSystems, { fields: [pdRecords.systemId], references: [processingSystems.id] }),
  purpose: one(processingPurposes, { fields: [pdRecords.purposeId], references: [processingPurposes.id] }),
}));

export const consentRelations = relations(consents, ({ one }) => ({
  subject: one(subjects, { fields: [consents.subjectId], references: [subjects.id] }),
  purpose: one(processingPurposes, { fields: [consents.purposeId], references: [processingPurposes.id] }),
}));

export const representativeRelations = relations(subjectRepresentatives, ({ one }) => ({
  subject: one(subjects, { fields: [subjectRepresentatives.subjectId], references: [subjects.id] }),
}));

export const subjectPhoneRelations = relations(subjectPhones, ({ one }) => ({
  subject: one(subjects, { fields: [subjectPhones.subjectId], references: [subjects.id] }),
}));

export const subjectEmailRelations = relations(subjectEmails, ({ one }) => ({
  subject: one(subjects, { fields: [subjectEmails.subjectId], references: [subjects.id] }),
}));

export const subjectAddressRelations = relations(subjectAddresses, ({ one }) => ({
  subject: one(subjects, { fields: [subjectAddresses.subjectId], references: [subjects.id] }),
}));

export const subjectFormerNameRelations = relations(subjectFormerNames, ({ one }) => ({
  subject: one(subjects, { fields: [subjectFormerNames.subjectId], references: [subjects.id] }),
}));

export const caseSubjectRelations = relations(caseSubjects, ({ one }) => ({
  subject: one(subjects, { fields: [caseSubjects.subjectId], references: [subjects.id] }),
  case: one(cases, { fields: [caseSubjects.caseId], references: [cases.id] }),
}));

export const caseLetterListRelations = relations(cases, ({ many }) => ({
  letters: many(caseLetters),
}));

export const caseLetterRelations = relations(caseLetters, ({ one }) => ({
  case: one(cases, { fields: [caseLetters.caseId], references: [cases.id] }),
}));

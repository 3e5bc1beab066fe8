import { CASE_TYPES } from '@pd-desk/shared/cases/case-model';
import {
  type ConfirmableField,
  type LetterFieldValues,
  MAIL_CHANNELS,
  MATCH_STATUSES,
  OCR_STATUSES,
} from '@pd-desk/shared/mail/mail-model';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseAttachments, cases } from './cases';
import { subjects } from './subjects';
import { users } from './users';

/**
 * Incoming correspondence, paper and e-mail. The incoming number is the case's (a withdrawal is a case
 * registered through the cases service in the same transaction); an e-mail that withdraws nothing is kept
 * without a case so the register shows it and importing it again finds it.
 */
export const mailItems = pgTable(
  'mail_items',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text({ enum: MAIL_CHANNELS }).notNull(),
    caseId: bigint({ mode: 'number' }).references(() => cases.id),
    receivedOn: date({ mode: 'string' }).notNull(),
    postmarkOn: date({ mode: 'string' }),
    /** The sender as written on the envelope or in From:, not normalised. */
    senderName: text(),
    returnAddress: text(),
    birthDate: date({ mode: 'string' }),
    phone: text(),
    /** Lower-cased: what links a letter and an e-mail from the same person. */
    email: text(),
    signed: boolean().notNull(),
    representative: boolean().notNull().default(false),
    authorityDocument: text(),
    kind: text({ enum: CASE_TYPES }).notNull(),
    withdrawal: boolean().notNull(),
    scopeAll: boolean().notNull().default(true),
    scopePurposes: text().array().notNull().default(sql`'{}'::text[]`),
    subjectId: bigint({ mode: 'number' }).references(() => subjects.id),
    matchStatus: text({ enum: MATCH_STATUSES }).notNull().default('pending'),
    /** What OCR read on the scans (prefill proposal) and which of those fields the registrar confirmed. */
    ocrFields: jsonb().$type<LetterFieldValues>(),
    confirmedFields: text().array().$type<ConfirmableField[]>().notNull().default(sql`'{}'::text[]`),
    /** All scans' recognised text, for the search box (trigram index). */
    ocrText: text(),
    /** E-mail only: dedupe by Message-ID, else by the hash of the raw message. */
    messageId: text(),
    contentHash: text(),
    emailSubject: text(),
    /** The e-mail's body, kept with the item (officer and auditor read it). */
    bodyText: text(),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.receivedOn, t.id),
    index().on(t.caseId),
    index().on(t.email),
    uniqueIndex('mail_items_message_id_uq').on(t.messageId).where(sql`${t.messageId} is not null`),
    uniqueIndex('mail_items_content_hash_uq').on(t.contentHash).where(sql`${t.contentHash} is not null`),
    index('mail_items_ocr_text_trgm').using('gin', sql`${t.ocrText} gin_trgm_ops`),
    index('mail_items_sender_trgm').using('gin', sql`${t.senderName} gin_trgm_ops`),
  ],
);

/**
 * A scan (or an e-mail attachment) in the file store. Uploaded before the letter is saved, so the OCR
 * job can read it while the registrar types; `itemId` is set when the letter is saved. The job's state
 * is here, in the database: a restart picks queued and running jobs up again.
 */
export const mailScans = pgTable(
  'mail_scans',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint({ mode: 'number' }).references(() => mailItems.id, { onDelete: 'cascade' }),
    caseAttachmentId: bigint({ mode: 'number' }).references(() => caseAttachments.id),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    pageCount: integer().notNull().default(1),
    /** `scanner:<file name>` when taken from the scanner folder: that file is not offered again. */
    source: text(),
    ocrStatus: text({ enum: OCR_STATUSES }).notNull().default('queued'),
    ocrProgress: real().notNull().default(0),
    ocrText: text(),
    ocrFields: jsonb().$type<LetterFieldValues>(),
    ocrWithdrawal: boolean(),
    ocrScope: jsonb().$type<'all' | string[] | null>(),
    uploadedById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.itemId),
    index('mail_scans_ocr_queue_idx').on(t.id).where(sql`${t.ocrStatus} in ('queued', 'running')`),
    uniqueIndex('mail_scans_source_uq').on(t.source).where(sql`${t.source} is not null`),
  ],
);

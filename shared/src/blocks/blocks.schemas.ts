import { z } from 'zod';
import { REQUESTER_KINDS } from '../cases/case-model';
import { caseChannelSchema, requesterSchema } from '../cases/cases.schemas';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema, required, safeString, text, version } from '../schema-fields';
import { PD_FIELDS } from '../subjects/pd-records';
import { RECTIFIABLE_FIELDS } from '../subjects/subject-records.schemas';
import { BLOCK_OUTCOMES, BLOCK_REASONS, BLOCK_STATES, BLOCK_STEPS } from './block-model';

const reasonText = (message: string) =>
  safeString().trim().min(5, message).max(4000, msgText('form.noLongerThan4000Characters'));

/** What to block: the whole subject, or any mix of systems, purposes, records and single fields of a record. */
export const blockScopeSchema = z
  .object({
    wholeSubject: z.boolean().default(false),
    systemIds: z.array(id).max(50).default([]),
    purposeIds: z.array(id).max(50).default([]),
    recordIds: z.array(id).max(200).default([]),
    /** One field of one record (e.g. only the booking record's phone); contactId narrows a phone or e-mail to one. */
    fields: z
      .array(
        z.object({
          recordId: id,
          field: z.enum(PD_FIELDS, { error: msgText('form.unknownField') }),
          contactId: id.nullish(),
        }),
      )
      .max(200)
      .default([]),
  })
  .refine(
    (s) => s.wholeSubject || s.systemIds.length + s.purposeIds.length + s.recordIds.length + s.fields.length > 0,
    { error: msgText('form.markWhatToBlock') },
  );
export type BlockScopeInput = z.output<typeof blockScopeSchema>;

/** A new blocking case registered in the same step (a phone call, a letter): channel, requester, date. */
export const blockCaseSchema = z.object({
  channel: caseChannelSchema,
  requester: requesterSchema,
  receivedOn: isoDateSchema,
  summary: text(4000).optional(),
});

export const createBlockInput = z
  .object({
    subjectId: id,
    /** Block within an existing open case … */
    caseId: id.optional(),
    /** … or register a blocking case now. */
    newCase: blockCaseSchema.optional(),
    reason: z.enum(BLOCK_REASONS, { error: msgText('form.giveTheGroundsForThe2') }),
    scope: blockScopeSchema,
    description: reasonText(msgText('form.giveTheCaseOrRegister')),
    /** Inaccurate data only: the officer confirms blocking harms neither the subject nor third parties … */
    noHarmConfirmed: z.boolean().optional(),
    /** … or records why the data is not blocked (art. 21 p. 1). */
    notBlockedReason: text(4000).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.caseId === undefined) === (v.newCase === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: msgText('form.describeWhatIsDisputedAt') });
    }
    if (v.reason === 'inaccurate' && !v.noHarmConfirmed && !v.notBlockedReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['noHarmConfirmed'],
        message: msgText('form.confirmThatBlockingDoesNot'),
      });
    }
    if (v.reason === 'unlawful' && v.notBlockedReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['notBlockedReason'],
        message: msgText('form.withUnlawfulProcessingTheData'),
      });
    }
  });
export type CreateBlockInput = z.output<typeof createBlockInput>;

export const blockRefInput = z.object({ id, version });
export const blockIdInput = z.object({ id });

export const decideBlockInput = blockRefInput.extend({
  outcome: z.enum(BLOCK_OUTCOMES, { error: msgText('form.giveTheOutcomeOfThe') }),
  /** The reasoned answer: what the verification found. It goes into the notice to the requester. */
  note: reasonText(msgText('form.sayWhatTheCheckShowed')),
  /** The day the fact was established; the step clocks count from it. Today when absent. */
  decidedOn: isoDateSchema.optional(),
});
export type DecideBlockInput = z.output<typeof decideBlockInput>;

export const blockStepInput = blockRefInput.extend({
  note: reasonText(msgText('form.describeWhatWasDoneAt')),
});
export type BlockStepInput = z.output<typeof blockStepInput>;

/** Unblocking names the case it ends (its incoming number) so nobody lifts the wrong block by a slip. */
export const liftBlockInput = blockRefInput.extend({
  caseNumber: required(100, msgText('form.enterTheCaseNumber')),
  reason: reasonText(msgText('form.giveTheGroundsForLifting')),
});
export type LiftBlockInput = z.output<typeof liftBlockInput>;

/** Rectification of blocked data: the only edit a block allows, and only after the inaccuracy is confirmed. */
export const rectifyBlockedInput = z.object({
  blockId: id,
  subjectVersion: version,
  field: z.enum(RECTIFIABLE_FIELDS, { error: msgText('form.chooseWhatToCorrect') }),
  contactId: id.nullable().optional(),
  value: safeString().trim().max(300, msgText('form.tooLong')),
  evidence: safeString().trim().min(3, msgText('form.giveTheSupportingDocument')).max(1000),
});
export type RectifyBlockedInput = z.output<typeof rectifyBlockedInput>;

export const listBlocksInput = z.object({
  /** Blocks in effect, or the history of lifted and finished ones. */
  view: z.enum(['active', 'history']).default('active'),
  reason: z.enum(BLOCK_REASONS).optional(),
  requesterKind: z.enum(REQUESTER_KINDS).optional(),
  step: z.enum(BLOCK_STEPS).optional(),
  state: z.enum(BLOCK_STATES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export type ListBlocksInput = z.output<typeof listBlocksInput>;

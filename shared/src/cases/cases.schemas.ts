import { z } from 'zod';
import { deadlineRuleSchema } from '../calendar/calendar.schemas';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema, required, text, version } from '../schema-fields';
import { CASE_CHANNELS, CASE_STATUSES, CASE_TYPES, REQUESTER_KINDS } from './case-model';

export const caseTypeSchema = z.enum(CASE_TYPES, { error: msgText('form.unknownRequestType') });
export const caseChannelSchema = z.enum(CASE_CHANNELS, { error: msgText('form.unknownChannelOfReceipt') });
export const caseStatusSchema = z.enum(CASE_STATUSES, { error: msgText('form.unknownStatus') });

export const requesterSchema = z
  .object({
    kind: z.enum(REQUESTER_KINDS, { error: msgText('form.sayWhoMadeTheRequest') }),
    name: required(300, msgText('form.nameTheRequester')),
    /** Postal address for the answer: it goes in the same form as the request came (art. 14 p. 3). */
    address: text(500).optional(),
    email: z.email(msgText('form.invalidEMailAddress')).max(254).optional(),
    /** Power of attorney, birth certificate, guardianship act: number and date. */
    authorityDocument: text(500).optional(),
    rknInquiryNumber: text(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'representative' && !value.authorityDocument) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorityDocument'],
        message: msgText('form.forARepresentativeGiveThe'),
      });
    }
    if (value.kind === 'rkn' && !value.rknInquiryNumber) {
      ctx.addIssue({
        code: 'custom',
        path: ['rknInquiryNumber'],
        message: msgText('form.enterTheRoskomnadzorInquiryNumber'),
      });
    }
  });
export type RequesterInput = z.infer<typeof requesterSchema>;

const caseFields = {
  type: caseTypeSchema,
  /** Only for type `other`: every other type has its clock fixed by law. */
  rule: deadlineRuleSchema.optional(),
  channel: caseChannelSchema,
  requester: requesterSchema,
  receivedOn: isoDateSchema,
  summary: text(4000).optional(),
};

export const createCaseInput = z.object({
  ...caseFields,
  subjectIds: z.array(id).max(20, 'Не больше 20 субъектов в одном обращении').default([]),
  assigneeId: id.nullish(),
});
export type CreateCaseInput = z.infer<typeof createCaseInput>;

export const caseIdInput = z.object({ id });

/** What a case reveal may open: the requester's name, address, e-mail and document; the linked people. */
export const CASE_REVEAL_FIELDS = ['requester', 'subjects'] as const;
export type CaseRevealField = (typeof CASE_REVEAL_FIELDS)[number];
export const revealCaseInput = z.object({
  id,
  fields: z
    .array(z.enum(CASE_REVEAL_FIELDS, { error: msgText('form.unknownField') }))
    .min(1, msgText('form.chooseWhatToShow')),
});
export const caseRefSchema = z.object({ id, version });
export type CaseRef = z.infer<typeof caseRefSchema>;

export const updateCaseInput = caseRefSchema.extend({
  patch: z
    .object({ ...caseFields })
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { error: msgText('form.noChanges') }),
});
export type UpdateCaseInput = z.infer<typeof updateCaseInput>;

export const setCaseSubjectsInput = caseRefSchema.extend({
  subjectIds: z.array(id).max(20, msgText('form.noMoreThan20Subjects')),
});

export const transitionCaseInput = caseRefSchema.extend({
  to: caseStatusSchema,
  reason: text(2000).optional(),
});
export type TransitionCaseInput = z.infer<typeof transitionCaseInput>;

export const reopenCaseInput = caseRefSchema.extend({
  reason: required(2000, msgText('form.sayWhyTheCaseIs')),
});
export type ReopenCaseInput = z.infer<typeof reopenCaseInput>;

export const assignCaseInput = caseRefSchema.extend({ assigneeId: id.nullable() });

const extensionReason = required(2000, msgText('form.giveAReasonedCauseFor'));
export const extensionDraftInput = z.object({ id, reason: extensionReason });
export const extendCaseInput = caseRefSchema.extend({
  reason: extensionReason,
  /** The notice as the officer edited it; the drafted text when absent. */
  body: text(20_000).optional(),
});
export type ExtendCaseInput = z.infer<typeof extendCaseInput>;

export const addNoteInput = z.object({ id, text: required(10_000, msgText('form.emptyNote')) });

/** The form fields that travel with an uploaded file: multipart sends strings, the case id included. */
export const attachmentUploadInput = z.object({
  caseId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, msgText('form.theCaseTheFileIs'))
    .transform(Number)
    .pipe(id),
  fileName: required(255, msgText('form.enterTheFileName')),
  description: text(500).optional(),
});
export type AttachmentUploadInput = z.infer<typeof attachmentUploadInput>;

export const deadlinePreviewInput = z.object({
  type: caseTypeSchema,
  rule: deadlineRuleSchema.optional(),
  receivedOn: isoDateSchema,
  extended: z.boolean().default(false),
});

export const listCasesInput = z.object({
  /** Journal of requests by registration year (ВХ-YYYY-…); all years when absent. */
  year: z.number().int().min(2000).max(2100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

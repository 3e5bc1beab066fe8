import { z } from 'zod';
import { instantProblem } from '../calendar/instant';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema, required, safeString, text, version } from '../schema-fields';
import { PD_FIELDS } from '../subjects/pd-records';
import {
  AFFECTED_CRITERIA,
  BREACH_CATEGORIES,
  BREACH_STATUSES,
  FILING_KINDS,
  MAX_AFFECTED_CSV_BYTES,
  NOTIFICATION_EXCEPTIONS,
  NOTIFICATION_STATES,
} from './breach-model';

/** `YYYY-MM-DDTHH:MM` in the operator's zone, or with an offset or `Z`; the server reads it in its zone. */
export const instantInput = safeString().superRefine((value, ctx) => {
  const problem = instantProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const longText = (max = 5000) => text(max).optional().default('');

export const rknContactSchema = z.object({
  name: required(200, msgText('form.nameThePersonAuthorisedTo')),
  position: text(200).default(''),
  phone: text(60).default(''),
  email: text(254).default(''),
});
export type RknContact = z.infer<typeof rknContactSchema>;

const incidentFields = {
  category: z.enum(BREACH_CATEGORIES, { error: msgText('form.chooseTheKindOfIncident') }),
  foundBy: required(200, msgText('form.sayWhoFoundTheIncident')),
  foundHow: longText(2000),
  description: required(5000, msgText('form.describeWhatHappened')),
  dataCategories: z.array(z.enum(PD_FIELDS)).max(PD_FIELDS.length).default([]),
  systemIds: z.array(id).max(50).default([]),
  subjectsEstimate: z.number().int().min(0).max(100_000_000).nullable().default(null),
  causes: longText(),
  harm: longText(),
  measures: longText(),
  rknContact: rknContactSchema,
};

export const createBreachInput = z.object({ establishedAt: instantInput, ...incidentFields });
export type CreateBreachInput = z.infer<typeof createBreachInput>;

export const updateBreachInput = z.object({
  id,
  version,
  establishedAt: instantInput.optional(),
  ...z.object(incidentFields).partial().shape,
  subjectsExact: z.number().int().min(0).max(100_000_000).nullable().optional(),
  investigationResults: text(10_000).optional(),
  responsiblePersons: text(2000).optional(),
});
export type UpdateBreachInput = z.infer<typeof updateBreachInput>;

export const breachIdInput = z.object({ id });

export const fileBreachInput = z.object({
  id,
  version,
  kind: z.enum(FILING_KINDS),
  filedAt: instantInput,
  portalReference: required(100, msgText('form.enterTheNoticeNumberOn')),
});
export type FileBreachInput = z.infer<typeof fileBreachInput>;

export const closeBreachInput = z.object({ id, version, note: text(2000).default('') });
export const addBreachNoteInput = z.object({ id, text: required(5000, msgText('form.emptyEntry')) });

export const listBreachesInput = z.object({
  status: z.enum(BREACH_STATUSES).optional(),
  category: z.enum(BREACH_CATEGORIES).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ListBreachesInput = z.infer<typeof listBreachesInput>;

export const registerExportFormat = z.enum(['csv', 'xlsx', 'pdf']);
export type RegisterExportFormat = z.infer<typeof registerExportFormat>;

// ---- affected subjects ----

export const affectedCriteriaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(AFFECTED_CRITERIA[0]), systemId: id }),
  z.object({ kind: z.literal(AFFECTED_CRITERIA[1]), purposeId: id }),
  z
    .object({ kind: z.literal(AFFECTED_CRITERIA[2]), from: isoDateSchema, to: isoDateSchema })
    .refine(({ from, to }) => from <= to, { error: msgText('form.thePeriodStartsAfterIt'), path: ['to'] }),
]);
export type AffectedCriteria = z.infer<typeof affectedCriteriaSchema>;

export const addAffectedByCriteriaInput = z.object({ breachId: id, criteria: affectedCriteriaSchema });
export const addAffectedSubjectsInput = z.object({
  breachId: id,
  subjectIds: z.array(id).min(1).max(100, msgText('form.noMoreThan100Subjects')),
});
export const addAffectedCsvInput = z.object({
  breachId: id,
  csv: required(MAX_AFFECTED_CSV_BYTES, msgText('form.emptyFile')),
});
export const setExceptionInput = z
  .object({
    breachId: id,
    subjectId: id,
    exception: z.enum(NOTIFICATION_EXCEPTIONS).nullable(),
    reason: text(2000).default(''),
  })
  .refine(({ exception, reason }) => exception === null || reason.length > 0, {
    error: msgText('form.giveTheGroundsForThe'),
    path: ['reason'],
  });
export type SetExceptionInput = z.infer<typeof setExceptionInput>;

export const listAffectedInput = z.object({
  breachId: id,
  state: z.enum(NOTIFICATION_STATES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export const jobIdInput = z.object({ id });

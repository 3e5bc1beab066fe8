import { z } from 'zod';
import { DEADLINE_RULE_IDS } from '../calendar/deadline-rules';
import { isIsoDate } from '../calendar/iso-date';
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_TYPES,
  LETTER_KINDS,
  REQUESTER_KINDS,
  SEND_METHODS,
  TRIAGE_SORTS,
} from './case-model';

export const isoDateSchema = z.string().refine(isIsoDate, { error: 'Ожидается дата в формате ГГГГ-ММ-ДД' });
const id = z.number().int().positive();
const version = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);
const required = (max: number, message: string) => text(max).min(1, message);

export const caseTypeSchema = z.enum(CASE_TYPES, { error: 'Неизвестный тип обращения' });
export const caseChannelSchema = z.enum(CASE_CHANNELS, { error: 'Неизвестный канал поступления' });
export const caseStatusSchema = z.enum(CASE_STATUSES, { error: 'Неизвестный статус' });
export const deadlineRuleSchema = z.enum(DEADLINE_RULE_IDS, { error: 'Неизвестное правило срока' });

export const requesterSchema = z
  .object({
    kind: z.enum(REQUESTER_KINDS, { error: 'Укажите, кто обратился' }),
    name: required(300, 'Укажите заявителя'),
    /** Postal address for the answer: it goes in the same form as the request came (art. 14 p. 3). */
    address: text(500).optional(),
    email: z.email('Некорректный адрес электронной почты').max(254).optional(),
    /** Power of attorney, birth certificate, guardianship act: number and date. */
    authorityDocument: text(500).optional(),
    rknInquiryNumber: text(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'representative' && !value.authorityDocument) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorityDocument'],
        message: 'Для представителя укажите документ, подтверждающий полномочия',
      });
    }
    if (value.kind === 'rkn' && !value.rknInquiryNumber) {
      ctx.addIssue({ code: 'custom', path: ['rknInquiryNumber'], message: 'Укажите номер запроса Роскомнадзора' });
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
export const caseRefSchema = z.object({ id, version });
export type CaseRef = z.infer<typeof caseRefSchema>;

export const updateCaseInput = caseRefSchema.extend({
  patch: z
    .object({ ...caseFields })
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { error: 'Нет изменений' }),
});
export type UpdateCaseInput = z.infer<typeof updateCaseInput>;

export const setCaseSubjectsInput = caseRefSchema.extend({
  subjectIds: z.array(id).max(20, 'Не больше 20 субъектов в одном обращении'),
});

export const transitionCaseInput = caseRefSchema.extend({
  to: caseStatusSchema,
  reason: text(2000).optional(),
});
export type TransitionCaseInput = z.infer<typeof transitionCaseInput>;

export const assignCaseInput = caseRefSchema.extend({ assigneeId: id.nullable() });

const extensionReason = required(2000, 'Укажите мотивированную причину продления срока');
export const extensionDraftInput = z.object({ id, reason: extensionReason });
export const extendCaseInput = caseRefSchema.extend({
  reason: extensionReason,
  /** The notice as the officer edited it; the drafted text when absent. */
  body: text(20_000).optional(),
});
export type ExtendCaseInput = z.infer<typeof extendCaseInput>;

export const addNoteInput = z.object({ id, text: required(10_000, 'Пустая заметка') });

/** The form fields that travel with an uploaded file: multipart sends strings, the case id included. */
export const attachmentUploadInput = z.object({
  caseId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'Не указано обращение, к которому добавляется файл')
    .transform(Number),
  fileName: required(255, 'Укажите имя файла'),
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

// ---- triage ----

export const triageFiltersSchema = z.object({
  types: z.array(caseTypeSchema).optional(),
  channels: z.array(caseChannelSchema).optional(),
  /** Open statuses when absent: the queue is about running clocks. */
  statuses: z.array(caseStatusSchema).optional(),
  /** A user id, `me`, or `none` (unassigned). */
  assignee: z.union([id, z.literal('me'), z.literal('none')]).optional(),
  /** overdue | today | soon (≤ 2 working days left, not overdue). */
  urgency: z.enum(['overdue', 'today', 'soon']).optional(),
  search: text(200).optional(),
});
export type TriageFilters = z.infer<typeof triageFiltersSchema>;

export const triageListInput = triageFiltersSchema.extend({
  sort: z.enum(TRIAGE_SORTS).default('due'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type TriageListInput = z.infer<typeof triageListInput>;

export const saveViewInput = z.object({
  name: required(80, 'Назовите представление'),
  filters: triageListInput.omit({ limit: true, offset: true }).partial(),
});
export type SaveViewInput = z.infer<typeof saveViewInput>;
export const viewIdInput = z.object({ id });

const bulkItems = z.array(caseRefSchema).min(1, 'Не выбрано ни одного обращения').max(500, 'Не больше 500 за раз');
export const bulkAssignInput = z.object({ items: bulkItems, assigneeId: id.nullable() });
export const bulkCloseInput = z.object({ items: bulkItems, reason: required(2000, 'Укажите причину закрытия') });

// ---- letters ----

export const letterDraftInput = z.object({ caseId: id, kind: z.enum(LETTER_KINDS).default('answer') });

export const createLetterInput = z.object({
  caseId: id,
  kind: z.enum(LETTER_KINDS, { error: 'Неизвестный вид письма' }),
  body: required(20_000, 'Пустой текст письма'),
  /** Defaults to the requester's name and address. */
  addressee: text(800).optional(),
});
export type CreateLetterInput = z.infer<typeof createLetterInput>;

export const letterIdInput = z.object({ letterId: id });

export const markLetterSentInput = z
  .object({
    letterId: id,
    method: z.enum(SEND_METHODS, { error: 'Укажите способ отправки' }),
    sentOn: isoDateSchema,
    trackingNumber: text(60).optional(),
    /** E-mail address used, or who received it in person. */
    note: text(500).optional(),
  })
  .refine((value) => value.method !== 'post' || !!value.trackingNumber, {
    path: ['trackingNumber'],
    error: 'Для почтового отправления укажите трек-номер (ШПИ)',
  });
export type MarkLetterSentInput = z.infer<typeof markLetterSentInput>;

// ---- settings ----

export const letterheadSchema = z.object({
  operatorName: required(300, 'Укажите наименование оператора'),
  address: required(500, 'Укажите адрес оператора'),
  responsiblePerson: required(200, 'Укажите ответственного за обработку ПДн'),
  responsiblePosition: text(200).default('Ответственный за организацию обработки персональных данных'),
  phone: text(60).optional(),
  email: z.email('Некорректный адрес электронной почты').max(254).optional(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

const NUMBER_FORMAT_HINT =
  'Формат номера должен содержать {NNNN} (счётчик) и может содержать {YYYY} (год), например ВХ-{YYYY}-{NNNN}';
const numberFormat = required(60, NUMBER_FORMAT_HINT).refine((value) => /\{N+\}/.test(value), {
  error: NUMBER_FORMAT_HINT,
});
export const numberingSchema = z.object({ incoming: numberFormat, outgoing: numberFormat });
export type Numbering = z.infer<typeof numberingSchema>;

// ---- calendar ----

export const importCalendarInput = z.discriminatedUnion('format', [
  /** The shape of shared/src/calendar/data/ru-<year>.json; validated by calendarYearSchema. */
  z.object({ format: z.literal('json'), year: z.unknown(), verified: z.boolean().optional() }),
  z.object({ format: z.literal('xml'), xml: z.string().min(1).max(200_000), verified: z.boolean().optional() }),
]);
export type ImportCalendarInput = z.infer<typeof importCalendarInput>;

export const calendarYearInput = z.object({ year: z.number().int().min(1900).max(2100) });
export const setCalendarVerifiedInput = calendarYearInput.extend({ verified: z.boolean() });

export const dueInput = z.object({
  rule: deadlineRuleSchema,
  receivedOn: isoDateSchema,
  extended: z.boolean().default(false),
});

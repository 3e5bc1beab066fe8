import { z } from 'zod';
import { bigId, id, isoDateSchema, pastIsoDateSchema, safeString, version } from '../schema-fields';
import { LEGAL_BASES, PD_FIELDS, REPRESENTATIVE_KINDS, WITHDRAWAL_CHANNELS } from './pd-records';
import { SUBJECT_CATEGORIES } from './subject-categories';

const pastDate = pastIsoDateSchema.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  'Дата не может быть в будущем',
);

const namePart = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Укажите ${label}`)
    .max(80, 'Слишком длинно')
    .regex(/^[\p{L}][\p{L}'’ -]*$/u, 'Только буквы, дефис, апостроф и пробел');

const optionalNamePart = z
  .string()
  .trim()
  .max(80, 'Слишком длинно')
  .transform((v) => v || null)
  .nullable()
  .optional();

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'Слишком длинно')
    .transform((v) => v || null)
    .nullable()
    .optional();

/** Why and on what grounds data changed: policy 4.1.2 and the evidence art. 21 p. 2 asks the operator to hold. */
const reason = safeString().trim().min(5, 'Укажите причину (не короче 5 символов)').max(1000);
const evidence = safeString().trim().min(3, 'Укажите подтверждающий документ').max(1000);

export const subjectIdInput = z.object({ subjectId: id });

export const createSubjectInput = z.object({
  lastName: namePart('фамилию'),
  firstName: namePart('имя'),
  middleName: optionalNamePart,
  birthDate: pastDate.nullable().optional(),
  category: z.enum(SUBJECT_CATEGORIES, { error: 'Выберите категорию' }),
  phone: optionalText(40),
  email: z
    .union([z.literal(''), z.email('Не похоже на адрес электронной почты').max(200)])
    .transform((v) => v || null)
    .nullable()
    .optional(),
  address: optionalText(300),
  /** Where the data came from (art. 14 p. 7 asks for the source): «письмо вх. № 15 от 03.02.2026». */
  source: safeString().trim().min(3, 'Укажите, откуда данные').max(300),
});
export type CreateSubjectInput = z.input<typeof createSubjectInput>;

export const RECTIFIABLE_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'category',
  'phone',
  'email',
  'address',
] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];
export const CONTACT_FIELDS: readonly RectifiableField[] = ['phone', 'email', 'address'];

export const rectifyInput = z
  .object({
    subjectId: id,
    /** The version the officer saw: an edit on top of someone else's change is refused. */
    version,
    field: z.enum(RECTIFIABLE_FIELDS, { error: 'Выберите, что исправить' }),
    /** For a phone, e-mail or address: the row to correct; absent to add a new one. */
    contactId: id.nullable().optional(),
    /** The corrected value; empty removes a contact or a patronymic. */
    value: safeString().trim().max(300, 'Слишком длинно'),
    /** A changed surname (marriage) stays searchable as a former one unless the old one was simply a typo. */
    keepFormerLastName: z.boolean().optional(),
    reason,
    evidence,
  })
  .superRefine((v, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if ((v.field === 'lastName' || v.field === 'firstName') && !v.value) fail('Укажите новое значение');
    if (v.field === 'birthDate' && v.value && !pastDate.safeParse(v.value).success) fail('Дата в формате ГГГГ-ММ-ДД');
    if (v.field === 'category' && !(SUBJECT_CATEGORIES as readonly string[]).includes(v.value))
      fail('Выберите категорию');
    if (v.field === 'email' && v.value && !z.email().safeParse(v.value).success)
      fail('Не похоже на адрес электронной почты');
    if (CONTACT_FIELDS.includes(v.field) && !v.contactId && !v.value) fail('Укажите новое значение');
  });
export type RectifyInput = z.input<typeof rectifyInput>;

/** What a reveal may open; each is named in the audit entry. */
export const REVEAL_FIELDS = [
  'name',
  'birthDate',
  'contacts',
  'representatives',
  'consentEvidence',
  'history',
] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export const revealInput = z.object({
  subjectId: id,
  fields: z.array(z.enum(REVEAL_FIELDS)).min(1, 'Выберите, что показать'),
});

export const historyInput = z.object({
  subjectId: id,
  /** Views and searches are many; the history shows changes unless asked for them too. */
  includeViews: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: bigId.nullish(),
});

export const mergeInput = z
  .object({
    survivorId: id,
    survivorVersion: version,
    mergedId: id,
    mergedVersion: version,
    reason,
  })
  .refine((v) => v.survivorId !== v.mergedId, { message: 'Нельзя объединить запись саму с собой', path: ['mergedId'] });

export const undoMergeInput = z.object({ mergeId: id, reason });

export const withdrawConsentInput = z.object({
  consentId: id,
  version,
  channel: z.enum(WITHDRAWAL_CHANNELS, { error: 'Как поступил отзыв?' }),
  /**
   * The day the withdrawal arrived: the 30-day clock (art. 21 p. 5) counts from it. «Not after today» needs the
   * operator's today, not this machine's UTC one: the server checks it with its clock (calendar/past-dates.ts).
   */
  receivedOn: pastIsoDateSchema,
  note: optionalText(1000),
});

export const addRepresentativeInput = z.object({
  subjectId: id,
  kind: z.enum(REPRESENTATIVE_KINDS, { error: 'Кем приходится представитель?' }),
  fullName: safeString().trim().min(3, 'Укажите ФИО представителя').max(200),
  contact: optionalText(200),
  authorityDocument: safeString().trim().min(5, 'Укажите документ, подтверждающий полномочия').max(300),
  validUntil: isoDateSchema.nullable().optional(),
});

export const representativeIdInput = z.object({ representativeId: id });

export const addRecordInput = z.object({
  subjectId: id,
  systemId: id,
  purposeId: id,
  legalBasis: z.enum(LEGAL_BASES, { error: 'Укажите правовое основание' }),
  legalBasisNote: optionalText(300),
  dataFields: z.array(z.enum(PD_FIELDS)).min(1, 'Отметьте, какие данные хранятся'),
  source: optionalText(300),
  collectedOn: pastDate,
  retainUntil: isoDateSchema.nullable().optional(),
});

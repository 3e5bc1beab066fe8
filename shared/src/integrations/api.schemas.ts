import { z } from 'zod';
import { CASE_TYPES } from '../cases/case-model';
import { isoDateSchema, pastIsoDateSchema, required, safeString, text } from '../schema-fields';
import { LEGAL_BASES, PD_FIELDS } from '../subjects/pd-records';
import { SUBJECT_CATEGORIES } from '../subjects/subject-categories';

// The /api/v1 contract. The same schemas parse requests on the server and generate the OpenAPI document
// (server/src/modules/integrations/openapi.ts), so the document cannot drift from what the server accepts.

/** Catalogue codes («online_booking»); whether the code exists is the server's answer (unknown_purpose). */
export const purposeCode = safeString({ error: 'Укажите код цели обработки (purpose)' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'Код цели — латинские строчные буквы, цифры и «_» (например, online_booking)')
  .meta({ description: 'Код цели обработки из справочника PD Desk', example: 'online_booking' });

export const PERMISSION_REASONS = [
  'blocked',
  'consent-withdrawn',
  'no-consent',
  'processing-stopped',
  'unknown-contact',
] as const;
export type PermissionReason = (typeof PERMISSION_REASONS)[number];

/** A query parameter given once: a repeated `?phone=…&phone=…` arrives as an array and is refused in Russian. */
const queryText = (name: string, max: number) =>
  safeString({ error: `${name}: ожидается одно значение` })
    .trim()
    .max(max, `${name}: не длиннее ${max} символов`);

export const permissionsQuery = z
  .object({
    phone: queryText('phone', 40)
      .optional()
      .meta({ description: 'Телефон в любом написании: +7 912 345-67-89, 89123456789…' }),
    email: queryText('email', 254).optional().meta({ description: 'Адрес электронной почты (регистр не важен)' }),
    purpose: purposeCode,
  })
  .refine((q) => (q.phone ? 1 : 0) + (q.email ? 1 : 0) === 1, {
    error: 'Укажите ровно один контакт: phone или email',
    path: ['phone'],
  });
export type PermissionsQuery = z.infer<typeof permissionsQuery>;

export const permissionsResponse = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.enum(PERMISSION_REASONS)),
});
export type PermissionsResponse = z.infer<typeof permissionsResponse>;

export const SUPPRESSION_FORMATS = ['json', 'csv'] as const;
export const suppressionQuery = z.object({
  purpose: purposeCode,
  format: z.enum(SUPPRESSION_FORMATS, { error: 'Формат: json или csv' }).default('json'),
});
export const suppressionEntry = z.object({
  kind: z.enum(['phone', 'email']),
  /** Normalised: '7XXXXXXXXXX' for phones, lower case for e-mails. */
  value: z.string(),
});
export const suppressionResponse = z.object({
  purpose: z.string(),
  version: z.string().meta({ description: 'Совпадает с ETag: номер изменения данных, из которых построен список' }),
  contacts: z.array(suppressionEntry),
});

/** Who the data is about; matched by phone, e-mail, then name and birth date, else a new subject is created. */
export const apiPerson = z.object({
  lastName: text(80).optional(),
  firstName: text(80).optional(),
  middleName: text(80).optional(),
  birthDate: pastIsoDateSchema.optional(),
  phone: text(40).optional(),
  email: text(254).optional(),
  category: z.enum(SUBJECT_CATEGORIES, { error: 'Неизвестная категория субъекта' }).optional(),
});
export type ApiPerson = z.infer<typeof apiPerson>;

export const consentInput = z.object({
  person: apiPerson,
  purpose: purposeCode,
  form: required(300, 'Укажите форму, на которой дано согласие (form)'),
  checkboxText: required(4000, 'Укажите текст согласия у флажка (checkboxText)'),
  policyVersion: required(100, 'Укажите версию политики (policyVersion)'),
  givenAt: z.iso.datetime({ offset: true, error: 'givenAt: ожидается время в формате ISO 8601 с часовым поясом' }),
  ip: z.union([z.ipv4(), z.ipv6()], { error: 'ip: ожидается IPv4 или IPv6 адрес' }),
  userAgent: text(500).optional(),
});
export type ConsentInput = z.infer<typeof consentInput>;
export const consentResponse = z.object({
  consentId: z.number().int(),
  subjectId: z.number().int(),
  newSubject: z.boolean(),
});

export const API_REQUEST_TYPES = CASE_TYPES.filter(
  (t) => t !== 'rkn_inquiry' && t !== 'medical_records_copy',
) as Exclude<(typeof CASE_TYPES)[number], 'rkn_inquiry' | 'medical_records_copy'>[];
export const requestInput = z.object({
  type: z.enum(API_REQUEST_TYPES as [string, ...string[]], { error: 'Неизвестный тип обращения' }),
  requester: z.object({
    name: required(300, 'Укажите имя заявителя'),
    email: z.email('Некорректный адрес электронной почты').max(254).optional(),
    address: text(500).optional(),
  }),
  summary: required(4000, 'Опишите обращение (summary)'),
});
export type RequestInput = z.infer<typeof requestInput>;
export const requestResponse = z.object({
  caseId: z.number().int(),
  receiptNumber: z.string().meta({ description: 'Входящий номер: сообщите его заявителю' }),
  registeredOn: z.string(),
  dueOn: z.string(),
});

export const recordInput = z.object({
  person: apiPerson,
  purpose: purposeCode,
  legalBasis: z.enum(LEGAL_BASES, { error: 'Основание: consent, contract или law' }),
  legalBasisNote: text(500).optional(),
  fields: z.array(z.enum(PD_FIELDS, { error: 'Неизвестное поле ПДн' })).min(1, 'Укажите хотя бы одно поле ПДн'),
  collectedOn: isoDateSchema.optional(),
  retainUntil: isoDateSchema.optional(),
  source: text(300).optional(),
});
export type RecordInput = z.infer<typeof recordInput>;
export const recordResponse = z.object({
  recordId: z.number().int(),
  subjectId: z.number().int(),
  created: z.boolean(),
});

export const externalIdParam = safeString()
  .min(1, 'Пустой идентификатор записи')
  .max(200, 'Идентификатор записи не длиннее 200 символов');
export const recordPathParams = z.object({
  system: safeString().regex(/^[a-z][a-z0-9_]{1,63}$/, 'Код системы — латинские строчные буквы, цифры и «_»'),
  externalId: externalIdParam,
});

export const apiError = z.object({
  code: z.string().meta({ description: 'Машиночитаемый код ошибки' }),
  message: z.string().meta({ description: 'Сообщение по-русски' }),
});

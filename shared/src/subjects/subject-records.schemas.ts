import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { bigId, id, isoDateSchema, pastIsoDateSchema, safeString, version } from '../schema-fields';
import { LEGAL_BASES, PD_FIELDS, REPRESENTATIVE_KINDS, WITHDRAWAL_CHANNELS } from './pd-records';
import { SUBJECT_CATEGORIES } from './subject-categories';

const pastDate = pastIsoDateSchema.refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  msgText('form.theDateCannotBeIn'),
);

const namePart = (message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(80, msgText('form.tooLong'))
    .regex(/^[\p{L}][\p{L}'’ -]*$/u, msgText('form.lettersHyphenApostropheAndSpace'));

const optionalNamePart = z
  .string()
  .trim()
  .max(80, msgText('form.tooLong'))
  .transform((v) => v || null)
  .nullable()
  .optional();

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msgText('form.tooLong'))
    .transform((v) => v || null)
    .nullable()
    .optional();

/** Why and on what grounds data changed: policy 4.1.2 and the evidence art. 21 p. 2 asks the operator to hold. */
const reason = safeString().trim().min(5, msgText('form.giveTheReasonAtLeast')).max(1000);
const evidence = safeString().trim().min(3, msgText('form.giveTheSupportingDocument')).max(1000);

export const subjectIdInput = z.object({ subjectId: id });

export const createSubjectInput = z.object({
  lastName: namePart(msgText('form.enterTheLastName')),
  firstName: namePart(msgText('form.enterTheName')),
  middleName: optionalNamePart,
  birthDate: pastDate.nullable().optional(),
  category: z.enum(SUBJECT_CATEGORIES, { error: msgText('form.chooseACategory') }),
  phone: optionalText(40),
  email: z
    .union([z.literal(''), z.email(msgText('form.doesNotLookLikeAn')).max(200)])
    .transform((v) => v || null)
    .nullable()
    .optional(),
  address: optionalText(300),
  /** Where the data came from (art. 14 p. 7 asks for the source): «письмо вх. № 15 от 03.02.2026». */
  source: safeString().trim().min(3, msgText('form.sayWhereTheDataCome')).max(300),
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
    field: z.enum(RECTIFIABLE_FIELDS, { error: msgText('form.chooseWhatToCorrect') }),
    /** For a phone, e-mail or address: the row to correct; absent to add a new one. */
    contactId: id.nullable().optional(),
    /** The corrected value; empty removes a contact or a patronymic. */
    value: safeString().trim().max(300, msgText('form.tooLong')),
    /** A changed surname (marriage) stays searchable as a former one unless the old one was simply a typo. */
    keepFormerLastName: z.boolean().optional(),
    reason,
    evidence,
  })
  .superRefine((v, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if ((v.field === 'lastName' || v.field === 'firstName') && !v.value) fail(msgText('form.enterTheNewValue'));
    if (v.field === 'birthDate' && v.value && !pastDate.safeParse(v.value).success)
      fail(msgText('form.dateInTheFormatYyyy'));
    if (v.field === 'category' && !(SUBJECT_CATEGORIES as readonly string[]).includes(v.value))
      fail(msgText('form.chooseACategory'));
    if (v.field === 'email' && v.value && !z.email().safeParse(v.value).success)
      fail(msgText('form.doesNotLookLikeAn'));
    if (CONTACT_FIELDS.includes(v.field) && !v.contactId && !v.value) fail(msgText('form.enterTheNewValue'));
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
  fields: z.array(z.enum(REVEAL_FIELDS)).min(1, msgText('form.chooseWhatToShow')),
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
  .refine((v) => v.survivorId !== v.mergedId, { message: msgText('form.aRecordCannotBeMerged'), path: ['mergedId'] });

export const undoMergeInput = z.object({ mergeId: id, reason });

export const withdrawConsentInput = z.object({
  consentId: id,
  version,
  channel: z.enum(WITHDRAWAL_CHANNELS, { error: msgText('form.howDidTheWithdrawalArrive') }),
  /**
   * The day the withdrawal arrived: the 30-day clock (art. 21 p. 5) counts from it. «Not after today» needs the
   * operator's today, not this machine's UTC one: the server checks it with its clock (calendar/past-dates.ts).
   */
  receivedOn: pastIsoDateSchema,
  note: optionalText(1000),
});

export const addRepresentativeInput = z.object({
  subjectId: id,
  kind: z.enum(REPRESENTATIVE_KINDS, { error: msgText('form.whoIsTheRepresentativeTo') }),
  fullName: safeString().trim().min(3, msgText('form.enterTheRepresentativeSFull')).max(200),
  contact: optionalText(200),
  authorityDocument: safeString().trim().min(5, msgText('form.giveTheDocumentThatConfirms')).max(300),
  validUntil: isoDateSchema.nullable().optional(),
});

export const representativeIdInput = z.object({ representativeId: id });

export const addRecordInput = z.object({
  subjectId: id,
  systemId: id,
  purposeId: id,
  legalBasis: z.enum(LEGAL_BASES, { error: msgText('form.giveTheLegalBasis') }),
  legalBasisNote: optionalText(300),
  dataFields: z.array(z.enum(PD_FIELDS)).min(1, msgText('form.markWhichDataAreKept')),
  source: optionalText(300),
  // «After today» is the operator's today (Yekaterinburg runs 5 hours ahead of UTC): the server decides it with
  // its clock (calendar/past-dates.ts), and the form's picker stops at the same day.
  collectedOn: pastIsoDateSchema,
  retainUntil: isoDateSchema.nullable().optional(),
});

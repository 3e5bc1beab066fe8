import { z } from 'zod';
import { CASE_TYPES } from '../cases/case-model';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema, pastIsoDateSchema, safeString, text } from '../schema-fields';
import { CONFIRMABLE_FIELDS } from './mail-model';

const purposeCode = safeString().trim().min(1).max(64);

/** Everything the registrar enters for one paper letter; the scans were uploaded before (their ids). */
export const createMailItemInput = z
  .object({
    receivedOn: isoDateSchema,
    postmarkOn: isoDateSchema.optional(),
    /** As written on the letter; empty when the letter names nobody — it still gets its number. */
    senderName: text(300).optional(),
    returnAddress: text(500).optional(),
    birthDate: pastIsoDateSchema.optional(),
    phone: text(40).optional(),
    email: z.email(msgText('form.invalidEMailAddress')).max(254).optional(),
    signed: z.boolean(),
    representative: z.boolean(),
    authorityDocument: text(500).optional(),
    kind: z.enum(CASE_TYPES, { error: msgText('form.unknownRequestKind') }),
    scopeAll: z.boolean(),
    scopePurposes: z.array(purposeCode).max(20).default([]),
    scanIds: z.array(id).max(20, 'Не больше 20 файлов у одного письма').default([]),
    /** Prefilled fields the registrar confirmed (Enter / checkbox): stored with the letter. */
    confirmedFields: z.array(z.enum(CONFIRMABLE_FIELDS)).max(CONFIRMABLE_FIELDS.length).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.representative && !value.authorityDocument) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorityDocument'],
        message: msgText('form.forARepresentativeGiveThe'),
      });
    }
    if (!value.scopeAll && value.scopePurposes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['scopePurposes'], message: msgText('form.giveThePurposesOrChoose') });
    }
  });
export type CreateMailItemInput = z.input<typeof createMailItemInput>;

export const listMailItemsInput = z.object({
  /** Incoming number, sender or words of the recognised text (the text only for officer, admin, auditor). */
  q: text(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

export const mailItemIdInput = z.object({ id });
export const scanIdInput = z.object({ id });
export const scanPagesInput = z.object({ ids: z.array(id).max(20) });

export const matchSubjectInput = z.object({ itemId: id, subjectId: id });
export const scannerFileInput = z.object({ name: safeString().trim().min(1).max(255) });

/** The eml files dropped on the inbox, read by the browser (base64: the bytes of a message matter, not a decoding). */
export const importEmailsInput = z.object({
  files: z
    .array(z.object({ name: safeString().trim().min(1).max(255), base64: z.string().max(14_000_000) }))
    .min(1, msgText('form.chooseEmlFiles'))
    .max(50, msgText('form.noMoreThan50Letters')),
});

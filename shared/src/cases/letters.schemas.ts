import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema, required, text } from '../schema-fields';
import { LETTER_KINDS, SEND_METHODS } from './case-model';

export const letterDraftInput = z.object({ caseId: id, kind: z.enum(LETTER_KINDS).default('answer') });

export const createLetterInput = z.object({
  caseId: id,
  kind: z.enum(LETTER_KINDS, { error: msgText('form.unknownKindOfLetter') }),
  body: required(20_000, msgText('form.emptyLetterText')),
  /** Defaults to the requester's name and address. */
  addressee: text(800).optional(),
});
export type CreateLetterInput = z.infer<typeof createLetterInput>;

export const letterIdInput = z.object({ letterId: id });

export const markLetterSentInput = z
  .object({
    letterId: id,
    method: z.enum(SEND_METHODS, { error: msgText('form.chooseHowItWasSent') }),
    sentOn: isoDateSchema,
    trackingNumber: text(60).optional(),
    /** E-mail address used, or who received it in person. */
    note: text(500).optional(),
  })
  .refine((value) => value.method !== 'post' || !!value.trackingNumber, {
    path: ['trackingNumber'],
    error: msgText('form.forAPostalItemEnter'),
  });
export type MarkLetterSentInput = z.infer<typeof markLetterSentInput>;

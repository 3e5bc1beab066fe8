import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { id, safeString } from '../schema-fields';
import { LEGAL_BASES } from './pd-records';

const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, msgText('form.code240CharactersLowercase'));
const name = safeString().trim().min(3, msgText('form.enterTheNameOfThe2')).max(200);
const optionalText = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .nullable();

export const saveSystemInput = z.object({
  /** Absent for a new system; with `version` for an edit (a stale version is refused). */
  id: id.optional(),
  version: id.optional(),
  code,
  name,
  description: optionalText,
  /** Who processes the data on the operator's instruction (name, address); absent on an edit keeps it as it was. */
  processor: optionalText.optional(),
  active: z.boolean(),
});
export type SaveSystemInput = z.infer<typeof saveSystemInput>;

export const savePurposeInput = z.object({
  id: id.optional(),
  version: id.optional(),
  code,
  name,
  source: optionalText,
  defaultLegalBasis: z.enum(LEGAL_BASES, { error: msgText('form.giveTheLegalBasis') }),
  retention: optionalText,
  active: z.boolean(),
});
export type SavePurposeInput = z.infer<typeof savePurposeInput>;

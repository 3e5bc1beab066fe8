import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { bigId, id, safeString } from '../schema-fields';

const isoInstant = z.iso.datetime({ offset: true, error: msgText('form.aDateAndTimeIn') });

export const listAuditInput = z
  .object({
    actorId: id.optional(),
    objectType: safeString().trim().min(1).max(40).optional(),
    objectId: safeString().trim().min(1).max(80).optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** Paging cursor: entries older than this sequence number (tRPC infinite queries name it `cursor`). */
    cursor: bigId.nullish(),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, {
    message: msgText('form.theStartOfThePeriod'),
    path: ['to'],
  });
export type ListAuditInput = z.infer<typeof listAuditInput>;

/** An anchor: a head hash recorded earlier (on paper, another disk, a webhook) that must still be in the chain. */
export const verifyAuditInput = z
  .object({
    expectHead: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, msgText('form.hash64HexadecimalCharacters'))
      .optional(),
  })
  .optional();

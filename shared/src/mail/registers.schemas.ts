import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, LETTER_KINDS } from '../cases/case-model';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema } from '../schema-fields';

export const MAIL_REGISTERS = ['incoming', 'outgoing', 'acts'] as const;
export type MailRegister = (typeof MAIL_REGISTERS)[number];

const period = {
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
};

const pageFields = {
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
};

const checkPeriod = (value: { from?: string | undefined; to?: string | undefined }) =>
  !value.from || !value.to || value.from <= value.to;
const PERIOD_ERROR = { error: msgText('form.thePeriodStartsAfterIt'), path: ['to'] };

export const incomingFilters = z.object({
  ...period,
  kind: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
});
export const outgoingFilters = z.object({
  ...period,
  kind: z.enum(LETTER_KINDS).optional(),
  status: z.enum(['sent', 'not_sent']).optional(),
});
export const actFilters = z.object({ ...period });

export const listIncomingInput = incomingFilters.extend(pageFields).refine(checkPeriod, PERIOD_ERROR);
export const listOutgoingInput = outgoingFilters.extend(pageFields).refine(checkPeriod, PERIOD_ERROR);
export const listActsInput = actFilters.extend(pageFields).refine(checkPeriod, PERIOD_ERROR);
export type IncomingFilters = z.infer<typeof incomingFilters>;
export type OutgoingFilters = z.infer<typeof outgoingFilters>;
export type ActFilters = z.infer<typeof actFilters>;

export const revealRegisterRowInput = z.object({ register: z.enum(['incoming', 'outgoing']), id });

/** The query string of an export: the register's filters, checked the same way as the list's. */
export const REGISTER_FILTERS = {
  incoming: incomingFilters.refine(checkPeriod, PERIOD_ERROR),
  outgoing: outgoingFilters.refine(checkPeriod, PERIOD_ERROR),
  acts: actFilters.refine(checkPeriod, PERIOD_ERROR),
} as const;

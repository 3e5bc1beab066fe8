import { z } from 'zod';
import { PD_FIELDS } from '../subjects/pd-records';

/**
 * What the clinic's other systems are told about (issue 10): a block or its lifting, a withdrawn consent, a stopped
 * processing, a destroyed record. The booking site, the newsletter service and the medical system subscribe to these
 * through webhooks; a flag that only PD Desk knows protects no one.
 */
export const INTEGRATION_EVENT_TYPES = [
  'block.created',
  'block.lifted',
  'consent.withdrawn',
  'processing.stopped',
  'record.destroyed',
] as const;
export type IntegrationEventType = (typeof INTEGRATION_EVENT_TYPES)[number];

/** A record as the other system knows it: its own code and, where it told us, its own id for the record. */
export const eventRecordRef = z.object({
  system: z.string(),
  externalId: z.string().nullable(),
  purpose: z.string(),
});
export type EventRecordRef = z.infer<typeof eventRecordRef>;

/**
 * The event body. Contacts are the normalised phones and e-mails the receivers match on (they hold them already);
 * nothing else about the person travels. `fields` narrows a block to single fields (e.g. only the phone).
 */
export const integrationEventPayload = z.object({
  subjectId: z.number().int(),
  caseNumber: z.string().nullable(),
  records: z.array(eventRecordRef),
  purposes: z.array(z.string()),
  fields: z.array(z.enum(PD_FIELDS)).nullable(),
  contacts: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }),
});
export type IntegrationEventPayload = z.infer<typeof integrationEventPayload>;

/** What a webhook receiver gets in the POST body. */
export const integrationEvent = z.object({
  id: z.string().uuid(),
  type: z.enum(INTEGRATION_EVENT_TYPES),
  occurredAt: z.string(),
  data: integrationEventPayload,
});
export type IntegrationEvent = z.infer<typeof integrationEvent>;

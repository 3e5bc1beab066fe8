import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { id, isoDateSchema } from '../schema-fields';
import { API_SCOPES } from './api-scopes';
import { INTEGRATION_EVENT_TYPES } from './integration-events';

// Inputs of the admin screen (/admin/integrations) and the CLI: keys and webhook subscriptions.

export const rateLimitSchema = z
  .number({ error: msgText('form.rateLimitAWholeNumber') })
  .int(msgText('form.rateLimitAWholeNumber'))
  .min(0, msgText('form.theRateLimitCannotBe'))
  .max(1_000_000, msgText('form.theRateLimitIsToo'));

export const createApiKeyInput = z.object({
  systemId: id,
  scopes: z
    .array(z.enum(API_SCOPES, { error: msgText('form.unknownAccessScope') }))
    .min(1, msgText('form.chooseAtLeastOneAccess')),
  rateLimit: rateLimitSchema.optional(),
  /** The last day the key works (in the operator's zone); none = until revoked. */
  expiresOn: isoDateSchema.nullish(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyIdInput = z.object({ id });

export const createWebhookInput = z.object({
  systemId: id,
  url: z.url({ protocol: /^https?$/, error: msgText('form.theAddressMustStartWith') }).max(2000),
  eventTypes: z
    .array(z.enum(INTEGRATION_EVENT_TYPES, { error: msgText('form.unknownEventType') }))
    .min(1, msgText('form.chooseAtLeastOneEvent')),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const webhookIdInput = z.object({ id });
export const deliveryIdInput = z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const deliveriesInput = z.object({ limit: z.number().int().min(1).max(200).default(50) });

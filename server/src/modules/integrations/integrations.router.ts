import {
  apiKeyIdInput,
  createApiKeyInput,
  createWebhookInput,
  deliveriesInput,
  deliveryIdInput,
  webhookIdInput,
} from '@pd-desk/shared/integrations/integrations.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';
import { createWebhook, deactivateWebhook, listDeliveries, listWebhooks, retryDelivery } from './webhooks.service';

// Keys and webhooks decide which systems reach personal data: the administrator's job, like users.
const adminOnly = procedureFor(['admin']);

export const integrationsRouter = router({
  keys: adminOnly.query(({ ctx }) => listApiKeys(ctx.db)),
  createKey: adminOnly.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx, input)),
  revokeKey: adminOnly.input(apiKeyIdInput).mutation(({ ctx, input }) => revokeApiKey(ctx, input.id)),
  webhooks: adminOnly.query(({ ctx }) => listWebhooks(ctx.db)),
  createWebhook: adminOnly.input(createWebhookInput).mutation(({ ctx, input }) => createWebhook(ctx, input)),
  deactivateWebhook: adminOnly.input(webhookIdInput).mutation(({ ctx, input }) => deactivateWebhook(ctx, input.id)),
  deliveries: adminOnly.input(deliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.db, input.limit)),
  retryDelivery: adminOnly.input(deliveryIdInput).mutation(({ ctx, input }) => retryDelivery(ctx, input.id)),
});

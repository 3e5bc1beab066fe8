import { randomBytes } from 'node:crypto';
import type { CreateWebhookInput } from '@pd-desk/shared/integrations/integrations.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { integrationOutbox, webhookDeliveries, webhookSubscriptions } from '../../db/schema/integrations';
import { processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { wakeWebhookDispatcher } from './webhook-dispatcher';

/** Creates a subscription; its signing secret is returned once, here, and never shown again. */
export async function createWebhook({ db, actor }: ServiceContext, input: CreateWebhookInput) {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [system] = await tx
      .select({ id: processingSystems.id, active: processingSystems.active })
      .from(processingSystems)
      .where(eq(processingSystems.id, input.systemId));
    if (!system?.active) throw new DomainError('BAD_REQUEST', msg('integrations.chooseSystem'), 'system');
    const values = { systemId: system.id, url: input.url, eventTypes: [...new Set(input.eventTypes)] };
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ ...values, secret })
      .returning({ id: webhookSubscriptions.id });
    if (!row) throw new Error('subscription insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'webhook.create',
      objectType: 'webhook',
      objectId: row.id,
      details: values,
    });
    return { id: row.id, secret };
  });
}

export async function listWebhooks(db: Db) {
  return db
    .select({
      id: webhookSubscriptions.id,
      systemId: webhookSubscriptions.systemId,
      systemCode: processingSystems.code,
      systemName: processingSystems.name,
      url: webhookSubscriptions.url,
      eventTypes: webhookSubscriptions.eventTypes,
      active: webhookSubscriptions.active,
      createdAt: webhookSubscriptions.createdAt,
    })
    .from(webhookSubscriptions)
    .innerJoin(processingSystems, eq(processingSystems.id, webhookSubscriptions.systemId))
    .orderBy(desc(webhookSubscriptions.id));
}

/** Stops new deliveries to the subscription; its log stays. */
export async function deactivateWebhook({ db, actor }: ServiceContext, id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({ active: false })
      .where(eq(webhookSubscriptions.id, id))
      .returning({ id: webhookSubscriptions.id });
    if (!row) throw new DomainError('NOT_FOUND', msg('integrations.webhookNotFound'), 'no_webhook');
    await appendAudit(tx, actor, { action: 'webhook.deactivate', objectType: 'webhook', objectId: id });
    return row;
  });
}

/** The delivery log, newest first: which event went where, how many attempts, the receiver's last answer. */
export async function listDeliveries(db: Db, limit: number) {
  return db
    .select({
      id: webhookDeliveries.id,
      subscriptionId: webhookDeliveries.subscriptionId,
      systemCode: processingSystems.code,
      url: webhookSubscriptions.url,
      eventId: integrationOutbox.eventId,
      eventType: integrationOutbox.type,
      occurredAt: integrationOutbox.occurredAt,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(processingSystems, eq(processingSystems.id, webhookSubscriptions.systemId))
    .innerJoin(integrationOutbox, eq(integrationOutbox.id, webhookDeliveries.outboxId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

/** «Повторить»: the delivery is due now, delivered or not (a receiver that lost an event asks for it again). */
export async function retryDelivery({ db, actor }: ServiceContext, id: number) {
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: sql`now()`, deliveredAt: null })
      .where(eq(webhookDeliveries.id, id))
      .returning({ id: webhookDeliveries.id });
    if (!updated) throw new DomainError('NOT_FOUND', msg('integrations.deliveryNotFound'), 'no_delivery');
    await appendAudit(tx, actor, { action: 'webhook.retry', objectType: 'webhook_delivery', objectId: id });
    return updated;
  });
  wakeWebhookDispatcher();
  return row;
}

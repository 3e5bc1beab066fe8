import type { IntegrationEventPayload, IntegrationEventType } from '@pd-desk/shared/integrations/integration-events';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Transactional outbox: a block, withdrawal or stop writes its event here in the same transaction as the change, so an
 * event exists exactly when the change committed. The webhook dispatcher (modules/integrations) fans it out to every
 * subscribed system and retries until each acknowledges.
 */
export const integrationOutbox = pgTable(
  'integration_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Sent to receivers so they can drop a repeated delivery. */
    eventId: uuid().notNull().unique().defaultRandom(),
    type: text().$type<IntegrationEventType>().notNull(),
    payload: jsonb().$type<IntegrationEventPayload>().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index().on(t.occurredAt)],
);

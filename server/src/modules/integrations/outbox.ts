import type { IntegrationEventPayload, IntegrationEventType } from '@pd-desk/shared/integrations/integration-events';
import type { Tx } from '../../db/client';
import { integrationOutbox } from '../../db/schema';

/**
 * Records an event for the clinic's other systems. Takes a transaction, not the database: the event must commit or
 * roll back together with the change it announces (a block that is rolled back must never reach the booking site).
 */
export async function emitIntegrationEvent(
  tx: Tx,
  type: IntegrationEventType,
  payload: IntegrationEventPayload,
): Promise<{ eventId: string }> {
  const [row] = await tx
    .insert(integrationOutbox)
    .values({ type, payload })
    .returning({ eventId: integrationOutbox.eventId });
  if (!row) throw new Error('integration outbox insert returned nothing');
  return row;
}

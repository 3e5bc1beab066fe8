import { describe, expect, it } from 'vitest';
import { integrationOutbox } from '../../db/schema';
import { useTestDatabase } from '../../test/test-db';
import { emitIntegrationEvent } from './outbox';

const payload = {
  subjectId: 1,
  caseNumber: '2026-ВХ-1',
  records: [{ system: 'booking_site', externalId: 'b-1', purpose: 'online_booking' }],
  purposes: ['online_booking'],
  fields: ['phone' as const],
  contacts: { phones: ['+79120000000'], emails: [] },
};

describe('integration outbox', () => {
  const database = useTestDatabase();

  it('keeps an event only when the change it announces commits', async () => {
    const before = await database.db.$count(integrationOutbox);
    await expect(
      database.db.transaction(async (tx) => {
        await emitIntegrationEvent(tx, 'block.created', payload);
        throw new Error('the block failed');
      }),
    ).rejects.toThrow('the block failed');
    expect(await database.db.$count(integrationOutbox)).toBe(before);

    const { eventId } = await database.db.transaction((tx) => emitIntegrationEvent(tx, 'block.created', payload));
    const [row] = await database.db
      .select()
      .from(integrationOutbox)
      .orderBy(integrationOutbox.id)
      .limit(1)
      .offset(before);
    expect(row).toMatchObject({ eventId, type: 'block.created', payload });
  });
});

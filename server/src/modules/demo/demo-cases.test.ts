import { describe, expect, it } from 'vitest';
import { callerFor, clockOn, serviceContext } from '../../test/factories';
import { insertSubject } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { seedDemoCasesIfEmpty } from './demo-cases';
import { createDemoUsersIfEmpty } from './demo-users';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

describe('demo cases', () => {
  it('fill an empty queue with late, due-today and later work over the demo subjects, once', async () => {
    const system = serviceContext(database.db, { clock });
    await createDemoUsersIfEmpty(system);
    await insertSubject(database.db, 'Кузнецова', 'Ольга', 'Сергеевна');
    expect(await seedDemoCasesIfEmpty(system)).toBe(26);
    expect(await seedDemoCasesIfEmpty(system)).toBe(0);

    const officer = await callerFor(database.db, 'officer', { clock });
    const summary = await officer.dashboard.summary();
    expect(summary.counts).toMatchObject({ open: 21, overdue: 3, dueToday: 3 });
    const journal = await officer.cases.list({});
    const statuses = new Set(journal.items.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['answered', 'closed', 'identity_check', 'in_work', 'new', 'rejected']);
    const first = await officer.cases.byId({ id: 1 });
    expect(first.subjects.map((s) => s.name)).toEqual(['К•••••••а О. С.']);
  });
});

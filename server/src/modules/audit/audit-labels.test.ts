import { AUDIT_ACTION_LABELS } from '@pd-desk/shared/audit/audit-action-labels';
import { auditFieldLabel } from '@pd-desk/shared/audit/audit-field-labels';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit';
import { callerFor, clockOn, serviceContext } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { seedDemoCasesIfEmpty } from '../demo/demo-cases';
import { seedDemoSubjects } from '../demo/demo-subjects';
import { createDemoUsersIfEmpty } from '../demo/demo-users';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

/** Field names a trail entry carries: the changed fields and the details' keys (not the values). */
function fieldNames(entry: { changes: unknown; details: unknown }): string[] {
  const keys = (value: unknown) => (value && typeof value === 'object' ? Object.keys(value) : []);
  return [...keys(entry.changes), ...keys(entry.details)];
}

describe('audit labels', () => {
  it('the demo work (users, subjects, a queue of cases, their pages) writes only labelled actions and fields', async () => {
    const system = serviceContext(database.db, { clock });
    await createDemoUsersIfEmpty(system);
    await seedDemoSubjects(system, 30);
    await seedDemoCasesIfEmpty(system);
    const officer = await callerFor(database.db, 'officer', { clock });
    await officer.cases.byId({ id: 1 });

    const entries = await database.db.select().from(auditLog);
    const actions = new Set(entries.map((e) => e.action));
    expect(actions).toContain('case.created');
    expect([...actions].filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
    const unlabelled = new Set(entries.flatMap(fieldNames).filter((field) => !auditFieldLabel(field)));
    expect([...unlabelled]).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { auditEntries, callerFor } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';

describe('catalogue', () => {
  const database = useTestDatabase();

  it('is seeded from the policy, readable by all, editable by an admin with version checks', async () => {
    const admin = await callerFor(database.db, 'admin');
    const officer = await callerFor(database.db, 'officer');
    const { systems, purposes } = await officer.subjects.catalogue.list();
    expect(systems.map((s) => s.code)).toEqual([
      'booking_site',
      'feedback_form',
      'newsletter',
      'ad_mailings',
      'mis',
      'payments',
      'hr',
    ]);
    expect(purposes.find((p) => p.code === 'medical_care')?.defaultLegalBasis).toBe('law');
    const mis = systems.find((s) => s.code === 'mis');
    if (!mis) throw new Error('no mis');
    await expect(officer.subjects.catalogue.saveSystem({ ...mis, name: 'МИС' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const saved = await admin.subjects.catalogue.saveSystem({ ...mis, name: 'МИС «Стоматология»' });
    expect(saved.version).toBe(mis.version + 1);
    await expect(admin.subjects.catalogue.saveSystem({ ...mis, name: 'Другое имя' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      admin.subjects.catalogue.saveSystem({ code: 'mis', name: 'Дубликат', description: null, active: true }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const created = await admin.subjects.catalogue.savePurpose({
      code: 'reviews',
      name: 'Публикация отзывов пациентов',
      source: 'Согласие пациента',
      defaultLegalBasis: 'consent',
      retention: null,
      active: true,
    });
    expect(created.code).toBe('reviews');
    expect((await auditEntries(database.db, 'processing_purpose.create')).length).toBe(1);
  });
});

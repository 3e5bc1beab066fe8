import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { caseSubjects } from '../../db/schema/cases';
import { consents, pdRecords, subjectRepresentatives } from '../../db/schema/subject-records';
import { subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';
import { auditEntries, callerFor } from '../../test/factories';
import { addCases, IVANOVA } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { seedSubjectRecords } from '../demo/demo-records';

describe('merge and undo', () => {
  const database = useTestDatabase();

  /** Every row that belongs to a subject, by table, for before/after comparisons. */
  async function snapshot(db: Db, ids: number[]) {
    const of = async (id: number) => ({
      subject: (
        await db
          .select({ id: subjects.id, mergedIntoId: subjects.mergedIntoId, lastStem: subjects.lastStem })
          .from(subjects)
          .where(eq(subjects.id, id))
      )[0],
      records: (
        await db
          .select({ id: pdRecords.id })
          .from(pdRecords)
          .where(eq(pdRecords.subjectId, id))
          .orderBy(asc(pdRecords.id))
      ).map((r) => r.id),
      consents: (
        await db.select({ id: consents.id }).from(consents).where(eq(consents.subjectId, id)).orderBy(asc(consents.id))
      ).map((r) => r.id),
      representatives: (
        await db
          .select({ id: subjectRepresentatives.id })
          .from(subjectRepresentatives)
          .where(eq(subjectRepresentatives.subjectId, id))
      ).map((r) => r.id),
      phones: (
        await db
          .select({ d: subjectPhones.digits })
          .from(subjectPhones)
          .where(eq(subjectPhones.subjectId, id))
          .orderBy(asc(subjectPhones.id))
      ).map((r) => r.d),
      formerNames: (
        await db
          .select({ l: subjectFormerNames.lastName })
          .from(subjectFormerNames)
          .where(eq(subjectFormerNames.subjectId, id))
      ).map((r) => r.l),
      cases: (await db.select({ c: caseSubjects.caseId }).from(caseSubjects).where(eq(caseSubjects.subjectId, id))).map(
        (r) => r.c,
      ),
    });
    return Promise.all(ids.map(of));
  }

  it('suggests the duplicate, merges everything into the survivor, and undoes it exactly', async () => {
    const officer = await callerFor(database.db, 'officer');
    const survivor = (await officer.subjects.create(IVANOVA)).id;
    const duplicate = (
      await officer.subjects.create({
        ...IVANOVA,
        lastName: 'Иванова',
        firstName: 'Мария',
        email: null,
        phone: '+79123456789',
        address: '620050, Екатеринбург, Техническая 14-2',
        category: 'site_user',
      })
    ).id;
    const stranger = (await officer.subjects.create({ ...IVANOVA, firstName: 'Ольга', phone: null, email: null })).id;
    await seedSubjectRecords(database.db, [survivor, duplicate]);
    await database.db.insert(subjectRepresentatives).values({
      subjectId: duplicate,
      kind: 'attorney',
      fullName: 'Сидоров Пётр Ильич',
      authorityDocument: 'Доверенность 66 АА 1234567 от 12.01.2026',
    });
    await addCases(database.db, duplicate, 2);
    await officer.subjects.rectify({
      subjectId: duplicate,
      version: (await officer.subjects.byId({ subjectId: duplicate })).version,
      field: 'lastName',
      value: 'Иванова-Сидорова',
      keepFormerLastName: false,
      reason: 'Фамилия записана не полностью',
      evidence: 'Паспорт, предъявлен лично',
    });

    const candidates = await officer.subjects.mergeCandidates({ subjectId: survivor });
    expect(candidates.map((c) => c.id)).toEqual([duplicate]);
    expect(candidates[0]?.matchedOn.map((m) => m.reason)).toEqual(['phone']);
    expect(candidates.map((c) => c.id)).not.toContain(stranger);

    const before = await snapshot(database.db, [survivor, duplicate]);
    const pageBefore = await officer.subjects.byId({ subjectId: survivor });
    const dupBefore = await officer.subjects.byId({ subjectId: duplicate });
    const { mergeId } = await officer.subjects.merge({
      survivorId: survivor,
      survivorVersion: pageBefore.version,
      mergedId: duplicate,
      mergedVersion: dupBefore.version,
      reason: 'Один человек: совпадают телефон, ФИО и дата рождения',
    });

    const [afterSurvivor, afterDuplicate] = await snapshot(database.db, [survivor, duplicate]);
    expect(afterDuplicate?.subject?.mergedIntoId).toBe(survivor);
    expect(afterDuplicate?.records).toEqual([]);
    expect(afterDuplicate?.consents).toEqual([]);
    expect(afterDuplicate?.representatives).toEqual([]);
    expect(afterSurvivor?.records).toEqual(
      [...(before[0]?.records ?? []), ...(before[1]?.records ?? [])].sort((a, b) => a - b),
    );
    expect(afterSurvivor?.cases.sort()).toEqual([...(before[1]?.cases ?? [])].sort());
    // The same phone stays with the duplicate; the survivor already has it.
    expect(afterSurvivor?.phones).toEqual(['79123456789']);
    expect(afterSurvivor?.formerNames).toContain('Иванова-Сидорова');
    // The survivor's history now includes the duplicate's rectification.
    const history = await officer.subjects.history({ subjectId: survivor, limit: 200 });
    expect(history.items.some((i) => i.action === 'subject.rectify' && i.subjectId === duplicate)).toBe(true);
    await expect(officer.subjects.mergeCandidates({ subjectId: survivor })).resolves.toEqual([]);

    await officer.subjects.undoMerge({ mergeId, reason: 'Ошибочное объединение: разные люди' });
    expect(await snapshot(database.db, [survivor, duplicate])).toEqual(before);
    await expect(officer.subjects.undoMerge({ mergeId, reason: 'Повторная отмена' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const actions = (await auditEntries(database.db)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['subject.merge', 'subject.merged_into', 'subject.unmerge']));
  });

  it('refuses to merge with a stale version', async () => {
    const officer = await callerFor(database.db, 'officer');
    const a = (await officer.subjects.create({ ...IVANOVA, phone: null, email: null })).id;
    const b = (await officer.subjects.create({ ...IVANOVA, phone: null, email: null })).id;
    await expect(
      officer.subjects.merge({
        survivorId: a,
        survivorVersion: 7,
        mergedId: b,
        mergedVersion: 1,
        reason: 'Дубликат записи',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const [row] = await database.db
      .select({ mergedIntoId: subjects.mergedIntoId })
      .from(subjects)
      .where(and(eq(subjects.id, b)));
    expect(row?.mergedIntoId).toBeNull();
  });
});

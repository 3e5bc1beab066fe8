import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { caseSubjects, cases } from '../../db/schema/cases';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectRectifications,
  subjectRepresentatives,
} from '../../db/schema/subject-records';
import { subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';
import { auditEntries, type Caller, callerFor } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { seedSubjectRecords } from '../demo/demo-records';
import { STALE_SUBJECT_MESSAGE } from './edit.service';

const IVANOVA = {
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1985-03-12',
  category: 'patient' as const,
  phone: '8 912 345-67-89',
  email: 'maria.ivanova@mail.ru',
  address: '620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2',
  source: 'Письмо вх. № 15 от 03.02.2026',
};

describe('subject page, reveal and rectification', () => {
  const database = useTestDatabase();
  let officer: Caller;
  let auditor: Caller;
  let registrar: Caller;
  let admin: Caller;
  let subjectId: number;

  beforeAll(async () => {
    officer = await callerFor(database.db, 'officer');
    auditor = await callerFor(database.db, 'auditor');
    registrar = await callerFor(database.db, 'registrar');
    admin = await callerFor(database.db, 'admin');
    subjectId = (await officer.subjects.create(IVANOVA)).id;
    await seedSubjectRecords(database.db, [subjectId]);
  });

  it('shows the page masked and audits the view', async () => {
    const page = await auditor.subjects.byId({ subjectId });
    expect(page.name).toBe('И•••••а М. П.');
    expect(page.birthDate).toBe('••.••.1985');
    expect(page.phones.map((p) => p.value)).toEqual(['+7 ••• •••-67-89']);
    expect(page.emails.map((e) => e.value)).toEqual(['m••••••••••••@mail.ru']);
    expect(page.addresses.map((a) => a.value)).toEqual(['г. Екатеринбург, ••••••']);
    expect(JSON.stringify(page)).not.toContain('Иванова');
    expect(JSON.stringify(page)).not.toContain('345-67-89');
    // A patient always has the medical chart, kept by law.
    expect(page.records.some((r) => r.system.code === 'mis' && r.legalBasis === 'law')).toBe(true);
    const views = await auditEntries(database.db, 'subject.view');
    expect(views.at(-1)).toMatchObject({ objectType: 'subject', objectId: String(subjectId) });
  });

  it('reveals only on request, naming the fields in the audit entry and never the values', async () => {
    const revealed = await officer.subjects.reveal({ subjectId, fields: ['name', 'contacts'] });
    expect(revealed.name).toBe('Иванова Мария Петровна');
    expect(revealed.phones?.map((p) => p.value)).toEqual(['8 912 345-67-89']);
    expect(revealed.birthDate).toBeUndefined();
    const [entry] = (await auditEntries(database.db, 'subject.reveal')).slice(-1);
    expect(entry?.details).toEqual({ fields: ['name', 'contacts'] });
    expect(JSON.stringify(entry)).not.toContain('Иванова');
  });

  it('gives the registrar the masked card only, and the admin nothing about the person', async () => {
    const card = await registrar.subjects.card({ subjectId });
    expect(card).toEqual({
      id: subjectId,
      name: 'И•••••а М. П.',
      birthDate: '••.••.1985',
      category: 'patient',
      mergedIntoId: null,
    });
    await expect(registrar.subjects.byId({ subjectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.subjects.reveal({ subjectId, fields: ['name'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.subjects.byId({ subjectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      auditor.subjects.rectify({
        subjectId,
        version: 1,
        field: 'firstName',
        value: 'Мариа',
        reason: 'ошибка',
        evidence: 'паспорт',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rectifies with reason and evidence, keeps the old value and the old surname, and updates search', async () => {
    const { version } = await officer.subjects.byId({ subjectId });
    const result = await officer.subjects.rectify({
      subjectId,
      version,
      field: 'lastName',
      value: 'Петрова',
      reason: 'Смена фамилии после заключения брака',
      evidence: 'Свидетельство о заключении брака II-АИ № 512345 от 14.02.2026',
    });
    expect(result.version).toBe(version + 1);
    const [row] = await database.db
      .select({ lastName: subjects.lastName, lastStem: subjects.lastStem })
      .from(subjects)
      .where(eq(subjects.id, subjectId));
    expect(row).toEqual({ lastName: 'Петрова', lastStem: 'петров' });
    const former = await database.db
      .select({ lastName: subjectFormerNames.lastName })
      .from(subjectFormerNames)
      .where(eq(subjectFormerNames.subjectId, subjectId));
    expect(former).toEqual([{ lastName: 'Иванова' }]);
    const [rect] = await database.db
      .select()
      .from(subjectRectifications)
      .where(eq(subjectRectifications.id, result.rectificationId));
    expect(rect).toMatchObject({ field: 'lastName', oldValue: 'Иванова', newValue: 'Петрова' });

    const history = await officer.subjects.history({ subjectId, limit: 50 });
    const entry = history.items.find((i) => i.action === 'subject.rectify');
    expect(entry?.rectification).toMatchObject({
      field: 'lastName',
      oldValue: 'И•••••а',
      newValue: 'П•••••а',
      reason: 'Смена фамилии после заключения брака',
    });
    const revealed = await officer.subjects.reveal({ subjectId, fields: ['history'] });
    expect(revealed.rectifications).toContainEqual({
      id: result.rectificationId,
      oldValue: 'Иванова',
      newValue: 'Петрова',
    });
  });

  it('refuses an edit based on a stale version and overwrites nothing', async () => {
    const { version } = await officer.subjects.byId({ subjectId });
    const second = await callerFor(database.db, 'officer');
    await officer.subjects.rectify({
      subjectId,
      version,
      field: 'firstName',
      value: 'Марина',
      reason: 'Опечатка в имени при записи',
      evidence: 'Паспорт, предъявлен лично',
    });
    await expect(
      second.subjects.rectify({
        subjectId,
        version,
        field: 'firstName',
        value: 'Мариам',
        reason: 'Опечатка в имени при записи',
        evidence: 'Паспорт, предъявлен лично',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: STALE_SUBJECT_MESSAGE });
    const [row] = await database.db
      .select({ firstName: subjects.firstName })
      .from(subjects)
      .where(eq(subjects.id, subjectId));
    expect(row?.firstName).toBe('Марина');
  });

  it('replaces a phone through the search index and keeps the old number', async () => {
    const page = await officer.subjects.byId({ subjectId });
    const phone = page.phones[0];
    if (!phone) throw new Error('no phone');
    const { rectificationId } = await officer.subjects.rectify({
      subjectId,
      version: page.version,
      field: 'phone',
      contactId: phone.id,
      value: '+7 (922) 111-22-33',
      reason: 'Пациентка сменила номер',
      evidence: 'Заявление от 20.11.2026',
    });
    const phones = await database.db
      .select({ digits: subjectPhones.digits })
      .from(subjectPhones)
      .where(eq(subjectPhones.subjectId, subjectId));
    expect(phones).toEqual([{ digits: '79221112233' }]);
    const [rect] = await database.db
      .select({ oldValue: subjectRectifications.oldValue })
      .from(subjectRectifications)
      .where(eq(subjectRectifications.id, rectificationId));
    expect(rect?.oldValue).toBe('8 912 345-67-89');
  });

  it('records a consent withdrawal with the date the 30-day clock ends', async () => {
    const [purpose] = await database.db
      .select({ id: processingPurposes.id })
      .from(processingPurposes)
      .where(eq(processingPurposes.code, 'newsletter'));
    const [consent] = await database.db
      .insert(consents)
      .values({
        subjectId,
        purposeId: purpose?.id ?? 0,
        method: 'web_checkbox',
        form: 'Подписка на новости',
        checkboxText: 'Я согласна получать новости',
        policyVersion: 'ред. от 01.09.2025',
        givenAt: '2025-10-01T08:00:00Z',
      })
      .returning({ id: consents.id, version: consents.version });
    if (!consent) throw new Error('no consent');
    const result = await officer.subjects.withdrawConsent({
      consentId: consent.id,
      version: consent.version,
      channel: 'post',
      receivedOn: '2026-11-02',
    });
    expect(result.stopBy).toBe('2026-12-02');
    await expect(
      officer.subjects.withdrawConsent({
        consentId: consent.id,
        version: consent.version + 1,
        channel: 'post',
        receivedOn: '2026-11-02',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

/** Counts statements sent outside transactions (the page's reads); audit writes run in a transaction of their own. */
function countReads(db: Db): { count: () => number; stop: () => void } {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
  const original = client.query;
  let n = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return { count: () => n, stop: () => (client.query = original) };
}

async function addCases(db: Db, subjectId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const [c] = await db
      .insert(cases)
      .values({
        incomingNumber: `ВХ-${subjectId}-${i}`,
        type: 'access',
        rule: 'access',
        channel: 'post',
        requesterKind: 'subject',
        requesterName: 'Заявитель',
        receivedOn: '2026-10-01',
        registeredOn: '2026-10-01',
        dueOn: '2026-10-15',
        dueProvisional: false,
      })
      .returning({ id: cases.id });
    if (c) await db.insert(caseSubjects).values({ caseId: c.id, subjectId });
  }
}

describe('subject page cost', () => {
  const database = useTestDatabase();

  it('loads a person with 50 records and 20 cases in the same few statements as a person with one', async () => {
    const officer = await callerFor(database.db, 'officer');
    const small = (await officer.subjects.create({ ...IVANOVA, phone: null, email: null, address: null })).id;
    const big = (await officer.subjects.create(IVANOVA)).id;
    const [system] = await database.db.select({ id: processingSystems.id }).from(processingSystems).limit(1);
    const [purpose] = await database.db.select({ id: processingPurposes.id }).from(processingPurposes).limit(1);
    const record = (subjectId: number) => ({
      subjectId,
      systemId: system?.id ?? 0,
      purposeId: purpose?.id ?? 0,
      legalBasis: 'law' as const,
      dataFields: ['full_name' as const],
      collectedOn: '2024-01-01',
    });
    await database.db.insert(pdRecords).values(record(small));
    await database.db.insert(pdRecords).values(Array.from({ length: 50 }, () => record(big)));
    await addCases(database.db, big, 20);

    const reads = countReads(database.db);
    try {
      await officer.subjects.byId({ subjectId: small });
      const forSmall = reads.count();
      const page = await officer.subjects.byId({ subjectId: big });
      const forBig = reads.count() - forSmall;
      expect(page.records).toHaveLength(50);
      expect(page.cases).toHaveLength(20);
      expect(forSmall).toBeGreaterThan(0);
      expect(forBig).toBe(forSmall);
      expect(forBig).toBeLessThanOrEqual(3);
    } finally {
      reads.stop();
    }
  });
});

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

import { renderMessage } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectRectifications,
} from '../../db/schema/subject-records';
import { subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';
import { auditEntries, type Caller, callerFor, clockOn } from '../../test/factories';
import { addCases, IVANOVA } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { seedSubjectRecords } from '../demo/demo-records';
import { STALE_SUBJECT_MESSAGE } from './edit.service';

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

  it('adds a record found by hand, and refuses one collected after today in Yekaterinburg', async () => {
    const onFirstDecember = await callerFor(database.db, 'officer', { clock: clockOn('2026-12-01') });
    const catalogue = await onFirstDecember.subjects.catalogue.list();
    const record = {
      subjectId,
      systemId: catalogue.systems[0]?.id ?? 0,
      purposeId: catalogue.purposes[0]?.id ?? 0,
      legalBasis: 'consent' as const,
      dataFields: ['full_name' as const],
    };
    const before = (await officer.subjects.byId({ subjectId })).records.length;
    await expect(onFirstDecember.subjects.addRecord({ ...record, collectedOn: '2026-12-02' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Дата сбора данных 02.12.2026 позже сегодняшней (01.12.2026)',
    });
    await onFirstDecember.subjects.addRecord({ ...record, collectedOn: '2026-12-01' });
    expect((await officer.subjects.byId({ subjectId })).records).toHaveLength(before + 1);
  });

  it('reveals only on request, naming the fields in the audit entry and never the values', async () => {
    const revealed = await officer.subjects.reveal({ subjectId, fields: ['name', 'contacts'] });
    expect(revealed.name).toBe('Иванова Мария Петровна');
    // One display form for phones, whatever spelling was stored (issue 13 item 6).
    expect(revealed.phones?.map((p) => p.value)).toEqual(['+7 912 345-67-89']);
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
    // Who did it, by name: the login is for machines.
    expect(entry?.actorName).toMatch(/^Тестовый officer \d+$/);
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
    ).rejects.toMatchObject({ code: 'CONFLICT', message: renderMessage(STALE_SUBJECT_MESSAGE, 'ru') });
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

/**
 * Counts statements sent outside transactions (the page's reads; audit writes run in a transaction of their own):
 * through the driver's query(), or, for a statement prepared on PGlite, its protocol.
 */
function countReads(db: Db): { count: () => number; stop: () => void } {
  type Calls = Record<string, (...args: unknown[]) => Promise<unknown>>;
  const client = (db as unknown as { $client: Calls }).$client;
  const methods = ['query', 'execProtocol'].filter((m) => typeof client[m] === 'function');
  const originals = methods.map((m) => client[m] as Calls[string]);
  let n = 0;
  methods.forEach((m, i) => {
    const original = originals[i] as Calls[string];
    client[m] = function (this: unknown, ...args: unknown[]) {
      n++;
      return original.apply(this, args);
    };
  });
  return {
    count: () => n,
    stop: () =>
      methods.forEach((m, i) => {
        client[m] = originals[i] as Calls[string];
      }),
  };
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

    // Once before counting: a prepared statement's first use also prepares it.
    await officer.subjects.byId({ subjectId: small });
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

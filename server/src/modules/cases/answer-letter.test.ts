import { letterPlaceholders } from '@pd-desk/shared/cases/letter-placeholders';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pdRecords, processingSystems } from '../../db/schema/subject-records';
import { auditEntries, callerFor, clockOn } from '../../test/factories';
import { accessRequest, insertRecord, insertSubject } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { personDative } from './addressee-dative';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

/** A subject with records in three systems, linked to a new access request; returns the case id. */
async function accessCaseWithRecords(name = 'Леонтьева Елена Денисовна') {
  const [last = '', first = '', middle = ''] = name.split(' ');
  const subjectId = await insertSubject(database.db, last, first, middle);
  const ids = [
    await insertRecord(database.db, subjectId, {
      system: 'mis',
      purpose: 'medical_care',
      legalBasis: 'law',
      fields: ['full_name', 'birth_date', 'health'],
    }),
    await insertRecord(database.db, subjectId, {
      system: 'payments',
      purpose: 'payment_tax',
      legalBasis: 'contract',
      fields: ['full_name', 'inn'],
    }),
    await insertRecord(database.db, subjectId, {
      system: 'newsletter',
      purpose: 'newsletter',
      fields: ['email', 'full_name'],
    }),
  ];
  for (const id of ids)
    await database.db.update(pdRecords).set({ source: 'получены от Вас лично' }).where(eq(pdRecords.id, id));
  const officer = await callerFor(database.db, 'officer', { clock });
  const { id } = await officer.cases.create(
    accessRequest({ requester: { kind: 'subject', name, address: 'г. Екатеринбург' }, subjectIds: [subjectId] }),
  );
  return { caseId: id, subjectId, officer, recordIds: ids };
}

describe('the access answer filled from the subject records (art. 14 p. 7)', () => {
  it('lists purposes with bases, the data by system with its source, and no processors, without blanks', async () => {
    const { caseId, subjectId, officer } = await accessCaseWithRecords();
    const draft = await officer.cases.letters.draft({ caseId, kind: 'answer' });
    expect(letterPlaceholders(draft.body)).toEqual([]);
    expect(draft.body).toContain('цель «Оказание медицинской помощи и ведение медицинской документации»');
    expect(draft.body).toContain('возложенных на оператора законодательством');
    expect(draft.body).toContain('исполнение договора, стороной которого Вы являетесь');
    expect(draft.body).toContain('Ваше согласие на обработку персональных данных');
    expect(draft.body).toContain(
      '— Медицинская информационная система: ФИО, дата рождения, сведения о здоровье; источник — получены от Вас лично;',
    );
    expect(draft.body).toContain('— Новостная рассылка: ФИО, e-mail;');
    expect(draft.body).toContain('9. Обработка персональных данных по поручению оператора не осуществляется.');
    expect(draft.addressee.split('\n')[0]).toBe('Леонтьевой Елене Денисовне');
    // Reading the records to draft is a view of the subject's PD: audited by ids only.
    const [entry] = await auditEntries(database.db, 'letter.draft');
    expect(entry?.details).toMatchObject({ subjectIds: [subjectId], records: 3 });
    expect(JSON.stringify(entry?.details)).not.toContain('Леонтьева');

    const letter = await officer.cases.letters.create({
      caseId,
      kind: 'answer',
      body: draft.body,
      addressee: draft.addressee,
    });
    expect(letter.outgoingNumber).toMatch(/^ИСХ-2026-/);
  });

  it('names the processor of a system the subject is in, once, with its systems', async () => {
    await database.db
      .update(processingSystems)
      .set({ processor: 'ООО «МедСофт», 620014, г. Екатеринбург, ул. Малышева, д. 5' })
      .where(eq(processingSystems.code, 'mis'));
    try {
      const { caseId, officer } = await accessCaseWithRecords('Чайковский Пётр Ильич');
      const draft = await officer.cases.letters.draft({ caseId, kind: 'answer' });
      expect(draft.body).toContain(
        '9. Обработка персональных данных по поручению оператора осуществляют:\n— ООО «МедСофт», 620014, г. Екатеринбург, ул. Малышева, д. 5 (Медицинская информационная система);',
      );
      expect(draft.addressee.split('\n')[0]).toBe('Чайковскому Петру Ильичу');
    } finally {
      await database.db.update(processingSystems).set({ processor: null }).where(eq(processingSystems.code, 'mis'));
    }
  });

  it('says plainly when the subject has no records, and leaves a blank when the case is linked to nobody', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const subjectId = await insertSubject(database.db, 'Пустова', 'Анна', 'Ивановна');
    const linked = await officer.cases.create(accessRequest({ subjectIds: [subjectId] }));
    const none = await officer.cases.letters.draft({ caseId: linked.id, kind: 'answer' });
    expect(none.body).toContain('оператор не обрабатывает Ваши персональные данные');
    expect(none.body).toContain('по поручению оператора не осуществляется');
    expect(letterPlaceholders(none.body)).toEqual([]);

    const unlinked = await officer.cases.create(accessRequest());
    const blank = await officer.cases.letters.draft({ caseId: unlinked.id, kind: 'answer' });
    expect(letterPlaceholders(blank.body)[0]).toContain('свяжите обращение с субъектом');
  });

  it('destroyed records are no longer listed as processed', async () => {
    const { caseId, officer, recordIds } = await accessCaseWithRecords('Смирнова Ольга Викторовна');
    await database.db
      .update(pdRecords)
      .set({ state: 'destroyed' })
      .where(eq(pdRecords.id, recordIds[2] ?? 0));
    const draft = await officer.cases.letters.draft({ caseId, kind: 'answer' });
    expect(draft.body).not.toContain('Новостная рассылка');
    expect(draft.body).not.toContain('Ваше согласие');
  });
});

describe('a letter with a «[…]» blank gets no number', () => {
  it('is refused by the server with the blanks named, and nothing is numbered', async () => {
    const { caseId, officer } = await accessCaseWithRecords('Кузнецова Анна Сергеевна');
    const draft = await officer.cases.letters.draft({ caseId, kind: 'answer' });
    const body = `${draft.body}\n\n[перечислите приложения]`;
    await expect(officer.cases.letters.create({ caseId, kind: 'answer', body })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('В письме остались незаполненные места: «[перечислите приложения]»'),
    });
    await expect(
      officer.cases.letters.create({ caseId, kind: 'answer', body: draft.body, addressee: '[адресат]' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const page = await officer.cases.byId({ id: caseId });
    expect(page.letters).toEqual([]);
  });

  it('finds blanks, half-deleted brackets included', () => {
    expect(letterPlaceholders('Текст [перечень] и [способ].')).toEqual(['[перечень]', '[способ]']);
    expect(letterPlaceholders('Текст [перечень и ещё')).toEqual(['[перечень и ещё']);
    expect(letterPlaceholders('Текст] без начала')).toEqual([']']);
    expect(letterPlaceholders('Обычный текст (в скобках)')).toEqual([]);
  });

  it('the templates the system can fill have no blanks once the case has a subject with records', async () => {
    const { caseId, officer } = await accessCaseWithRecords('Морозов Иван Петрович');
    const identity = await officer.cases.letters.draft({ caseId, kind: 'identity_request' });
    expect(letterPlaceholders(identity.body)).toEqual([]);
  });
});

describe('who may draft and number letters', () => {
  it('only the officer; the registrar, the auditor and the admin get no draft (no PD from the records)', async () => {
    const { caseId } = await accessCaseWithRecords('Волкова Дарья Андреевна');
    for (const role of ['registrar', 'auditor', 'admin'] as const) {
      const caller = await callerFor(database.db, role, { clock });
      await expect(caller.cases.letters.draft({ caseId, kind: 'answer' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.cases.letters.create({ caseId, kind: 'answer', body: 'Текст ответа без пропусков' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('the addressee in the dative (lvovich)', () => {
  it('declines a woman, a man, initials; leaves an undeterminable or odd name in the nominative', () => {
    expect(personDative('Леонтьева Елена Денисовна')).toBe('Леонтьевой Елене Денисовне');
    expect(personDative('Чайковский Пётр Ильич')).toBe('Чайковскому Петру Ильичу');
    expect(personDative('Белых Никита Сергеевич')).toBe('Белых Никите Сергеевичу');
    expect(personDative('Иванова М. П.')).toBe('Ивановой М. П.');
    expect(personDative('Ким Саша')).toBe('Ким Саша');
    expect(personDative('ООО «Ромашка»')).toBe('ООО «Ромашка»');
    expect(personDative('Иванова')).toBe('Иванова');
  });
});

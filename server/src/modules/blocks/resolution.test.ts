import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseLetters, integrationOutbox, pdRecords } from '../../db/schema';
import { patientWithRecords, phoneBlock } from '../../test/block-fixtures';
import { auditEntries, type Caller, callerFor, clockOn } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { activeBlocksForContact } from './block-queries';

describe('resolution of a block, with its clocks', () => {
  const database = useTestDatabase();
  let officer: Caller;
  let later: Caller;
  let n = 0;

  beforeAll(async () => {
    officer = await callerFor(database.db, 'officer', { clock: clockOn('2026-12-29') });
  });

  /** Each test its own patient (own phone and e-mail). */
  const pad = () => String(n).padStart(2, '0');
  async function patient() {
    n++;
    return patientWithRecords(database.db, officer, { phone: `+7 913 000-00-${pad()}`, email: `p${n}@mail.ru` });
  }

  async function eventsOf(subjectId: number) {
    const rows = await database.db
      .select({ type: integrationOutbox.type, payload: integrationOutbox.payload })
      .from(integrationOutbox)
      .orderBy(integrationOutbox.id);
    return rows.filter((r) => r.payload.subjectId === subjectId).map((r) => r.type);
  }

  it('inaccuracy confirmed: rectify within 7 working days (over New Year), refusals elsewhere, then an unblock naming the case', async () => {
    const { subjectId, booking } = await patient();
    const phone = `791300000${pad()}`;
    const block = await officer.blocks.create(phoneBlock(subjectId, booking));
    const page = await officer.subjects.byId({ subjectId });
    const phoneId = page.phones[0]?.id as number;

    // Blocked data refuses the ordinary edit, naming the case; unblocked data (the e-mail) is still editable.
    await expect(
      officer.subjects.rectify({
        subjectId,
        version: page.version,
        field: 'phone',
        contactId: phoneId,
        value: '+7 912 111-22-33',
        reason: 'Ошибка при записи',
        evidence: 'Звонок',
      }),
    ).rejects.toThrow(`данные заблокированы по обращению ${block.caseNumber}`);
    const rectified = await officer.subjects.rectify({
      subjectId,
      version: page.version,
      field: 'email',
      contactId: page.emails[0]?.id as number,
      value: `new${n}@mail.ru`,
      reason: 'Сменила адрес',
      evidence: 'Звонок',
    });
    const other = await patient();
    await expect(
      officer.subjects.merge({
        survivorId: other.subjectId,
        survivorVersion: 1,
        mergedId: subjectId,
        mergedVersion: rectified.version,
        reason: 'Дубликат записи',
      }),
    ).rejects.toThrow(block.caseNumber);
    // Rectifying blocked data before the inaccuracy is confirmed is refused too.
    await expect(
      officer.blocks.rectify({
        blockId: block.id,
        subjectVersion: rectified.version,
        field: 'phone',
        contactId: phoneId,
        value: '+7 912 111-22-33',
        evidence: 'Паспорт',
      }),
    ).rejects.toThrow('после того, как неточность подтверждена');

    const decided = await officer.blocks.decide({
      id: block.id,
      version: block.version,
      outcome: 'inaccuracy_confirmed',
      note: 'Номер принадлежит другому человеку',
    });
    // Decided Tue 29.12.2026: 7 working days → 30.12, 11–15.01, 18.01.2027.
    expect(decided.rectifyDueOn).toBe('2027-01-18');
    expect(decided.letters).toHaveLength(1);
    let list = await officer.blocks.list({ view: 'active' });
    expect(list.items.find((b) => b.id === block.id)?.nextStep).toMatchObject({ step: 'rectify', dueOn: '2027-01-18' });
    const queue = await officer.triage.list({
      statuses: ['new'],
      limit: 200,
      offset: 0,
      sort: 'due',
      direction: 'asc',
    });
    const row = queue.items.find((c) => c.id === block.caseId);
    expect(row?.blocked).toBe(true);
    expect(row?.blockSteps).toEqual([
      expect.objectContaining({ blockId: block.id, step: 'rectify', dueOn: '2027-01-18' }),
    ]);

    await expect(
      officer.blocks.lift({
        id: block.id,
        version: decided.version,
        caseNumber: block.caseNumber,
        reason: 'Данные уточнены',
      }),
    ).rejects.toThrow('сначала уточните данные');
    const fixed = await officer.blocks.rectify({
      blockId: block.id,
      subjectVersion: rectified.version,
      field: 'phone',
      contactId: phoneId,
      value: '+7 912 111-22-33',
      evidence: 'Паспорт, звонок 29.12',
    });
    list = await officer.blocks.list({ view: 'active' });
    expect(list.items.find((b) => b.id === block.id)?.nextStep).toMatchObject({ step: 'unblock', dueOn: '2027-01-18' });

    await expect(
      officer.blocks.lift({ id: block.id, version: fixed.version, caseNumber: 'ВХ-1999-1', reason: 'Данные уточнены' }),
    ).rejects.toThrow(`по обращению ${block.caseNumber}`);
    expect(
      (
        await activeBlocksForContact(database.db, {
          phoneNormalised: phone,
          purposeCode: 'online_booking',
        })
      ).blocked,
    ).toBe(true);
    const lifted = await officer.blocks.lift({
      id: block.id,
      version: fixed.version,
      caseNumber: block.caseNumber,
      reason: 'Данные уточнены, номер заменён',
    });
    expect(lifted.state).toBe('lifted');
    expect(
      (
        await activeBlocksForContact(database.db, {
          phoneNormalised: phone,
          purposeCode: 'online_booking',
        })
      ).blocked,
    ).toBe(false);
    expect(await eventsOf(subjectId)).toEqual(['block.created', 'block.lifted']);
    const [liftEntry] = (await auditEntries(database.db, 'block.lift')).slice(-1);
    expect(liftEntry).toMatchObject({
      objectType: 'block',
      objectId: String(block.id),
      details: expect.objectContaining({ caseNumber: block.caseNumber }),
    });
    expect((await auditEntries(database.db, 'block.rectify')).length).toBeGreaterThan(0);
    const letters = await database.db
      .select({ kind: caseLetters.kind })
      .from(caseLetters)
      .where(eq(caseLetters.caseId, block.caseId));
    expect(letters.map((l) => l.kind)).toEqual(['other', 'answer']);
    // After the unblock the phone is editable the ordinary way again.
    const after = await officer.subjects.byId({ subjectId });
    await officer.subjects.rectify({
      subjectId,
      version: after.version,
      field: 'phone',
      contactId: after.phones[0]?.id as number,
      value: '+7 912 111-22-34',
      reason: 'Ещё одна правка',
      evidence: 'Звонок',
    });
  });

  it('unlawful processing asked by RKN: stop in 3 and destroy in 10 working days over the May holidays, letters to RKN and the subject', async () => {
    later = await callerFor(database.db, 'officer', { clock: clockOn('2027-04-29') });
    const { subjectId, newsletter } = await patient();
    const block = await later.blocks.create(
      phoneBlock(subjectId, newsletter, {
        reason: 'unlawful',
        noHarmConfirmed: undefined,
        newCase: {
          channel: 'rkn',
          requester: { kind: 'rkn', name: 'Управление Роскомнадзора по УрФО', rknInquiryNumber: '12-345/66' },
          receivedOn: '2027-04-29',
        },
        scope: { recordIds: [newsletter] },
      }),
    );
    const decided = await later.blocks.decide({
      id: block.id,
      version: block.version,
      outcome: 'unlawful_confirmed',
      note: 'Согласие на рассылку не получено',
    });
    // Thu 29.04.2027: stop 30.04, 4.05, 5.05 (3.05 a holiday); destroy 10 working days, 10.05 a holiday → 17.05.
    expect(decided).toMatchObject({ stopDueOn: '2027-05-05', destroyDueOn: '2027-05-17' });
    expect(decided.letters).toHaveLength(2);
    const addressees = await database.db
      .select({ content: caseLetters.content })
      .from(caseLetters)
      .where(eq(caseLetters.caseId, block.caseId));
    expect(addressees.map((l) => l.content.addressee.split('\n')[0])).toEqual([
      'Управление Роскомнадзора по УрФО',
      'Иванова Мария Петровна',
    ]);

    const stopped = await later.blocks.stop({
      id: block.id,
      version: decided.version,
      note: 'Адрес удалён из списка рассылки',
    });
    const [record] = await database.db
      .select({ state: pdRecords.state })
      .from(pdRecords)
      .where(eq(pdRecords.id, newsletter));
    expect(record?.state).toBe('processing_stopped');
    const destroyed = await later.blocks.destroy({
      id: block.id,
      version: stopped.version,
      note: 'Акт об уничтожении № 3',
    });
    expect(destroyed.state).toBe('destroyed');
    const [gone] = await database.db
      .select({ state: pdRecords.state })
      .from(pdRecords)
      .where(eq(pdRecords.id, newsletter));
    expect(gone?.state).toBe('destroyed');
    expect(await eventsOf(subjectId)).toEqual(['block.created', 'processing.stopped', 'record.destroyed']);
    // Destroyed data stays suppressed for the other systems.
    expect(
      (await activeBlocksForContact(database.db, { emailNormalised: `p${n}@mail.ru`, purposeCode: 'newsletter' }))
        .blocked,
    ).toBe(true);
  });

  it('destruction impossible in time: stays blocked with the 6-month clock', async () => {
    const jan = await callerFor(database.db, 'officer', { clock: clockOn('2027-01-15') });
    const { subjectId, chart } = await patient();
    const block = await jan.blocks.create(
      phoneBlock(subjectId, chart, {
        reason: 'unlawful',
        noHarmConfirmed: undefined,
        scope: { recordIds: [chart] },
        newCase: {
          channel: 'post',
          requester: { kind: 'subject', name: 'Иванова Мария Петровна' },
          receivedOn: '2027-01-15',
        },
      }),
    );
    const decided = await jan.blocks.decide({
      id: block.id,
      version: block.version,
      outcome: 'unlawful_confirmed',
      note: 'Снимки получены без основания',
    });
    const kept = await jan.blocks.keepBlocked({
      id: block.id,
      version: decided.version,
      note: 'Архив на плёнке, уничтожение после списания',
    });
    expect(kept.keepUntil).toBe('2027-07-15');
    const list = await jan.blocks.list({ view: 'active', state: 'kept_blocked' });
    expect(list.items.find((b) => b.id === block.id)?.nextStep).toMatchObject({ step: 'destroy', dueOn: '2027-07-15' });
    await expect(
      jan.blocks.lift({ id: block.id, version: kept.version, caseNumber: block.caseNumber, reason: 'Попытка снять' }),
    ).rejects.toThrow('снять нельзя');
  });

  it('not confirmed: unblocked at once with the reasoned answer', async () => {
    const { subjectId, booking } = await patient();
    const block = await officer.blocks.create(phoneBlock(subjectId, booking));
    const decided = await officer.blocks.decide({
      id: block.id,
      version: block.version,
      outcome: 'not_confirmed',
      note: 'Номер подтверждён договором от 14.03.2024',
    });
    expect(decided.state).toBe('lifted');
    expect(await eventsOf(subjectId)).toEqual(['block.created', 'block.lifted']);
    const [letter] = await database.db
      .select({ kind: caseLetters.kind, content: caseLetters.content })
      .from(caseLetters)
      .where(eq(caseLetters.caseId, block.caseId));
    expect(letter?.kind).toBe('answer');
    expect(letter?.content.body).toContain('Номер подтверждён договором');
  });
});

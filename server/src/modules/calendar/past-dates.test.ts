import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { callerFor, clockOn } from '../../test/factories';
import { accessRequest, breachIncident } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';

/** Issue 13, item 4: dates of what already happened cannot be after today in the operator's zone. */
const database = useTestDatabase();
const today = clockOn('2026-12-01');

describe('dates after today', () => {
  it('refuses a case received on 30.12.2026 when registered on 01.12.2026, and the same in an edit', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: today });
    await expect(officer.cases.create(accessRequest({ receivedOn: '2026-12-30' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Дата получения 30.12.2026 позже сегодняшней (01.12.2026)',
    });
    const { id, version } = await officer.cases.create(accessRequest({ receivedOn: '2026-12-01' }));
    await expect(officer.cases.update({ id, version, patch: { receivedOn: '2026-12-02' } })).rejects.toMatchObject({
      message: 'Дата получения 02.12.2026 позже сегодняшней (01.12.2026)',
    });
    // Long past is accepted: the form warns, the server does not second-guess a late registration.
    await expect(officer.cases.create(accessRequest({ receivedOn: '2026-09-01' }))).resolves.toMatchObject({
      id: expect.any(Number),
    });
  });

  it('counts today in Yekaterinburg: 02.12 is today at 00:30 there, though UTC is still 01.12', async () => {
    const justAfterMidnight = fixedClock('2026-12-01T19:30:00Z', 'Asia/Yekaterinburg');
    const lateEvening = fixedClock('2026-12-01T18:30:00Z', 'Asia/Yekaterinburg');
    const early = await callerFor(database.db, 'officer', { clock: justAfterMidnight });
    await expect(early.cases.create(accessRequest({ receivedOn: '2026-12-02' }))).resolves.toMatchObject({
      id: expect.any(Number),
    });
    const late = await callerFor(database.db, 'officer', { clock: lateEvening });
    await expect(late.cases.create(accessRequest({ receivedOn: '2026-12-02' }))).rejects.toMatchObject({
      message: 'Дата получения 02.12.2026 позже сегодняшней (01.12.2026)',
    });
  });

  it('crosses the year: on 31.12.2026 the 01.01.2027 is refused, on 01.01.2027 accepted', async () => {
    const newYearsEve = await callerFor(database.db, 'officer', { clock: clockOn('2026-12-31') });
    await expect(newYearsEve.cases.create(accessRequest({ receivedOn: '2027-01-01' }))).rejects.toMatchObject({
      message: 'Дата получения 01.01.2027 позже сегодняшней (31.12.2026)',
    });
    const newYear = await callerFor(database.db, 'officer', { clock: clockOn('2027-01-01') });
    await expect(newYear.cases.create(accessRequest({ receivedOn: '2027-01-01' }))).resolves.toMatchObject({
      incomingNumber: expect.stringContaining('2027'),
    });
  });

  it('refuses a future postmark on a paper letter, and a letter marked sent before its date or after today', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock: today });
    await expect(
      registrar.mail.intake.create({
        receivedOn: '2026-12-01',
        postmarkOn: '2026-12-05',
        signed: true,
        representative: false,
        kind: 'access',
        scopeAll: true,
      }),
    ).rejects.toMatchObject({ message: 'Дата почтового штемпеля 05.12.2026 позже сегодняшней (01.12.2026)' });

    const officer = await callerFor(database.db, 'officer', { clock: today });
    const { id } = await officer.cases.create(accessRequest({ receivedOn: '2026-11-20' }));
    const letter = await officer.cases.letters.create({ caseId: id, kind: 'answer', body: 'Текст ответа' });
    await expect(
      officer.cases.letters.markSent({ letterId: letter.id, method: 'email', sentOn: '2026-12-02', note: 'a@b.ru' }),
    ).rejects.toMatchObject({ message: 'Дата отправки 02.12.2026 позже сегодняшней (01.12.2026)' });
    await expect(
      officer.cases.letters.markSent({ letterId: letter.id, method: 'email', sentOn: '2026-11-30', note: 'a@b.ru' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('раньше даты письма') });
  });

  it('refuses an incident established tomorrow', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: today });
    await expect(officer.breaches.create(breachIncident({ establishedAt: '2026-12-02T09:00' }))).rejects.toMatchObject({
      message: 'Момент выявления инцидента 02.12.2026 09:00 позже текущего момента (01.12.2026 10:00)',
    });
  });
});

describe('a letter is never dated before the request it answers', () => {
  it('refuses the extension notice of a case received after today (registered before the rule)', async () => {
    // A case dated ahead could exist from before this rule: registered «today» = 30.12, extended on 01.12.
    const later = await callerFor(database.db, 'officer', { clock: clockOn('2026-12-30') });
    const { id, version, incomingNumber } = await later.cases.create(accessRequest({ receivedOn: '2026-12-30' }));
    const officer = await callerFor(database.db, 'officer', { clock: today });
    await expect(
      officer.cases.extend({ id, version, reason: 'Запрос в три информационные системы' }),
    ).rejects.toMatchObject({
      message: `Письмо нельзя датировать 01.12.2026 — раньше обращения вх. № ${incomingNumber}, полученного 30.12.2026: исправьте дату получения обращения`,
    });
  });
});

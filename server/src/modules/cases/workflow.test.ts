import { describe, expect, it } from 'vitest';
import { auditEntries, callerFor, clockOn, createTestUser } from '../../test/factories';
import { accessRequest, insertSubject } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { formatRegistrationNumber } from './case-numbering';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

describe('registration numbers', () => {
  it('formats the admin’s pattern', () => {
    expect(formatRegistrationNumber('ВХ-{YYYY}-{NNNN}', 2026, 7)).toBe('ВХ-2026-0007');
    expect(formatRegistrationNumber('{NN}/{YY}-ПДн', 2027, 123)).toBe('123/27-ПДн');
  });

  it('gives concurrent registrations consecutive numbers, and a failed one gives its number back', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const admin = await callerFor(database.db, 'admin', { clock });
    await admin.settings.setNumbering({ incoming: 'Т-{YYYY}-{NNNNN}', outgoing: 'ИСХ-{YYYY}-{NNNN}' });
    // One request names a subject that does not exist: it fails inside its transaction after the counter moved.
    const attempts = Array.from({ length: 12 }, (_, i) =>
      registrar.cases.create(accessRequest({ subjectIds: i === 5 ? [999_999] : [] })),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.incomingNumber] : [])).sort();
    expect(numbers).toEqual(Array.from({ length: 11 }, (_, i) => `Т-2026-${String(i + 1).padStart(5, '0')}`));
    await admin.settings.setNumbering({ incoming: 'ВХ-{YYYY}-{NNNN}', outgoing: 'ИСХ-{YYYY}-{NNNN}' });
  });
});

describe('status workflow', () => {
  it('moves new → identity check → in work and refuses illegal moves in Russian', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id, version } = await officer.cases.create(accessRequest());
    await expect(officer.cases.transition({ id, version, to: 'answered' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('нельзя перевести из статуса «Новое» в «Ответ направлен»'),
    });
    const checked = await officer.cases.transition({ id, version, to: 'identity_check' });
    const inWork = await officer.cases.transition({ id, version: checked.version, to: 'in_work' });
    // Answered needs a sent answer letter.
    await expect(officer.cases.transition({ id, version: inWork.version, to: 'answered' })).rejects.toMatchObject({
      message: expect.stringContaining('после отправки ответа'),
    });
    await expect(officer.cases.transition({ id, version: inWork.version, to: 'rejected' })).rejects.toMatchObject({
      message: expect.stringContaining('укажите причину'),
    });
    const rejected = await officer.cases.transition({
      id,
      version: inWork.version,
      to: 'rejected',
      reason: 'Запрос не подписан, повторный запрос не поступил',
    });
    expect(rejected.status).toBe('rejected');
    await expect(officer.cases.transition({ id, version: rejected.version, to: 'in_work' })).rejects.toMatchObject({
      message: expect.stringContaining('доступно только для чтения'),
    });
    const card = await officer.cases.byId({ id });
    expect(card.events.filter((e) => e.kind === 'status_changed')).toHaveLength(3);
    expect(card.statusReason).toBe('Запрос не подписан, повторный запрос не поступил');
  });

  it('a second officer editing with a stale version gets CONFLICT and nothing is overwritten', async () => {
    const first = await callerFor(database.db, 'officer', { clock });
    const second = await callerFor(database.db, 'officer', { clock });
    const { id, version } = await first.cases.create(accessRequest());
    await first.cases.update({ id, version, patch: { summary: 'Первая правка' } });
    await expect(second.cases.update({ id, version, patch: { summary: 'Вторая правка' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('уже изменил другой пользователь'),
    });
    expect((await first.cases.byId({ id })).summary).toBe('Первая правка');
  });

  it('the registrar registers but cannot decide; the auditor only reads', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const auditor = await callerFor(database.db, 'auditor', { clock });
    const subjectId = await insertSubject(database.db, 'Петров', 'Сергей', 'Иванович');
    const { id, version } = await registrar.cases.create(accessRequest({ subjectIds: [subjectId] }));
    await expect(registrar.cases.transition({ id, version, to: 'in_work' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(auditor.cases.addNote({ id, text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const card = await auditor.cases.byId({ id });
    expect(card.subjects).toEqual([expect.objectContaining({ id: subjectId, name: 'П••••в С. И.' })]);
    expect(await auditEntries(database.db, 'case.view')).not.toHaveLength(0);
  });

  it('assigns only to an active officer and records notes on the timeline', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const colleague = await createTestUser(database.db, 'officer');
    const auditorUser = await createTestUser(database.db, 'auditor');
    const { id, version } = await officer.cases.create(accessRequest());
    await expect(officer.cases.assign({ id, version, assigneeId: auditorUser.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await officer.cases.assign({ id, version, assigneeId: colleague.id });
    await officer.cases.addNote({ id, text: 'Позвонили заявителю, ждём паспортные данные' });
    const card = await officer.cases.byId({ id });
    expect(card.assignee).toEqual({ id: colleague.id, displayName: colleague.displayName });
    expect(card.events.map((e) => e.kind)).toEqual(['created', 'assigned', 'note']);
  });
});

describe('extension', () => {
  it('adds 5 working days once, with a numbered motivated notice', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    // Fri 20.11.2026: Mon 23 = 1 … Fri 04.12 = 10; +5: Mon 07 … Fri 11.12.
    const { id, version, dueOn } = await officer.cases.create(accessRequest({ receivedOn: '2026-11-20' }));
    expect(dueOn).toBe('2026-12-04');
    const draft = await officer.cases.extensionDraft({ id, reason: 'Сведения хранятся в архиве на бумаге' });
    expect(draft).toMatchObject({ newDueOn: '2026-12-11' });
    expect(draft.body).toContain('до 11.12.2026');
    const extended = await officer.cases.extend({ id, version, reason: 'Сведения хранятся в архиве на бумаге' });
    expect(extended).toMatchObject({ dueOn: '2026-12-11', outgoingNumber: expect.stringMatching(/^ИСХ-2026-\d{4}$/) });
    await expect(officer.cases.extend({ id, version: extended.version, reason: 'Ещё раз' })).rejects.toMatchObject({
      message: expect.stringContaining('уже продлевался'),
    });
    const card = await officer.cases.byId({ id });
    expect(card).toMatchObject({ extended: true, canExtend: false, dueOn: '2026-12-11' });
    expect(card.letters).toEqual([
      expect.objectContaining({ kind: 'extension_notice', outgoingNumber: extended.outgoingNumber }),
    ]);
  });

  it('is refused where the law allows none', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id, version } = await officer.cases.create(accessRequest({ type: 'rectification' }));
    await expect(officer.cases.extend({ id, version, reason: 'Нужно время' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('продлению не подлежит'),
    });
    expect((await officer.cases.byId({ id })).letters).toEqual([]);
  });
});

describe('ownership (issue 13, item 7)', () => {
  const officerNamed = async () => {
    const user = await createTestUser(database.db, 'officer');
    return { user, caller: await callerFor(database.db, user, { clock }) };
  };

  it('the registering officer is the assignee unless another is chosen or «nobody» is explicit', async () => {
    const { user, caller } = await officerNamed();
    const colleague = await createTestUser(database.db, 'officer');
    const own = await caller.cases.create(accessRequest());
    expect((await caller.cases.byId({ id: own.id })).assignee).toMatchObject({ id: user.id });
    const theirs = await caller.cases.create(accessRequest({ assigneeId: colleague.id }));
    expect((await caller.cases.byId({ id: theirs.id })).assignee).toMatchObject({ id: colleague.id });
    const nobody = await caller.cases.create(accessRequest({ assigneeId: null }));
    expect((await caller.cases.byId({ id: nobody.id })).assignee).toBeNull();
    // A registrar cannot be an assignee: their cases wait in the queue unassigned.
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const registered = await registrar.cases.create(accessRequest());
    expect((await caller.cases.byId({ id: registered.id })).assignee).toBeNull();
  });

  it('«В работу» on an unassigned case assigns the actor, audited as an assignment; an assigned case keeps its own', async () => {
    const { user, caller } = await officerNamed();
    const { id, version } = await caller.cases.create(accessRequest({ assigneeId: null }));
    await caller.cases.transition({ id, version, to: 'in_work' });
    const card = await caller.cases.byId({ id });
    expect(card.assignee).toMatchObject({ id: user.id });
    expect(card.events.map((e) => e.kind)).toEqual(['created', 'status_changed', 'assigned']);
    const assigned = (await auditEntries(database.db, 'case.assigned')).filter((e) => e.objectId === String(id));
    expect(assigned).toEqual([expect.objectContaining({ changes: { assigneeId: { before: null, after: user.id } } })]);

    const colleague = await createTestUser(database.db, 'officer');
    const other = await caller.cases.create(accessRequest({ assigneeId: colleague.id }));
    await caller.cases.transition({ id: other.id, version: other.version, to: 'in_work' });
    expect((await caller.cases.byId({ id: other.id })).assignee).toMatchObject({ id: colleague.id });
  });

  it('extending an unassigned case assigns the officer who extends it', async () => {
    const { user, caller } = await officerNamed();
    const { id, version } = await caller.cases.create(accessRequest({ assigneeId: null }));
    await caller.cases.extend({ id, version, reason: 'Сведения хранятся в архиве на бумаге' });
    const card = await caller.cases.byId({ id });
    expect(card.assignee).toMatchObject({ id: user.id });
    expect(card.events.map((e) => e.kind)).toContain('assigned');
  });
});

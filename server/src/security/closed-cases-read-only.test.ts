import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/audit';
import { caseAttachments, caseEvents, caseLetters, caseSubjects } from '../db/schema/cases';
import { PNG, useFileServer } from '../test/attachment-fixtures';
import { auditEntries, type Caller, callerFor, clockOn } from '../test/factories';
import { accessRequest, insertSubject } from '../test/fixtures';
import { useTestDatabase } from '../test/test-db';

/**
 * Closed and rejected cases are read-only for everyone (issue 9, item 5): every change refuses with a
 * Russian message naming the status, and writes nothing; reopening is an officer's step with a reason.
 */

const database = useTestDatabase();
const files = useFileServer(database);
const clock = clockOn('2026-11-25');
const READ_ONLY = /в статусе «(Закрыто|Отказано)» доступно только для чтения/;

let officer: Caller;
let registrar: Caller;
let subjectId: number;

const rows = async () =>
  Promise.all(
    [caseEvents, caseSubjects, caseLetters, caseAttachments, auditLog].map(
      async (table) => (await database.db.select({ n: count() }).from(table))[0]?.n,
    ),
  );

/** A case with a draft letter, then closed or rejected. */
async function finishedCase(to: 'closed' | 'rejected') {
  const created = await officer.cases.create(accessRequest());
  const letter = await officer.cases.letters.create({ caseId: created.id, kind: 'answer', body: 'Ответ' });
  const done = await officer.cases.transition({ id: created.id, version: created.version, to, reason: 'Дубль' });
  return { id: created.id, version: done.version, letterId: letter.id };
}

beforeAll(async () => {
  officer = await callerFor(database.db, 'officer', { clock });
  registrar = await callerFor(database.db, 'registrar', { clock });
  subjectId = await insertSubject(database.db, 'Иванова', 'Мария');
});

describe.each(['closed', 'rejected'] as const)('a %s case', (to) => {
  it('refuses every change by every role, naming the status, and writes nothing', async () => {
    const c = await finishedCase(to);
    const ref = { id: c.id, version: c.version };
    const officerId = (await officer.auth.me())?.id as number;
    const attempts: [string, () => Promise<unknown>][] = [
      ['update', () => officer.cases.update({ ...ref, patch: { summary: 'новое' } })],
      ['setSubjects (registrar)', () => registrar.cases.setSubjects({ ...ref, subjectIds: [subjectId] })],
      ['setSubjects (officer)', () => officer.cases.setSubjects({ ...ref, subjectIds: [subjectId] })],
      ['assign', () => officer.cases.assign({ ...ref, assigneeId: officerId })],
      ['transition', () => officer.cases.transition({ ...ref, to: 'in_work' })],
      ['addNote', () => officer.cases.addNote({ id: c.id, text: 'заметка' })],
      ['extend', () => officer.cases.extend({ ...ref, reason: 'Нужно запросить архив' })],
      ['letters.create', () => officer.cases.letters.create({ caseId: c.id, kind: 'answer', body: 'ещё' })],
      [
        'letters.markSent',
        () => officer.cases.letters.markSent({ letterId: c.letterId, method: 'in_person', sentOn: '2026-11-25' }),
      ],
    ];
    const before = await rows();
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: expect.stringMatching(READ_ONLY),
      });
    }
    const response = await files.upload(await files.cookieFor('registrar'), PNG, {
      caseId: c.id,
      fileName: 'скан.png',
    });
    expect(response.status).toBe(412);
    expect(((await response.json()) as { error: string }).error).toMatch(READ_ONLY);
    expect(await rows()).toEqual(before);
  });

  it('reopens only by an officer, with a reason, audited; then takes changes again', async () => {
    const c = await finishedCase(to);
    await expect(registrar.cases.reopen({ id: c.id, version: c.version, reason: 'Ошибка' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(officer.cases.reopen({ id: c.id, version: c.version, reason: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const reopened = await officer.cases.reopen({
      id: c.id,
      version: c.version,
      reason: 'Заявитель прислал уточнение',
    });
    expect(reopened.status).toBe('in_work');
    const page = await officer.cases.byId({ id: c.id });
    expect(page.events.map((e) => [e.kind, e.text])).toContainEqual(['reopened', 'Заявитель прислал уточнение']);
    expect((await auditEntries(database.db, 'case.reopened')).filter((e) => e.objectId === String(c.id))).toEqual([
      expect.objectContaining({ changes: { status: { before: to, after: 'in_work' } } }),
    ]);
    await expect(officer.cases.addNote({ id: c.id, text: 'снова в работе' })).resolves.toEqual({ id: c.id });
    await expect(
      officer.cases.reopen({ id: c.id, version: reopened.version, reason: 'ещё раз' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

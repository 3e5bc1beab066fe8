import { beforeAll, describe, expect, it } from 'vitest';
import { importSubjects } from '../modules/subjects/import.service';
import { PNG, useFileServer } from '../test/attachment-fixtures';
import { auditEntries, type Caller, callerFor, clockOn, serviceContext } from '../test/factories';
import { useTestDatabase } from '../test/test-db';

/**
 * The audit trail proves what happened without becoming a second copy of the data (issue 9, item 4):
 * every kind of change is made with distinctive personal data, and no audit row holds any of it. And
 * the admin, who may not open cases or subjects, sees who did what to which object, not the details.
 */

const database = useTestDatabase();
const files = useFileServer(database);
const clock = clockOn('2026-11-25');

/** Words that appear nowhere but in the personal data typed below. */
const PD = [
  'Пантелеймонова',
  'Евдокия',
  'Кривоколенная',
  'evdokia.pant',
  '7654321',
  'пародонтит',
  'Кукушкина',
  'Феоктист',
  '1961-08-19',
  '+79120001122',
  'Зеленодольская',
];

const callers = {} as Record<'officer' | 'registrar' | 'auditor' | 'admin', Caller>;
let caseId: number;

beforeAll(async () => {
  for (const role of ['officer', 'registrar', 'auditor', 'admin'] as const) {
    callers[role] = await callerFor(database.db, role, { clock });
  }
  const { officer } = callers;
  const created = await officer.cases.create({
    type: 'access',
    channel: 'post',
    requester: {
      kind: 'representative',
      name: 'Пантелеймонова Евдокия Савельевна',
      address: '620014, г. Екатеринбург, ул. Кривоколенная, д. 99',
      email: 'evdokia.pant@example.ru',
      authorityDocument: 'Доверенность 66 АА 7654321',
    },
    receivedOn: '2026-11-20',
    summary: 'Просит выписку: диагноз пародонтит',
  });
  caseId = created.id;
  let version = created.version;
  version = (
    await officer.cases.update({
      id: caseId,
      version,
      patch: {
        requester: { kind: 'subject', name: 'Кукушкина Ольга Феоктистовна', address: 'ул. Зеленодольская, 1' },
        summary: 'Уточнение: пародонтит, Кукушкина',
      },
    })
  ).version;
  await officer.cases.addNote({ id: caseId, text: 'Звонила Пантелеймонова, +79120001122' });
  const letter = await officer.cases.letters.create({
    caseId,
    kind: 'answer',
    body: 'Уважаемая Пантелеймонова Евдокия!',
    addressee: 'Пантелеймоновой Е. С., ул. Кривоколенная, д. 99',
  });
  await officer.cases.letters.markSent({
    letterId: letter.id,
    method: 'email',
    sentOn: '2026-11-25',
    note: 'evdokia.pant@example.ru',
  });
  const upload = await files.upload(await files.cookieFor('registrar'), PNG, {
    caseId,
    fileName: 'Пантелеймонова паспорт.png',
    description: 'Паспорт Пантелеймоновой',
  });
  expect(upload.status).toBe(201);
  await officer.cases.transition({
    id: caseId,
    version,
    to: 'rejected',
    reason: 'Пантелеймонова не подтвердила полномочия',
  });
  await officer.subjects.create({
    lastName: 'Пантелеймонова',
    firstName: 'Евдокия',
    middleName: 'Савельевна',
    birthDate: '1961-08-19',
    category: 'patient',
    phone: '+79120001122',
    email: 'evdokia.pant@example.ru',
    address: 'г. Екатеринбург, ул. Кривоколенная, д. 99',
    source: 'Анкета пациента',
  });
  const csv = (lastName: string) =>
    `external_id,last_name,first_name,middle_name,birth_date,phone,email,category\nP-1,${lastName},Феоктист,,1961-08-19,,,patient\n`;
  const system = serviceContext(database.db, { clock });
  await importSubjects(system, () => [csv('Зеленодольский')], { fileName: 'Кукушкина.csv', skipInvalid: false });
  await importSubjects(system, () => [csv('Кукушкин')], { fileName: 'Кукушкина.csv', skipInvalid: false });
});

describe('the audit trail', () => {
  it('records every change, and no entry holds the personal data it was made with', async () => {
    const entries = await auditEntries(database.db);
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'case.created',
      'case.updated',
      'case.note',
      'case.letter_created',
      'case.letter_sent',
      'case.attachment_added',
      'case.status_changed',
      'subject.create',
      'subject.import',
      'subject.update',
    ]) {
      expect(actions, action).toContain(action);
    }
    const leaks = entries.flatMap((entry) =>
      PD.filter((word) => JSON.stringify([entry.changes, entry.details]).includes(word)).map(
        (word) => `${entry.action}: ${word}`,
      ),
    );
    expect(leaks).toEqual([]);
  });

  it('still says what changed, masked the way lists show it', async () => {
    const [created] = await auditEntries(database.db, 'case.created');
    expect(created?.changes).toMatchObject({
      requesterName: { before: null, after: 'П••••••••••••а Е. С.' },
      requesterEmail: { before: null, after: 'e•••••••••••@example.ru' },
      authorityDocument: { before: null, after: 'Доверенность •• АА •••••••' },
      summary: { before: null, after: '••••••' },
    });
    const [sent] = await auditEntries(database.db, 'case.letter_sent');
    expect(sent?.details).toMatchObject({ sentNote: 'e•••••••••••@example.ru' });
    const [imported] = await auditEntries(database.db, 'subject.import');
    expect(imported?.details).toMatchObject({ fileName: 'К••••••••.csv' });
  });
});

describe('audit.list per role', () => {
  const caseEntries = (list: Awaited<ReturnType<Caller['audit']['list']>>) =>
    list.items.filter((item) => item.objectType === 'case' && item.objectId === String(caseId));

  it('the admin sees who did what to which case and when, not the details', async () => {
    const items = caseEntries(await callers.admin.audit.list({ objectType: 'case', limit: 200 }));
    expect(items.map((i) => i.action)).toContain('case.created');
    for (const item of items) {
      expect(item).toMatchObject({ changes: null, details: null, detailsHidden: true, actorLogin: expect.any(String) });
      expect(item.at).toMatch(/^2\d{3}-/);
    }
    // The admin's own domain keeps its details: user and settings entries are about staff, not people.
    const own = await callers.admin.audit.list({ objectType: 'user', limit: 5 });
    expect(own.items.every((item) => !item.detailsHidden)).toBe(true);
  });

  it.each(['officer', 'auditor'] as const)('the %s sees the masked details', async (role) => {
    const items = caseEntries(await callers[role].audit.list({ objectType: 'case', limit: 200 }));
    const created = items.find((item) => item.action === 'case.created');
    expect(created).toMatchObject({
      detailsHidden: false,
      changes: { requesterName: { after: 'П••••••••••••а Е. С.' } },
    });
  });

  it('the registrar reads no audit trail', async () => {
    await expect(callers.registrar.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

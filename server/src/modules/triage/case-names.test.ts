import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema/cases';
import { patientWithRecords, phoneBlock } from '../../test/block-fixtures';
import { type Caller, callerFor, clockOn, serviceContext } from '../../test/factories';
import { accessRequest, IVANOVA } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { importSubjects } from '../subjects/import.service';
import { selectRows } from '../subjects/sql-arrays';

// The queue reads the people of a case from cases.subject_names (migration 0015), kept by triggers. Each write
// path that links, unlinks, moves or renames is run here, and the stored names are compared with the truth
// recomputed from the links, and with what the queue shows (masked, as before).
const database = useTestDatabase();
const clock = clockOn('2026-11-25');
let officer: Caller;

beforeAll(async () => {
  officer = await callerFor(database.db, 'officer', { clock });
});

async function storedNames(caseId: number) {
  const [row] = await database.db.select({ names: cases.subjectNames }).from(cases).where(eq(cases.id, caseId));
  return row?.names;
}

/** The names as the queue showed them before they were kept on the case row. */
async function namesFromLinks(caseId: number): Promise<string[]> {
  const [row] = await selectRows<{ names: string[] | null }>(
    database.db,
    sql`select array_agg(s.last_name || ' ' || s.first_name || coalesce(' ' || s.middle_name, '') order by s.id) as names
      from case_subjects cs join subjects s on s.id = cs.subject_id where cs.case_id = ${caseId}`,
  );
  return row?.names ?? [];
}

async function expectInStep(caseId: number, expected: string[]) {
  expect(await storedNames(caseId)).toEqual(expected);
  expect(await namesFromLinks(caseId)).toEqual(expected);
}

const subject = async (overrides: Partial<Omit<typeof IVANOVA, 'middleName'>> & { middleName?: string | null } = {}) =>
  (await officer.subjects.create({ ...IVANOVA, phone: null, email: null, ...overrides })).id;

const rectifyLastName = async (subjectId: number, value: string) =>
  officer.subjects.rectify({
    subjectId,
    version: (await officer.subjects.byId({ subjectId })).version,
    field: 'lastName',
    value,
    reason: 'Фамилия сменена',
    evidence: 'Паспорт',
  });

describe('names of the people on the case row', () => {
  it('registration links them; the queue masks them exactly as before', async () => {
    const a = await subject({ lastName: 'Орлова', firstName: 'Анна', middleName: 'Ивановна' });
    const b = await subject({ lastName: 'Белов', firstName: 'Пётр', middleName: null });
    const { id } = await officer.cases.create(accessRequest({ subjectIds: [b, a] }));
    await expectInStep(id, ['Орлова Анна Ивановна', 'Белов Пётр']);
    const page = await officer.triage.list({});
    expect(page.items.find((r) => r.id === id)?.subjects).toEqual(
      ['Орлова Анна Ивановна', 'Белов Пётр'].map(maskFullName),
    );
  });

  it('editing the list of people relinks and unlinks', async () => {
    const a = await subject({ lastName: 'Гусева', firstName: 'Вера' });
    const b = await subject({ lastName: 'Котов', firstName: 'Илья' });
    const created = await officer.cases.create(accessRequest({ subjectIds: [a] }));
    const { version } = await officer.cases.setSubjects({ id: created.id, version: 1, subjectIds: [b] });
    await expectInStep(created.id, ['Котов Илья Петровна']);
    await officer.cases.setSubjects({ id: created.id, version, subjectIds: [] });
    await expectInStep(created.id, []);
  });

  it('a rectified (renamed) subject is renamed on every case of theirs; other edits leave names alone', async () => {
    const a = await subject({ lastName: 'Лисина', firstName: 'Ольга' });
    const first = await officer.cases.create(accessRequest({ subjectIds: [a] }));
    const second = await officer.cases.create(accessRequest({ subjectIds: [a], receivedOn: '2026-11-24' }));
    await rectifyLastName(a, 'Волкова');
    await expectInStep(first.id, ['Волкова Ольга Петровна']);
    await expectInStep(second.id, ['Волкова Ольга Петровна']);
  });

  it('a rename by import reaches the cases too', async () => {
    const csv = (lastName: string) =>
      `external_id,last_name,first_name,middle_name,birth_date,phone,email,category\nMIS-77,${lastName},Нина,,1990-01-02,,,patient\n`;
    await importSubjects(serviceContext(database.db), () => [csv('Зайцева')], {
      fileName: 'a.csv',
      skipInvalid: false,
    });
    const [row] = await selectRows<{ id: number }>(
      database.db,
      sql`select id from subjects where external_id = 'MIS-77'`,
    );
    const { id } = await officer.cases.create(accessRequest({ subjectIds: [Number(row?.id)] }));
    await importSubjects(serviceContext(database.db), () => [csv('Морозова')], {
      fileName: 'b.csv',
      skipInvalid: false,
    });
    await expectInStep(id, ['Морозова Нина']);
  });

  it('merge moves the cases to the survivor with its name; undo moves them back', async () => {
    const survivor = await subject({ lastName: 'Петрова', firstName: 'Дарья', phone: '+79120000001' });
    const duplicate = await subject({
      lastName: 'Петрова',
      firstName: 'Дарья',
      middleName: 'И.',
      phone: '+79120000001',
    });
    const { id } = await officer.cases.create(accessRequest({ subjectIds: [duplicate] }));
    await expectInStep(id, ['Петрова Дарья И.']);
    const { mergeId } = await officer.subjects.merge({
      survivorId: survivor,
      survivorVersion: (await officer.subjects.byId({ subjectId: survivor })).version,
      mergedId: duplicate,
      mergedVersion: (await officer.subjects.byId({ subjectId: duplicate })).version,
      reason: 'Один человек: совпадает телефон',
    });
    await expectInStep(id, ['Петрова Дарья Петровна']);
    await officer.subjects.undoMerge({ mergeId, reason: 'Ошибочное объединение' });
    await expectInStep(id, ['Петрова Дарья И.']);
  });

  it('a block on an existing case links its subject', async () => {
    const { subjectId, booking } = await patientWithRecords(database.db, officer, { lastName: 'Соболева' });
    const { id: caseId } = await officer.cases.create(accessRequest({ type: 'blocking', receivedOn: '2026-11-25' }));
    await officer.blocks.create(phoneBlock(subjectId, booking, { newCase: undefined, caseId }));
    await expectInStep(caseId, ['Соболева Мария Петровна']);
  });

  it('a letter matched to its subject links them to the letter’s case', async () => {
    const a = await subject({ lastName: 'Егорова', firstName: 'Лидия' });
    const item = await officer.mail.intake.create({
      receivedOn: '2026-11-25',
      senderName: 'Егорова Лидия Петровна',
      signed: true,
      representative: false,
      kind: 'consent_withdrawal',
      scopeAll: true,
    });
    await officer.mail.match.confirm({ itemId: item.id, subjectId: a });
    await expectInStep(Number(item.caseId), ['Егорова Лидия Петровна']);
  });
});

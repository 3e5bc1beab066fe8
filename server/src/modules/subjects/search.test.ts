import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '../../db/schema/subjects';
import { auditEntries, callerFor, serviceContext } from '../../test/factories';
import { insertSubject } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { importSubjects } from './import.service';
import { indexSubjectNames, writeSubjectContacts } from './search-index';

const database = useTestDatabase();

const CSV = [
  'external_id,last_name,first_name,middle_name,birth_date,phone,email,category',
  'S-1,Иванова,Мария,Петровна,1985-03-12,8 912 345-67-89,maria.ivanova@mail.ru,patient',
  'S-2,Иванова,Мария,Петровна,2010-07-01,+7 922 111-22-33,,patient',
  'S-3,Иванов,Сергей,Петрович,1960-01-05,+7 902 765-45-67,,employee',
  'S-4,Петров,Сергей,Иванович,1979-11-30,89087654567,,claimant',
  'S-5,Фёдорова,Наталья,Алексеевна,1990-05-20,,n.fedorova@yandex.ru,site_user',
  'S-6,Щукина,Юлия,Олеговна,1988-08-08,,,applicant',
].join('\n');

const ids = new Map<string, number>();

beforeAll(async () => {
  await importSubjects(serviceContext(database.db), () => [CSV], { fileName: 'seed.csv', skipInvalid: false });
  for (const row of await database.db.select({ id: subjects.id, externalId: subjects.externalId }).from(subjects)) {
    ids.set(row.externalId ?? '', row.id);
  }
  // A maiden name, written the way the subject page does it.
  const fedorova = ids.get('S-5') ?? 0;
  await database.db.transaction(async (tx) => {
    await writeSubjectContacts(tx, fedorova, { formerLastNames: ['Смирнова'] });
    await indexSubjectNames(tx, fedorova);
  });
});

async function search(query: string, limit = 10) {
  const caller = await callerFor(database.db, 'officer');
  return (await caller.subjects.search({ query, limit })).results;
}

const externalIds = (results: Awaited<ReturnType<typeof search>>) => results.map((r) => r.externalId);

describe('subject search', () => {
  it('finds a person from a letter: genitive name, date, phone in another format', async () => {
    const [first] = await search('от Ивановой Марии Петровны, 12.03.1985 г.р., тел. 8 (912) 3456789');
    expect(first).toMatchObject({
      externalId: 'S-1',
      fullName: 'И•••••а М. П.',
      birthDate: '12.03.1985',
      category: 'patient',
      phones: ['+7 ••• •••-67-89'],
      approximate: false,
    });
    expect(first?.score).toBeGreaterThan(0.95);
    expect(first?.matchedOn).toEqual(
      expect.arrayContaining(['last_name', 'first_name', 'middle_name', 'birth_date', 'phone']),
    );
  });

  it('shows namesakes together, each with what tells them apart', async () => {
    const results = await search('Иванова Мария Петровна');
    expect(externalIds(results).slice(0, 2).sort()).toEqual(['S-1', 'S-2']);
    expect(
      results
        .slice(0, 2)
        .map((r) => r.birthDate)
        .sort(),
    ).toEqual(['••.••.1985', '••.••.2010']);
    expect(
      results
        .slice(0, 2)
        .map((r) => r.phones[0])
        .sort(),
    ).toEqual(['+7 ••• •••-22-33', '+7 ••• •••-67-89']);
  });

  it('reads initials, Latin, the wrong layout, ё as е, a typo and a maiden name', async () => {
    expect(
      externalIds(await search('Иванова М.П.'))
        .slice(0, 2)
        .sort(),
    ).toEqual(['S-1', 'S-2']);
    expect(
      externalIds(await search('М. П. Иванова'))
        .slice(0, 2)
        .sort(),
    ).toEqual(['S-1', 'S-2']);
    expect((await search('SHCHUKINA IULIIA'))[0]).toMatchObject({ externalId: 'S-6', approximate: true });
    expect((await search('Yulia Shchukina'))[0]?.externalId).toBe('S-6');
    expect((await search('oerbyf .kbz'))[0]?.externalId).toBe('S-6');
    expect((await search('Федорова Наталья'))[0]?.externalId).toBe('S-5');
    expect((await search('Фёдорова Наталя Алексевна'))[0]).toMatchObject({ externalId: 'S-5', approximate: true });
    expect((await search('Смирнова Наталья Алексеевна'))[0]).toMatchObject({
      externalId: 'S-5',
      matchedOn: expect.arrayContaining(['former_last_name']),
    });
  });

  it('finds by phone in any format, by a surname with the phone tail, by e-mail in any case', async () => {
    expect((await search('+7 (912) 345-67-89'))[0]).toMatchObject({ externalId: 'S-1', matchedOn: ['phone'] });
    expect((await search('9123456789'))[0]?.externalId).toBe('S-1');
    // Two people end in 4567; the surname decides.
    const tail = await search('Петров 4567');
    expect(tail[0]).toMatchObject({ externalId: 'S-4', matchedOn: expect.arrayContaining(['phone_tail']) });
    expect((await search('N.Fedorova@Yandex.RU'))[0]).toMatchObject({ externalId: 'S-5', matchedOn: ['email'] });
    expect((await search('Иванова 1985-03-12'))[0]?.externalId).toBe('S-1');
  });

  it('with nobody matching the whole name, shows those matching a part of it', async () => {
    const results = await search('Щукина Мария');
    expect(externalIds(results).sort()).toEqual(['S-1', 'S-2', 'S-6']);
    expect(results.every((r) => r.score === 0.5)).toBe(true);
  });

  it('leaves merged records out and finds nothing for noise', async () => {
    const merged = ids.get('S-2') ?? 0;
    await database.db
      .update(subjects)
      .set({ mergedIntoId: ids.get('S-1') ?? null })
      .where(eq(subjects.id, merged));
    expect(externalIds(await search('Иванова Мария Петровна'))).not.toContain('S-2');
    await database.db.update(subjects).set({ mergedIntoId: null }).where(eq(subjects.id, merged));
    expect(await search('Петровна')).toEqual([]);
    expect(await search('zzzz qqqq')).toEqual([]);
  });

  it('audits each search with the ids found and never the text', async () => {
    const before = (await auditEntries(database.db, 'subject.search')).length;
    await search('Щукина Юлия');
    const entries = await auditEntries(database.db, 'subject.search');
    expect(entries).toHaveLength(before + 1);
    const last = entries.at(-1);
    expect(last?.details).toMatchObject({ count: 1, resultIds: [ids.get('S-6')] });
    expect(JSON.stringify(last)).not.toMatch(/Щукина|Юлия/);
  });

  it('is open to officer, auditor, admin and registrar, and closed to anonymous callers', async () => {
    for (const role of ['officer', 'auditor', 'admin', 'registrar'] as const) {
      const caller = await callerFor(database.db, role);
      expect((await caller.subjects.search({ query: 'Щукина' })).results.length).toBe(1);
    }
    const anonymous = await callerFor(database.db, null);
    await expect(anonymous.subjects.search({ query: 'Щукина' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('pages: «показаны первые 20 из 25», then the next 5 with «показать ещё»', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `Имя${String.fromCharCode(1072 + i)}`);
    for (const first of names) await insertSubject(database.db, 'Тихонравова', first);
    const caller = await callerFor(database.db, 'officer');
    const first = await caller.subjects.search({ query: 'Тихонравова', limit: 20 });
    expect(first).toMatchObject({ total: 25, capped: false });
    expect(first.results).toHaveLength(20);
    const next = await caller.subjects.search({ query: 'Тихонравова', limit: 20, cursor: 20 });
    expect(next.results).toHaveLength(5);
    const seen = new Set([...first.results, ...next.results].map((r) => r.id));
    expect(seen.size).toBe(25);
    // A page that is not full is the whole answer.
    expect(await caller.subjects.search({ query: 'Щукина' })).toMatchObject({ total: 1, capped: false });
  });

  it('«иванова мария» style: with no one matching both, surname matches lead first-name-only ones', async () => {
    await insertSubject(database.db, 'Абакумова', 'Ульяна');
    await insertSubject(database.db, 'Зайцева', 'Вера');
    const found = await search('зайцева ульяна');
    expect(found.map((r) => r.matchedOn)).toEqual([['last_name'], ['first_name']]);
  });
});

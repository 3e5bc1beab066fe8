import type { Role } from '@pd-desk/shared/auth/roles';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '../db/schema/subjects';
import { auditEntries, type Caller, callerFor, clockOn } from '../test/factories';
import { accessRequest, insertSubject } from '../test/fixtures';
import { useTestDatabase } from '../test/test-db';

/**
 * What a case shows, per role, asserted on the data returned (issue 9, item 3): people masked for every
 * role with the subject card's masks; a reveal opens them where the role may, and is audited by field.
 */

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

const REQUESTER = {
  kind: 'subject' as const,
  name: 'Зарецкая Виктория Олеговна',
  address: '620014, г. Екатеринбург, ул. Малышева, д. 7, кв. 31',
  email: 'v.zaretskaya@example.ru',
};
const SUBJECT_BIRTH_DATE = '1979-04-23';
const CLEAR_VALUES = [
  'Зарецкая',
  'Виктория',
  'Малышева',
  'v.zaretskaya',
  'Шелестова',
  'Ангелина',
  SUBJECT_BIRTH_DATE,
  '23.04.1979',
];

const callers = {} as Record<Role, Caller>;
let officersCase: number;
let registrarsCase: number;
let subjectId: number;

const leaks = (value: unknown) => CLEAR_VALUES.filter((clear) => JSON.stringify(value).includes(clear));

beforeAll(async () => {
  for (const role of ['officer', 'registrar', 'auditor', 'admin'] as const) {
    callers[role] = await callerFor(database.db, role, { clock });
  }
  subjectId = await insertSubject(database.db, 'Шелестова', 'Ангелина', 'Игоревна');
  await database.db.update(subjects).set({ birthDate: SUBJECT_BIRTH_DATE }).where(eq(subjects.id, subjectId));
  const request = accessRequest({ requester: REQUESTER, subjectIds: [subjectId] });
  officersCase = (await callers.officer.cases.create(request)).id;
  registrarsCase = (await callers.registrar.cases.create(request)).id;
});

describe.each(['officer', 'registrar', 'auditor'] as const)('cases.byId as %s', (role) => {
  it.each([
    ['an officer registered', () => officersCase],
    ['the registrar registered', () => registrarsCase],
  ])('shows the people on a case %s masked', async (_, caseId) => {
    const page = await callers[role].cases.byId({ id: caseId() });
    expect(page.requester).toMatchObject({
      name: 'З••••••я В. О.',
      address: 'г. Екатеринбург, ••••••',
      email: 'v•••••••••••@example.ru',
    });
    expect(page.subjects).toEqual([{ id: subjectId, name: 'Ш•••••••а А. И.', birthDate: '••.••.1979' }]);
    expect(leaks(page)).toEqual([]);
  });
});

describe('cases.reveal', () => {
  it.each(['officer', 'auditor'] as const)(
    '%s opens the requester and the subjects, audited by field only',
    async (role) => {
      const before = (await auditEntries(database.db, 'case.reveal')).length;
      expect((await callers[role].cases.byId({ id: registrarsCase })).revealable).toEqual(['requester', 'subjects']);
      const revealed = await callers[role].cases.reveal({ id: registrarsCase, fields: ['requester', 'subjects'] });
      expect(revealed.requester).toMatchObject({
        name: REQUESTER.name,
        address: REQUESTER.address,
        email: REQUESTER.email,
      });
      expect(revealed.subjects).toEqual([
        { id: subjectId, name: 'Шелестова Ангелина Игоревна', birthDate: SUBJECT_BIRTH_DATE },
      ]);
      const entries = (await auditEntries(database.db, 'case.reveal')).slice(before);
      expect(entries).toEqual([
        expect.objectContaining({ objectId: String(registrarsCase), details: { fields: ['requester', 'subjects'] } }),
      ]);
      expect(leaks(entries)).toEqual([]);
    },
  );

  it('the registrar opens only the requester of a case they registered themselves', async () => {
    const registrar = callers.registrar;
    expect((await registrar.cases.byId({ id: registrarsCase })).revealable).toEqual(['requester']);
    expect((await registrar.cases.byId({ id: officersCase })).revealable).toEqual([]);
    const own = await registrar.cases.reveal({ id: registrarsCase, fields: ['requester'] });
    expect(own.requester?.name).toBe(REQUESTER.name);
    expect(own.subjects).toBeUndefined();

    const before = (await auditEntries(database.db, 'case.reveal')).length;
    await expect(registrar.cases.reveal({ id: registrarsCase, fields: ['subjects'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(registrar.cases.reveal({ id: officersCase, fields: ['requester'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('только в обращениях, которые зарегистрировал сам'),
    });
    expect((await auditEntries(database.db, 'case.reveal')).length).toBe(before);
  });

  it('the admin sees no case at all, masked or not', async () => {
    await expect(callers.admin.cases.byId({ id: officersCase })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callers.admin.cases.reveal({ id: officersCase, fields: ['requester'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the journal masks the requester with the same rule', async () => {
    const journal = await callers.auditor.cases.list({});
    expect(journal.items.map((item) => item.requester)).toEqual(['З••••••я В. О.', 'З••••••я В. О.']);
    expect(leaks(journal)).toEqual([]);
  });
});

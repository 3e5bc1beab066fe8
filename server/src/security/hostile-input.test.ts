import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/audit';
import { caseAttachments, caseEvents } from '../db/schema/cases';
import { PNG, useFileServer } from '../test/attachment-fixtures';
import { type Caller, callerFor, clockOn } from '../test/factories';
import { accessRequest } from '../test/fixtures';
import { useTestDatabase } from '../test/test-db';

/**
 * Input that once gave a 500 (issue 9, item 6) is refused at the schema: 400 with a Russian message,
 * nothing written. The guard is one set of field schemas (shared/src/schema-fields.ts), so these
 * stand for every text, id and date field.
 */

const database = useTestDatabase();
const files = useFileServer(database);
const clock = clockOn('2026-11-25');
const UNSAFE = /недопустимые символы/;

let officer: Caller;
let admin: Caller;
let caseId: number;
beforeAll(async () => {
  officer = await callerFor(database.db, 'officer', { clock });
  admin = await callerFor(database.db, 'admin', { clock });
  caseId = (await officer.cases.create(accessRequest())).id;
});

const rows = async () => ({
  events: (await database.db.select({ n: count() }).from(caseEvents))[0]?.n,
  audit: (await database.db.select({ n: count() }).from(auditLog))[0]?.n,
  attachments: (await database.db.select({ n: count() }).from(caseAttachments))[0]?.n,
});

/** Takes the call as a function: it starts only after the rows are counted, and its rejection is awaited at once. */
async function refusedWith(call: () => Promise<unknown>, message: RegExp) {
  const before = await rows();
  await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(message) });
  expect(await rows()).toEqual(before);
}

describe('hostile input is a 400 with a Russian message, nothing written', () => {
  it('a NUL byte in a text field', async () => {
    await refusedWith(async () => officer.cases.addNote({ id: caseId, text: 'до\u0000после' }), UNSAFE);
    await refusedWith(
      async () => officer.cases.create(accessRequest({ requester: { kind: 'subject', name: 'Иван\u0000ов' } })),
      UNSAFE,
    );
    // The login is a lock key: it once reached the counter table before any check.
    await refusedWith(
      async () => (await callerFor(database.db, null)).auth.signIn({ login: 'a\u0000', password: 'x' }),
      UNSAFE,
    );
  });

  it('a lone UTF-16 surrogate in fields that land in jsonb', async () => {
    await refusedWith(
      async () => officer.cases.letters.create({ caseId, kind: 'answer', body: 'текст \ud800' }),
      UNSAFE,
    );
    await refusedWith(
      async () =>
        admin.settings.setLetterhead({ operatorName: '\udfff', address: 'Екатеринбург', responsiblePerson: 'Петров' }),
      UNSAFE,
    );
    await refusedWith(
      async () => admin.subjects.import.start({ fileName: 'список\ud800.csv', content: 'a;b' }),
      UNSAFE,
    );
  });

  it('free-form JSON is checked string by string, however deep', async () => {
    await refusedWith(
      async () => admin.calendar.import({ format: 'json', year: { source: 'x', days: [['\u0000']] } }),
      UNSAFE,
    );
  });

  it('ids of 2³¹ and more', async () => {
    await refusedWith(
      async () => admin.users.setRole({ userId: 2 ** 31, role: 'auditor' }),
      /Нет записи с таким номером/,
    );
    await refusedWith(async () => officer.cases.byId({ id: Number.MAX_SAFE_INTEGER }), /Нет записи с таким номером/);
    await refusedWith(async () => admin.audit.list({ actorId: 2 ** 31 }), /Нет записи с таким номером/);
  });

  it('dates far outside 2000…2100 in due-date calculations', async () => {
    const range = /между 01\.01\.2000 и 31\.12\.2100/;
    await refusedWith(async () => officer.calendar.due({ rule: 'access', receivedOn: '9999-12-31' }), range);
    await refusedWith(async () => officer.cases.deadlinePreview({ type: 'access', receivedOn: '9999-12-31' }), range);
    await refusedWith(async () => officer.cases.deadlinePreview({ type: 'access', receivedOn: '1000-01-01' }), range);
    // The edge of the range passes the schema and gets the calendar's own answer, not a 500.
    await expect(officer.calendar.due({ rule: 'access', receivedOn: '2100-12-31' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('the upload form: a NUL in the file name or description, a case id past 2³¹', async () => {
    const cookie = await files.cookieFor('officer');
    const before = await rows();
    for (const form of [
      { caseId, fileName: 'скан\u0000.png' },
      { caseId, fileName: 'скан.png', description: 'x\u0000' },
      { caseId: 2 ** 31, fileName: 'скан.png' },
    ]) {
      const response = await files.upload(cookie, PNG, form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/недопустимые символы|Нет записи/);
    }
    expect(await rows()).toEqual(before);
  });
});

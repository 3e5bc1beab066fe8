import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useFileServer } from '../test/attachment-fixtures';
import { pdfText } from '../test/document-text';
import { auditEntries, callerFor, clockOn } from '../test/factories';
import { accessRequest, insertSubject } from '../test/fixtures';
import { answeredWithdrawal } from '../test/mail-fixtures';
import { useTestDatabase } from '../test/test-db';

const database = useTestDatabase();
const files = useFileServer(database);
const clock = clockOn('2026-11-25');
const get = (path: string, cookie: string) => fetch(`${files.baseUrl}${path}`, { headers: { cookie } });
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const csvOf = async (response: Response) => Buffer.from(await bytes(response)).toString('utf8');

async function sheetOf(response: Response) {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, title: rows[0]?.[0], header: rows[1], rows: rows.slice(2) };
}

describe('exports', () => {
  it('the queue: the screen’s filters, masked, dates as dates; officer and auditor only; audited without PD', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const petrov = await insertSubject(database.db, 'Петров', 'Пётр', 'Петрович');
    const access = await officer.cases.create(
      accessRequest({ requester: { kind: 'subject', name: 'Петров Пётр Петрович' }, subjectIds: [petrov] }),
    );
    await officer.cases.create(accessRequest({ type: 'rectification', receivedOn: '2026-11-21' }));

    const cookie = await files.cookieFor('officer');
    const response = await get('/files/triage/queue.xlsx?type=access&q=петров', cookie);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename\*=UTF-8''queue-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const queue = await sheetOf(response);
    expect(queue.name).toBe('Очередь');
    expect(queue.title).toBe('Очередь обращений');
    expect(queue.header?.slice(0, 6)).toEqual(['Вх. №', 'Вид', 'Канал', 'Статус', 'Получено', 'Срок']);
    expect(queue.rows).toHaveLength(1);
    expect(queue.rows[0]?.[0]).toBe(access.incomingNumber);
    expect(queue.rows[0]?.[4]).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(queue.rows[0]?.slice(8, 10)).toEqual(['П••••в П. П.', 'П••••в П. П.']);
    expect(JSON.stringify(queue.rows)).not.toContain('Петров');

    const all = await csvOf(
      await get('/files/triage/queue.csv?sort=received&dir=desc', await files.cookieFor('auditor')),
    );
    expect(all.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(all.split('\r\n')[1]).toContain('Уточнение ПДн');

    expect((await get('/files/triage/queue.csv', await files.cookieFor('registrar'))).status).toBe(403);
    expect((await get('/files/triage/queue.csv', await files.cookieFor('admin'))).status).toBe(403);
    expect((await fetch(`${files.baseUrl}/files/triage/queue.csv`)).status).toBe(401);
    expect((await get('/files/triage/queue.json', cookie)).status).toBe(404);

    const audit = await auditEntries(database.db, 'triage.exported');
    expect(audit.map((e) => e.details)).toEqual([
      { format: 'xlsx', rows: 1, filters: expect.objectContaining({ types: ['access'], search: true }) },
      {
        format: 'csv',
        rows: 2,
        filters: expect.objectContaining({ sort: 'received', direction: 'desc', search: false }),
      },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/петров|Петров/i);
  });

  it('the audit log: filters honoured, the admin without details about people, the export audited itself', async () => {
    const officer = await files.cookieFor('officer');
    const cases = await csvOf(await get('/files/audit/log.csv?objectType=case', officer));
    const lines = cases.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF№;Время;Пользователь;Действие;Объект;ID объекта;Изменения;Подробности;IP');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split(';')[4] === 'case')).toBe(true);
    expect(lines[1]).toMatch(/^\d+;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2};/);

    const admin = await sheetOf(await get('/files/audit/log.xlsx?objectType=case', await files.cookieFor('admin')));
    expect(admin.rows.length).toBe(lines.length - 1);
    expect(admin.rows.every((row) => row[6] === 'скрыто' && row[7] === 'скрыто')).toBe(true);

    expect((await get('/files/audit/log.csv?from=вчера', officer)).status).toBe(400);
    expect((await get('/files/audit/log.csv', await files.cookieFor('registrar'))).status).toBe(403);
    const exported = await auditEntries(database.db, 'audit.exported');
    expect(exported.map((e) => e.details)).toEqual([
      { format: 'csv', rows: lines.length - 1, filters: { objectType: 'case' } },
      { format: 'xlsx', rows: lines.length - 1, filters: { objectType: 'case' } },
    ]);
  });

  it('the subject list: masked for every role, with or without a search; the query text is not audited', async () => {
    await insertSubject(database.db, 'Сидорова', 'Анна', 'Ивановна');
    const officer = await files.cookieFor('officer');
    const found = await sheetOf(await get('/files/subjects/list.xlsx?q=сидорова', officer));
    // Empty cells are absent in XLSX: the reader gives them as undefined.
    expect(found.rows).toEqual([[expect.any(Number), undefined, 'С••••••а А. И.', undefined, 'Пациент']]);
    const everyone = await csvOf(await get('/files/subjects/list.csv', await files.cookieFor('auditor')));
    expect(everyone).toContain('П••••в П. П.');
    expect(everyone).not.toMatch(/Сидорова|Петров/);
    expect((await get('/files/subjects/list.csv', await files.cookieFor('registrar'))).status).toBe(403);
    const audit = await auditEntries(database.db, 'subject.exported');
    expect(audit.map((e) => e.details)).toEqual([
      { format: 'xlsx', rows: 1, filters: { search: true, masked: true } },
      { format: 'csv', rows: 2, filters: { search: false, masked: true } },
    ]);
  });

  it('the journal of requests as a PDF: landscape, every column, answers with their numbers, pages numbered', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const done = await answeredWithdrawal(database.db, officer);
    const response = await get('/files/mail/registers/requests.pdf?from=2026-11-01', await files.cookieFor('auditor'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(await bytes(response))).replace(/\s+/g, ' ');
    for (const expected of [
      'ЖУРНАЛ учёта обращений субъектов персональных данных',
      'За период с 01.11.2026',
      'Дата и № ответа',
      done.incomingNumber,
      'Иванова Мария Петровна',
      'Отзыв согласия',
      `${done.outgoingNumber} от 25.11.2026`,
      'Стр. 1 из 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect((await get('/files/mail/registers/requests.pdf', await files.cookieFor('registrar'))).status).toBe(403);
    expect((await get('/files/mail/registers/requests.csv', await files.cookieFor('officer'))).status).toBe(404);
    const audit = await auditEntries(database.db, 'mail.register_exported');
    expect(audit.at(-1)).toMatchObject({
      objectId: 'requests',
      details: { format: 'pdf', rows: 3, filters: { from: '2026-11-01' } },
    });
  });
});

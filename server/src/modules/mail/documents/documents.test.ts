import { describe, expect, it } from 'vitest';
import { useFileServer } from '../../../test/attachment-fixtures';
import { docxText, pdfText } from '../../../test/document-text';
import { auditEntries, callerFor, clockOn } from '../../../test/factories';
import { answeredWithdrawal } from '../../../test/mail-fixtures';
import { useTestDatabase } from '../../../test/test-db';

const database = useTestDatabase();
const files = useFileServer(database);
const clock = clockOn('2026-11-25');

const get = (path: string, cookie: string) => fetch(`${files.baseUrl}${path}`, { headers: { cookie } });
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
/** PDF text extraction breaks lines where the layout does: compare without the line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const ORDER_179_FIELDS = [
  'Наименование и адрес оператора',
  'Лицо, осуществляющее обработку по поручению оператора',
  'ФИО субъекта',
  'ФИО и должность лица, уничтожившего данные',
  'Категории уничтоженных персональных данных',
  'Материальный носитель и количество листов',
  'Наименование информационной системы',
  'Способ уничтожения',
  'Средство защиты информации',
  'Причина уничтожения',
  'Дата уничтожения',
  'Выгрузка из журнала регистрации событий',
];

describe('mail documents', () => {
  it('the answer, as PDF and DOCX from one model, names the subject, its outgoing number and why the card is kept', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { outgoingNumber, letterId, incomingNumber, caseId } = await answeredWithdrawal(database.db, officer);
    const cookie = await files.cookieFor('officer');

    const pdf = await get(`/files/mail/letters/${letterId}.pdf`, cookie);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(encodeURIComponent(`${outgoingNumber}.pdf`));
    const docx = await get(`/files/mail/letters/${letterId}.docx`, cookie);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');

    for (const text of [flat(await pdfText(await bytesOf(pdf))), flat(docxText(await bytesOf(docx)))]) {
      expect(text).toContain('Иванова Мария Петровна');
      expect(text).toContain(`Исх. № ${outgoingNumber}`);
      expect(text).toContain(`вх. № ${incomingNumber}`);
      expect(text).toContain('приказ Минздрава России № 408 от 03.08.2023');
      expect(text).toContain('ст. 10 ч. 2 п. 4');
      expect(text).toContain('Новостная рассылка');
      expect(text).toContain('ч. 5 ст. 21');
    }
    // The answer is a case letter: it has the outgoing number of the journal and shows on the case.
    const page = await officer.cases.byId({ id: caseId });
    expect(JSON.stringify(page)).toContain(outgoingNumber);
    expect((await officer.mail.plan.byCase({ caseId })).plan?.answerLetterId).toBe(letterId);
    const downloads = await auditEntries(database.db, 'letter.download');
    expect(downloads.map((e) => e.details?.format)).toEqual(['pdf', 'docx']);
  });

  it('the destruction act lists the destroyed categories and every item of Order No. 179, kept 3 years', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { actId } = await answeredWithdrawal(database.db, officer);
    const cookie = await files.cookieFor('auditor');
    const pdf = flat(await pdfText(await bytesOf(await get(`/files/mail/acts/${actId}.pdf`, cookie))));
    const docx = flat(docxText(await bytesOf(await get(`/files/mail/acts/${actId}.docx`, cookie))));
    for (const text of [pdf, docx]) {
      for (const field of ORDER_179_FIELDS) expect(text, field).toContain(field);
      expect(text).toContain('Иванова Мария Петровна');
      expect(text).toContain('Обновления услуг, специальные предложения, цены, новостная рассылка: ФИО, e-mail');
      expect(text).toContain('Рекламная рассылка: ФИО, телефон');
      expect(text).toContain('Новостная рассылка');
      expect(text).toContain('Secret Net Studio 8');
      expect(text).toContain('3 года, до 25.11.2029');
      expect(text).not.toContain('Медицинская информационная система');
    }
    expect(await auditEntries(database.db, 'mail.destruction_act_download')).toHaveLength(2);
  });

  it('only the officer and the auditor download; the answer is written once, after the plan is done', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { letterId, actId, planId } = await answeredWithdrawal(database.db, officer);
    await expect(officer.mail.documents.createAnswer({ planId })).rejects.toMatchObject({ code: 'CONFLICT' });
    for (const role of ['registrar', 'admin'] as const) {
      const cookie = await files.cookieFor(role);
      expect((await get(`/files/mail/letters/${letterId}.pdf`, cookie)).status).toBe(403);
      expect((await get(`/files/mail/acts/${actId}.docx`, cookie)).status).toBe(403);
    }
    expect((await fetch(`${files.baseUrl}/files/mail/acts/${actId}.pdf`)).status).toBe(401);
    expect((await get('/files/mail/acts/999999.pdf', await files.cookieFor('officer'))).status).toBe(404);
  });
});

import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server';
import { auditEntries, callerFor, clockOn, createTestUser, serviceContext, testConfig } from '../../test/factories';
import { accessRequest } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { createSession, SESSION_COOKIE } from '../auth/sessions';
import { letterPdf } from './letters.service';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

async function pdfText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('answer letters', () => {
  it('drafts a type-specific answer, numbers it and renders a Cyrillic PDF on the letterhead', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const admin = await callerFor(database.db, 'admin', { clock });
    await admin.settings.setLetterhead({
      operatorName: 'ООО «Клиника Тест»',
      address: '620050, г. Екатеринбург, ул. Техническая, д. 14, корп. 2, офис 2',
      responsiblePerson: 'О. В. Смирнова',
      responsiblePosition: 'Ответственный за организацию обработки ПДн',
    });
    const { id } = await officer.cases.create(accessRequest({ type: 'consent_withdrawal', channel: 'email' }));
    const draft = await officer.cases.letters.draft({ caseId: id, kind: 'answer' });
    expect(draft.title).toBe('Ответ на отзыв согласия на обработку персональных данных');
    expect(draft.body).toContain('25 лет');
    // Linked to nobody, the draft leaves the officer a blank to decide; the officer deletes it before numbering.
    const body = draft.body.replace(/\n\n\[[^\]]*\]/g, '');
    const letter = await officer.cases.letters.create({ caseId: id, kind: 'answer', body });
    expect(letter.outgoingNumber).toBe('ИСХ-2026-0001');

    const actor = { userId: null, login: 'test', role: 'officer', ip: null };
    const text = await pdfText((await letterPdf(serviceContext(database.db, { actor }), letter.id)).pdf);
    expect(text).toContain('Исх. № ИСХ-2026-0001 от 25.11.2026');
    expect(text).toContain('ООО «Клиника Тест»');
    expect(text).toContain('Техническая, д. 14');
    expect(text).toContain('О. В. Смирнова');
  });

  it('the access answer lists the art. 14 p. 7 items', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id } = await officer.cases.create(accessRequest());
    const { body } = await officer.cases.letters.draft({ caseId: id, kind: 'answer' });
    expect(body).toContain('ч. 7 ст. 14');
    for (const item of ['Правовые основания', 'Способы обработки', 'Трансграничная', 'Сроки обработки']) {
      expect(body).toContain(item);
    }
  });

  it('records how it was sent; a post letter needs its tracking number; then the case can be answered', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id, version } = await officer.cases.create(accessRequest());
    const inWork = await officer.cases.transition({ id, version, to: 'in_work' });
    const letter = await officer.cases.letters.create({ caseId: id, kind: 'answer', body: 'Текст ответа' });
    await expect(
      officer.cases.letters.markSent({ letterId: letter.id, method: 'post', sentOn: '2026-11-25' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await officer.cases.letters.markSent({
      letterId: letter.id,
      method: 'post',
      sentOn: '2026-11-25',
      trackingNumber: '62005012345678',
    });
    await expect(
      officer.cases.letters.markSent({ letterId: letter.id, method: 'email', sentOn: '2026-11-25' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const answered = await officer.cases.transition({ id, version: inWork.version, to: 'answered' });
    await officer.cases.transition({ id, version: answered.version, to: 'closed' });
    const card = await officer.cases.byId({ id });
    expect(card.status).toBe('closed');
    expect(card.letters[0]).toMatchObject({
      sentMethod: 'post',
      trackingNumber: '62005012345678',
      sentOn: '2026-11-25',
    });
  });
});

describe('GET /files/letters/:id.pdf', () => {
  let server: ReturnType<typeof createServer>;
  const config = () => testConfig();

  beforeAll(() => {
    server = createServer({ config: config(), database: { ...database, close: async () => {} } });
  });
  afterAll(async () => {
    await server.app.close();
  });

  async function cookieFor(role: 'officer' | 'registrar') {
    const user = await createTestUser(database.db, role);
    const { token } = await createSession(database.db, config(), user.id, { ip: null, userAgent: null });
    return `${SESSION_COOKIE}=${token}`;
  }

  it('serves the PDF to an officer, audited; refuses anonymous and registrar', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id } = await officer.cases.create(accessRequest());
    const letter = await officer.cases.letters.create({ caseId: id, kind: 'answer', body: 'Ответ' });
    const url = `/files/letters/${letter.id}.pdf`;

    expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const asRegistrar = await server.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await cookieFor('registrar') },
    });
    expect(asRegistrar.statusCode).toBe(403);

    const before = (await auditEntries(database.db, 'letter.download')).length;
    const response = await server.app.inject({ method: 'GET', url, headers: { cookie: await cookieFor('officer') } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(response.rawPayload)).toContain(letter.outgoingNumber);
    expect(await auditEntries(database.db, 'letter.download')).toHaveLength(before + 1);

    const missing = await server.app.inject({
      method: 'GET',
      url: '/files/letters/999999.pdf',
      headers: { cookie: await cookieFor('officer') },
    });
    expect(missing.statusCode).toBe(404);
  });
});

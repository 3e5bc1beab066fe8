import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from '../fixtures';
import { isoDate } from '../test-data';

type Catalogue = { systems: { id: number; code: string }[]; purposes: { id: number; code: string }[] };

/** tRPC queries are GETs (the fixtures' API posts mutations): read through the signed-in page's own session. */
async function query<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await page.request.get(`/trpc/${procedure}${search}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** A DOCX is a zip: its text is in word/document.xml. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const SCREENSHOTS = path.join(import.meta.dirname, '../screenshots');

/** The first page of a PDF as a PNG beside the screenshots, for people to look at (where poppler is installed). */
function pictureOf(pdf: string, name: string) {
  if (!fs.existsSync('/usr/bin/pdftoppm')) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(SCREENSHOTS, name),
  ]);
}

async function download(page: Page, name: string, path: string): Promise<{ bytes: Buffer; file: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  const file = await downloading;
  await file.saveAs(path);
  return { bytes: await bytesOf(file), file: path };
}

test('a withdrawal: plan destroys the newsletter, keeps the medical card; answer PDF and DOCX; the act', async ({
  page,
  signIn,
  officerApi,
  insertSubject,
  shot,
}, testInfo) => {
  test.setTimeout(180_000);
  const person = await insertSubject({ lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' });
  await signIn('officer');
  const { systems, purposes } = await query<Catalogue>(page, 'subjects.catalogue.list');
  const idOf = (list: { id: number; code: string }[], code: string) => list.find((x) => x.code === code)?.id;
  const record = (system: string, purpose: string, legalBasis: string, dataFields: string[]) =>
    officerApi.call('subjects.addRecord', {
      subjectId: person.id,
      systemId: idOf(systems, system),
      purposeId: idOf(purposes, purpose),
      legalBasis,
      dataFields,
      collectedOn: '2026-02-01',
    });
  await record('newsletter', 'newsletter', 'consent', ['full_name', 'email']);
  await record('mis', 'medical_care', 'law', ['full_name', 'birth_date', 'health']);
  const received = isoDate(new Date().toLocaleDateString('ru-RU', { timeZone: 'Asia/Yekaterinburg' }));
  const withdrawal = await officerApi.call<{ id: number; incomingNumber: string }>('cases.create', {
    type: 'consent_withdrawal',
    channel: 'post',
    requester: { kind: 'subject', name: 'Иванова Мария Петровна', address: person.address },
    receivedOn: received,
    subjectIds: [person.id],
  });

  // From the case page of the withdrawal to its plan.
  await page.goto(`/cases/${withdrawal.id}`);
  await page.getByRole('link', { name: 'Открыть план' }).click();
  await expect(page.getByRole('heading', { name: 'План действий по отзыву согласия' })).toBeVisible();
  await page.getByRole('button', { name: 'Составить план' }).click();
  const lines = page.getByRole('region', { name: 'Записи субъекта и действия' });
  const newsletter = lines.getByRole('row').filter({ hasText: 'Новостная рассылка' });
  const medical = lines.getByRole('row').filter({ hasText: 'Медицинская информационная система' });
  await expect(newsletter).toContainText('Прекратить и уничтожить');
  await expect(medical).toContainText('Прекратить, хранить по закону');
  await expect(medical).toContainText('приказ Минздрава России № 408 от 03.08.2023');
  await expect(page.getByText(/Срок исполнения: \d{2}\.\d{2}\.\d{4}/)).toBeVisible();

  // The officer confirms each line: destroy the newsletter, keep the medical card.
  await newsletter.getByRole('button', { name: /^Подтвердить/ }).click();
  await expect(newsletter).toContainText('подтверждено');
  await medical.getByRole('button', { name: /^Подтвердить/ }).click();
  await expect(medical).toContainText('подтверждено');
  await shot('mail-plan');
  await page.getByRole('button', { name: 'Утвердить план' }).click();
  await expect(page.getByText('Утверждён', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Исполнить задачи' }).click();
  const completing = page.getByRole('dialog', { name: 'Исполнение плана' });
  await completing.getByLabel('Средство защиты информации, которым уничтожены данные').fill('Secret Net Studio 8');
  await completing.getByRole('button', { name: 'Исполнить' }).click();
  await expect(completing).toBeHidden();
  await expect(page.getByText('Исполнен', { exact: true })).toBeVisible();
  await expect(newsletter).toContainText('исполнено');

  await page.getByRole('button', { name: 'Подготовить ответ (присвоить исх. №)' }).click();
  const numberText = page.getByText(/^Исх\. № ИСХ-\d{4}-\d{4}$/);
  await expect(numberText).toBeVisible();
  const outgoingNumber = ((await numberText.textContent()) ?? '').replace('Исх. № ', '');
  await shot('mail-plan-done');

  const answerPdf = await download(page, `Скачать PDF: ${outgoingNumber}`, testInfo.outputPath('answer.pdf'));
  const answerDocx = await download(page, `Скачать DOCX: ${outgoingNumber}`, testInfo.outputPath('answer.docx'));
  for (const text of [await pdfText(answerPdf.bytes), docxText(answerDocx.file)]) {
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain(outgoingNumber);
    expect(text).toContain('приказ Минздрава России № 408 от 03.08.2023');
    expect(text).toContain('ст. 10 ч. 2 п. 4');
  }

  const actLink = page.getByText(/^Акт № АУ-\d{4}-\d{4} от/);
  const actNumber = /АУ-\d{4}-\d{4}/.exec((await actLink.textContent()) ?? '')?.[0] ?? '';
  const actPdf = await download(page, `Скачать PDF: ${actNumber}`, testInfo.outputPath('act.pdf'));
  const actDocx = await download(page, `Скачать DOCX: ${actNumber}`, testInfo.outputPath('act.docx'));
  for (const text of [await pdfText(actPdf.bytes), docxText(actDocx.file)]) {
    expect(text).toContain(`АКТ № ${actNumber}`);
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain('Обновления услуг, специальные предложения, цены, новостная рассылка: ФИО, e-mail');
    expect(text).toContain('Выгрузка из журнала регистрации событий');
    expect(text).not.toContain('Медицинская информационная система');
  }
  pictureOf(answerPdf.file, 'mail-plan-answer');
  pictureOf(actPdf.file, 'mail-plan-act');

  // The registers: the letter in, the answer out with its tracking number, the act.
  const { plan } = await query<{ plan: { answer: { id: number } } }>(page, 'mail.plan.byCase', {
    caseId: withdrawal.id,
  });
  await officerApi.call('cases.letters.markSent', {
    letterId: plan.answer.id,
    method: 'post',
    sentOn: received,
    trackingNumber: '62000012345678',
  });
  // «Почта» unfolds its screens in the navigation.
  await page.getByRole('link', { name: 'Почта' }).click();
  await page.getByRole('link', { name: 'Реестры' }).click();
  const incoming = page.getByRole('row').filter({ hasText: withdrawal.incomingNumber });
  await expect(incoming).toContainText('И•••••а М. П.');
  await incoming.getByRole('button', { name: `Показать ФИО: ${withdrawal.incomingNumber}` }).click();
  await expect(incoming).toContainText('Иванова Мария Петровна');
  await shot('mail-registers-incoming', { viewport: true });
  await page.getByRole('tab', { name: 'Исходящие' }).click();
  await expect(page.getByRole('row').filter({ hasText: outgoingNumber })).toContainText('Ответ');
  await shot('mail-registers-outgoing', { viewport: true });
  await page.getByRole('tab', { name: 'Акты об уничтожении' }).click();
  await expect(page.getByRole('row').filter({ hasText: actNumber })).toContainText('Новостная рассылка');
  await shot('mail-registers-acts', { viewport: true });
});

import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, test } from '../fixtures';
import { download, pdfText, pictureOf } from '../mail-documents';
import { operatorDay } from '../test-data';

/** The notes' screenshot folder, where the issue's closing note asks for the filled answer and its form. */
const NOTES_SHOTS = path.join(import.meta.dirname, '../../../_notes/shots');
const SCREENSHOTS = path.join(import.meta.dirname, '../screenshots');

test('the access answer is filled from the records in three systems and is not numbered while a blank remains', async ({
  page,
  signIn,
  insertSubject,
  addRecord,
  expectRefused,
  registerRequest,
}, testInfo) => {
  test.slow();
  // Numbering a letter with a blank left is refused (400) on purpose, and asserted on below.
  expectRefused('/trpc/cases.letters.create');
  const subject = await insertSubject({ firstName: 'Елена', middleName: 'Денисовна' });
  const source = 'получены от Вас лично при обращении в клинику';
  await addRecord(subject.id, {
    system: 'mis',
    purpose: 'medical_care',
    legalBasis: 'law',
    fields: ['full_name', 'birth_date', 'health'],
    source,
  });
  await addRecord(subject.id, {
    system: 'payments',
    purpose: 'payment_tax',
    legalBasis: 'contract',
    fields: ['full_name', 'inn'],
    source,
  });
  await addRecord(subject.id, {
    system: 'booking_site',
    purpose: 'online_booking',
    fields: ['full_name', 'phone'],
    source: 'форма записи на сайте',
  });
  const { id } = await registerRequest({ subject, receivedOn: operatorDay(-2).iso });

  await signIn('officer');
  await page.goto(`/cases/${id}`);
  const letters = page.getByRole('region', { name: 'Исходящие письма' });
  await expect(letters.getByRole('button', { name: 'Подготовить ответ' })).toBeVisible();
  await expectAccessible(page, 'case page');
  await letters.getByRole('button', { name: 'Подготовить ответ' }).click();
  const draft = page.getByRole('dialog', { name: /^Письмо по обращению / });
  const addressee = draft.getByLabel('Адресат');
  await expect(addressee).toHaveValue(new RegExp(`^${subject.lastName.replace(/а$/, 'ой')} Елене Денисовне\\n`));
  const body = draft.getByRole('textbox', {
    name: 'Ответ на запрос сведений, касающихся обработки персональных данных',
  });
  await expect(body).toHaveValue(/Медицинская информационная система: ФИО, дата рождения, сведения о здоровье/);
  const filled = await body.inputValue();
  expect(filled).not.toContain('[');
  await expect(draft.getByTestId('letter-blanks')).toBeHidden();
  await page.screenshot({ path: path.join(NOTES_SHOTS, 'h13-answers-modal.png'), animations: 'disabled' });
  await expectAccessible(page, 'letter dialog');

  // A blank typed into the draft: the form warns at once, and the server refuses to number the letter.
  await body.fill(`${filled}\n\nПриложения: [перечень приложений]`);
  await expect(draft.getByTestId('letter-blanks')).toContainText('«[перечень приложений]»');
  const numberIt = draft.getByRole('button', { name: 'Присвоить исходящий номер и сформировать PDF' });
  await numberIt.click();
  await expect(draft.getByRole('alert').filter({ hasText: 'В письме остались незаполненные места' })).toContainText(
    '«[перечень приложений]»',
  );
  await page.screenshot({ path: path.join(NOTES_SHOTS, 'h13-answers-modal-blank.png'), animations: 'disabled' });
  await expectAccessible(page, 'letter dialog refused');
  await expect(letters.getByRole('row').filter({ hasText: 'Ответ' })).toHaveCount(0);

  // The officer's own edit goes into the letter: the PDF is rendered from the text as edited.
  await body.fill(`${filled}\n\nПриложений нет.`);
  await expect(draft.getByTestId('letter-blanks')).toBeHidden();
  await numberIt.click();
  await expect(draft).toBeHidden();
  const answer = letters.getByRole('row').filter({ hasText: 'Ответ' });
  await expect(answer).toHaveCount(1);
  await expectAccessible(page, 'case page with answer');
  const outgoingNumber = ((await answer.getByRole('cell').first().textContent()) ?? '').trim();
  const pdfFile = testInfo.outputPath(`${outgoingNumber}.pdf`);
  const { bytes } = await download(page, `Скачать PDF исх. № ${outgoingNumber}`, pdfFile);
  const text = await pdfText(bytes);
  expect(text).not.toContain('[');
  for (const words of [
    'Медицинская информационная система: ФИО, дата рождения, сведения о здоровье',
    'Оплата услуг и справки для налогового вычета: ФИО, ИНН',
    'Онлайн-запись на сайте: ФИО, телефон',
    'источник — форма записи на сайте',
    'цель «Оказание медицинской помощи и ведение медицинской документации»',
    'цель «Оплата медицинских услуг и выдача справки для налогового вычета»',
    'цель «Идентификация пользователя для онлайн-записи на получение медицинских услуг»',
    'возложенных на оператора законодательством',
    'исполнение договора, стороной которого Вы являетесь',
    'Ваше согласие на обработку персональных данных',
    'по поручению оператора не осуществляется',
    'Приложений нет.',
    `${subject.lastName.replace(/а$/, 'ой')} Елене Денисовне`,
  ]) {
    expect(text).toContain(words);
  }
  pictureOf(pdfFile, 'h13-answers-pdf');
  const png = path.join(SCREENSHOTS, 'h13-answers-pdf.png');
  if (fs.existsSync(png)) fs.copyFileSync(png, path.join(NOTES_SHOTS, 'h13-answers-pdf.png'));
});

import path from 'node:path';
import { expect, expectAccessible, test } from '../fixtures';
import { documentTexts, pictureOf } from '../mail-documents';

const SCAN = path.join(import.meta.dirname, '../test-files/ivanova-letter.png');

test('a scanned withdrawal letter from the envelope to the answer and the destruction act', async ({
  page,
  signIn,
  insertSubject,
  addRecord,
  shot,
}, testInfo) => {
  test.setTimeout(300_000);
  // The person the letter is from, as the clinic knows her: a newsletter on consent, a medical card by law.
  const ivanova = await insertSubject({
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '12.03.1985',
    phone: '+7 (912) 345-67-89',
  });
  await addRecord(ivanova.id, { system: 'newsletter', purpose: 'newsletter', fields: ['full_name', 'email'] });
  await addRecord(ivanova.id, {
    system: 'mis',
    purpose: 'medical_care',
    legalBasis: 'law',
    fields: ['full_name', 'birth_date', 'health'],
  });

  // Intake: the scan is read in the background; its fields arrive highlighted, the cursor on the first one.
  await signIn('officer');
  await page.getByRole('link', { name: 'Почта' }).first().click();
  await page.getByRole('link', { name: 'Входящие' }).click();
  await expect(page.getByRole('heading', { name: 'Входящие' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'mail inbox');
  await page.getByLabel('Выбрать файл', { exact: true }).setInputFiles(SCAN);
  await expect(page.getByRole('img', { name: 'Страница 1 из 1' })).toBeVisible();
  const sender = page.getByRole('textbox', { name: 'Отправитель (как написано)' });
  await expect(sender).toHaveValue(/^Иванов(а|ой) Мари(я|и) Петровн(а|ы)$/, { timeout: 120_000 });
  await expect(sender).toHaveAttribute('data-prefill-state', 'pending');
  await expect(page.getByRole('textbox', { name: 'Телефон' })).toHaveValue('+7 912 345-67-89');
  await expect(page.getByRole('textbox', { name: 'Дата рождения' })).toHaveValue('12.03.1985');
  await expect(sender).toBeFocused();
  await shot('e2e11-intake-prefill', { viewport: true });
  await expectAccessible(page, 'mail inbox prefilled');

  // Saving with a field unconfirmed is refused; Enter confirms each highlighted field and moves on.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('Подтвердите распознанные поля');
  await expectAccessible(page, 'mail inbox refused');
  while ((await page.locator('[data-prefill-state="pending"]').count()) > 0) await page.keyboard.press('Enter');
  await expect(sender).toHaveAttribute('data-prefill-state', 'confirmed');
  await page.keyboard.press('Control+Enter');
  const saved = page.getByText(/Зарегистрировано: вх. № /);
  await expect(saved).toBeVisible();
  const incomingNumber = /вх\. № ([^\s,]+)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
  await expect(sender).toHaveValue('');

  // Matching: the letter's genitive «Ивановой Марии Петровны» finds her, with the reasons.
  await page.getByRole('link', { name: 'Открыть письмо' }).click();
  await expect(page.getByRole('heading', { name: /Письмо вх. № / })).toBeVisible();
  const suggestion = page.getByTestId('match-suggestion').filter({ hasText: '12.03.1985' }).first();
  await expect(suggestion).toContainText('фамилия');
  await expect(suggestion).toContainText('дата рождения');
  await expect(suggestion).toContainText('телефон');
  await shot('e2e11-matching', { viewport: true });
  await expectAccessible(page, 'mail letter matching');
  await suggestion.getByRole('button', { name: 'Это он / она' }).click();
  await expect(page.getByText('Субъект найден')).toBeVisible();
  await expect(page.getByRole('link', { name: `/subjects/${ivanova.id}` })).toBeVisible();
  await expectAccessible(page, 'mail letter matched');

  // From the letter to its plan: destroy the newsletter, keep the medical card by law.
  await page.getByRole('link', { name: 'План действий' }).click();
  await expect(page.getByRole('heading', { name: 'План действий по отзыву согласия' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Составить план' })).toBeVisible();
  await expectAccessible(page, 'mail plan empty');
  await page.getByRole('button', { name: 'Составить план' }).click();
  const lines = page.getByRole('region', { name: 'Записи субъекта и действия' });
  const newsletter = lines.getByRole('row').filter({ hasText: 'Новостная рассылка' });
  const medical = lines.getByRole('row').filter({ hasText: 'Медицинская информационная система' });
  await expect(newsletter).toContainText('Прекратить и уничтожить');
  await expect(medical).toContainText('Прекратить, хранить по закону');
  await expect(medical).toContainText('приказ Минздрава России № 408 от 03.08.2023');
  await expect(page.getByText(/Срок исполнения: \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await newsletter.getByRole('button', { name: /^Подтвердить/ }).click();
  await expect(newsletter).toContainText('подтверждено');
  await medical.getByRole('button', { name: /^Подтвердить/ }).click();
  await expect(medical).toContainText('подтверждено');
  await shot('e2e11-plan', { viewport: true });
  await expectAccessible(page, 'mail plan');
  await page.getByRole('button', { name: 'Утвердить план' }).click();
  await expect(page.getByText('Утверждён', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Исполнить задачи' }).click();
  const completing = page.getByRole('dialog', { name: 'Исполнение плана' });
  await completing.getByLabel('Средство защиты информации, которым уничтожены данные').fill('Secret Net Studio 8');
  await expectAccessible(page, 'mail plan complete dialog');
  await completing.getByRole('button', { name: 'Исполнить' }).click();
  await expect(completing).toBeHidden();
  await expect(page.getByText('Исполнен', { exact: true })).toBeVisible();
  await expect(newsletter).toContainText('исполнено');

  // The answer, PDF and DOCX from one template: her name, the outgoing number, why the medical card stays.
  await page.getByRole('button', { name: 'Подготовить ответ (присвоить исх. №)' }).click();
  const numberText = page.getByText(/^Исх\. № ИСХ-\d{4}-\d{4}$/);
  await expect(numberText).toBeVisible();
  const outgoingNumber = ((await numberText.textContent()) ?? '').replace('Исх. № ', '');
  await expectAccessible(page, 'mail plan done');
  const file = (name: string) => testInfo.outputPath(name);
  for (const text of await documentTexts(page, outgoingNumber, file)) {
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain(outgoingNumber);
    expect(text).toContain('приказ Минздрава России № 408 от 03.08.2023');
    expect(text).toContain('ст. 10 ч. 2 п. 4');
  }
  pictureOf(file(`${outgoingNumber}.pdf`), 'e2e11-answer');

  // The destruction act lists what was destroyed (the newsletter's categories), and nothing kept.
  const actLink = page.getByText(/^Акт № АУ-\d{4}-\d{4} от/);
  const actNumber = /АУ-\d{4}-\d{4}/.exec((await actLink.textContent()) ?? '')?.[0] ?? '';
  for (const text of await documentTexts(page, actNumber, file)) {
    expect(text).toContain(`АКТ № ${actNumber}`);
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain('Обновления услуг, специальные предложения, цены, новостная рассылка: ФИО, e-mail');
    expect(text).toContain('Выгрузка из журнала регистрации событий');
    expect(text).not.toContain('Медицинская информационная система');
  }
  pictureOf(file(`${actNumber}.pdf`), 'e2e11-act');

  // The registers (the «Почта» group is unfolded on its own pages): the paper letter in, masked; the answer out; the act.
  await page.getByRole('link', { name: 'Реестры' }).click();
  const incoming = page.getByRole('row').filter({ hasText: incomingNumber });
  await expect(incoming).toContainText('И•••••а М. П.');
  await expect(incoming).toContainText('бумажное письмо');
  await expect(incoming.getByRole('link', { name: 'скан' })).toBeVisible();
  await shot('e2e11-registers-incoming', { viewport: true });
  await expectAccessible(page, 'mail registers incoming');
  await page.getByRole('tab', { name: 'Исходящие' }).click();
  await expect(page.getByRole('row').filter({ hasText: outgoingNumber })).toContainText('Ответ');
  await expectAccessible(page, 'mail registers outgoing');
  await page.getByRole('tab', { name: 'Акты об уничтожении' }).click();
  await expect(page.getByRole('row').filter({ hasText: actNumber })).toContainText('Новостная рассылка');
  await expectAccessible(page, 'mail registers acts');
});

import path from 'node:path';
import { expect, test } from '../fixtures';

const SCAN = path.join(import.meta.dirname, '../test-files/ivanova-letter.png');

test('a registrar enters a scanned letter: OCR prefill highlighted, confirmed, matched to Иванова Мария Петровна', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  test.setTimeout(180_000);
  // The person the letter is from, as the clinic knows her (the letter gives her name, birth date and phone).
  const ivanova = await insertSubject({
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '12.03.1985',
    phone: '+7 (912) 345-67-89',
  });
  await signIn('registrar');
  await page.getByRole('link', { name: 'Почта' }).first().click();
  await page.getByRole('link', { name: 'Входящие' }).click();
  await expect(page.getByRole('heading', { name: 'Входящие' })).toBeVisible();

  await page.getByLabel('Выбрать файл', { exact: true }).setInputFiles(SCAN);
  await expect(page.getByRole('img', { name: 'Страница 1 из 1' })).toBeVisible();
  // OCR reads in the background; its fields arrive highlighted, the cursor on the first one.
  const sender = page.getByRole('textbox', { name: 'Отправитель (как написано)' });
  await expect(sender).toHaveValue(/^Иванов(а|ой) Мари(я|и) Петровн(а|ы)$/, { timeout: 120_000 });
  await expect(sender).toHaveAttribute('data-prefill-state', 'pending');
  await expect(page.getByRole('textbox', { name: 'Телефон' })).toHaveValue('+7 912 345-67-89');
  await expect(page.getByRole('textbox', { name: 'Дата рождения' })).toHaveValue('12.03.1985');
  await expect(sender).toBeFocused();
  await shot('h11-mail-intake-prefill', { viewport: true });

  // Saving with a field unconfirmed is refused; Enter confirms each highlighted field and moves on.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('Подтвердите распознанные поля');
  while ((await page.locator('[data-prefill-state="pending"]').count()) > 0) await page.keyboard.press('Enter');
  await expect(sender).toHaveAttribute('data-prefill-state', 'confirmed');
  await page.keyboard.press('Control+Enter');
  const saved = page.getByText(/Зарегистрировано: вх. № /);
  await expect(saved).toBeVisible();
  // The form is ready for the next letter.
  await expect(sender).toHaveValue('');

  await page.getByRole('link', { name: 'Открыть письмо' }).click();
  await expect(page.getByRole('heading', { name: /Письмо вх. № / })).toBeVisible();
  const suggestion = page.getByTestId('match-suggestion').first();
  await expect(suggestion).toContainText('фамилия');
  await expect(suggestion).toContainText('дата рождения');
  await expect(suggestion).toContainText('телефон');
  await expect(suggestion).toContainText('12.03.1985');
  await shot('h11-mail-matching', { viewport: true });
  await suggestion.getByRole('button', { name: 'Это он / она' }).click();
  await expect(page.getByText('Субъект найден')).toBeVisible();
  await expect(page.getByRole('link', { name: `/subjects/${ivanova.id}` })).toBeVisible();
});

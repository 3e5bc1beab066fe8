import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay, uniqueSurname } from '../test-data';

// Sign-in, the screens and axe over each of them: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('a received date after today is refused in the register dialog and by the server', async ({
  page,
  signIn,
  registerRequest,
}) => {
  const tomorrow = operatorDay(1);
  await signIn('officer');
  await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  const modal = page.getByRole('dialog', { name: 'Регистрация обращения' });
  const received = modal.getByLabel('Дата получения');
  // The picker stops at today (maxDate); typed, a later date is shown wrong inline.
  await received.fill(tomorrow.dotted);
  await received.press('Tab');
  await expect(modal.getByText(`Дата получения ${tomorrow.dotted} позже сегодняшней`)).toBeVisible();
  await expectAccessible(page, 'register dialog refused date');
  await modal.getByRole('button', { name: 'Отмена' }).click();

  // Sent past the form, the server refuses it with the same words.
  const refusal = registerRequest({ receivedOn: tomorrow.iso });
  await expect(refusal).rejects.toThrow(/позже сегодняшней/);
});

test('search says how many of how many it shows and loads more on request', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  const surname = uniqueSurname();
  for (let i = 0; i < 25; i++) {
    await insertSubject({ lastName: surname.cyrillic, lastNameLatin: surname.latin });
  }
  await signIn('officer');
  await page.goto('/subjects');
  await page.getByRole('combobox', { name: 'Поиск субъекта' }).fill(surname.cyrillic);
  const results = page.getByRole('region', { name: 'Результаты поиска' });
  await expect(page.getByText('Показаны первые 20 из 25')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: '/work/wt/_notes/shots/h13-finish-search-first20.png' });
  // The header row and twenty people.
  await expect(results.getByRole('row')).toHaveCount(21);
  await expectAccessible(page, 'subject search first 20');
  const more = results.getByRole('button', { name: 'Показать ещё' });
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/work/wt/_notes/shots/h13-finish-search-more.png' });
  await more.click();
  await expect(results.getByRole('row')).toHaveCount(26);
  await expect(page.getByText('Найдено 25 человек')).toBeVisible();
  await expect(results.getByRole('button', { name: 'Показать ещё' })).toBeHidden();
  await expectAccessible(page, 'subject search all');
  await page.screenshot({ path: '/work/wt/_notes/shots/h13-finish-search-all.png' });
  await shot('daily-use-search-more', { viewport: true });
});

test('the auditor reads the queue without checkboxes or actions', async ({ page, signIn }) => {
  await signIn('auditor');
  await page.goto('/');
  await expect(page.getByTestId('queue-total')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('queue-scroller').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Зарегистрировать обращение' })).toHaveCount(0);
  await expectAccessible(page, 'queue (auditor)');
  await page.screenshot({ path: '/work/wt/_notes/shots/h13-finish-auditor-queue.png' });
});

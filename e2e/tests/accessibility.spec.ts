import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay } from '../test-data';

/*
 * Issue 15: the screens of the shell, checked with axe-core (WCAG 2.1 A/AA). Each test visits a screen in the state
 * people use it in (results found, data revealed, details unfolded) as the role that works there.
 */

// Sign-in plus a lazily loaded screen and an axe pass on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

const opened = { timeout: 15_000 };

async function queueShowsRows(page: Page) {
  await expect(page.getByTestId('queue-scroller').getByRole('row').nth(1)).toBeVisible(opened);
}

test('sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible(opened);
  await expectAccessible(page, 'sign-in');
});

test('queue, register dialog and case page (counted for the issue table)', async ({ page, signIn, officerApi }) => {
  const created = await officerApi.call<{ id: number }>('cases.create', {
    type: 'access',
    channel: 'post',
    requester: { kind: 'subject', name: 'Иванова Мария Петровна', address: '620014, г. Екатеринбург, ул. Малышева, 5' },
    receivedOn: operatorDay().iso,
    subjectIds: [],
  });
  await signIn('officer');
  await queueShowsRows(page);
  await expectAccessible(page, 'queue');
  await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  await expect(page.getByRole('dialog', { name: 'Регистрация обращения' })).toBeVisible();
  await expectAccessible(page, 'register dialog open');
  await page.keyboard.press('Escape');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByRole('heading', { name: /^ВХ-/ })).toBeVisible(opened);
  await expectAccessible(page, 'case page');
});

test('dashboard', async ({ page, signIn }) => {
  await signIn('officer');
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Сводка' })).toBeVisible(opened);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'dashboard');
});

test('subject search with results, and the subject page with its data revealed', async ({
  page,
  signIn,
  insertSubject,
}) => {
  const person = await insertSubject();
  await signIn('officer');
  await page.goto('/subjects');
  await page.getByRole('combobox', { name: 'Поиск субъекта' }).fill(person.lastName);
  const results = page.getByRole('region', { name: 'Результаты поиска' });
  await expect(results.getByRole('row').nth(1)).toBeVisible(opened);
  await expectAccessible(page, 'subject search');

  await page.goto(`/subjects/${person.id}`);
  await page.getByRole('button', { name: 'Показать', exact: true }).click();
  await expect(page.getByTestId('subject-name')).toHaveText(
    `${person.lastName} ${person.firstName} ${person.middleName}`,
    opened,
  );
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'subject page');
});

test('audit log with an entry unfolded', async ({ page, signIn }) => {
  await signIn('auditor');
  await page.goto('/registers/audit');
  const unfold = page.getByRole('button', { name: /^Подробнее: / }).first();
  await expect(unfold).toBeVisible(opened);
  await unfold.click();
  await expect(page.getByRole('row').getByRole('table').first()).toBeVisible();
  await expectAccessible(page, 'audit log');
});

test('admin users', async ({ page, signIn }) => {
  await signIn('admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible(opened);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'admin users');
});

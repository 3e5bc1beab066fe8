import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_ROLES, expect, expectAccessible, test, userMenu } from '../fixtures';

// Sign-in and axe over the queue's rows, per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

const SECTIONS = ['Очередь', 'Субъекты', 'Блокировки', 'Почта', 'Инциденты', 'Журналы'];

/** The shell's main navigation; its accessible name follows the interface language. */
const sections = (page: Page, label = 'Разделы') => page.getByRole('navigation', { name: label });

test('the officer sees every working section and no administration', async ({ page, signIn, shot }) => {
  await signIn('officer');
  for (const name of SECTIONS) await expect(sections(page).getByRole('link', { name })).toBeVisible();
  await expect(sections(page).getByRole('link', { name: 'Администрирование' })).toHaveCount(0);
  await shot('shell-officer');
  await expectAccessible(page, 'queue (officer)');
});

test('only the administrator sees administration', async ({ page, signIn }) => {
  for (const role of DEMO_ROLES) {
    await signIn(role);
    const admin = sections(page).getByRole('link', { name: 'Администрирование' });
    await expect(admin).toHaveCount(role === 'admin' ? 1 : 0);
    await expectAccessible(page, `queue (${role})`);
    await page.context().clearCookies();
  }
});

test('the language switches to English and back', async ({ page, signIn, shot }) => {
  await signIn('officer');
  await page.getByRole('radiogroup', { name: 'Язык' }).getByText('English').click();
  await expect(sections(page, 'Sections').getByRole('link', { name: 'Queue' })).toBeVisible();
  await shot('shell-officer-en');
  await expectAccessible(page, 'queue (English)');

  await page.getByRole('radiogroup', { name: 'Language' }).getByText('Русский').click();
  await expect(sections(page).getByRole('link', { name: 'Очередь' })).toBeVisible();
});

test('signing out returns to the sign-in form', async ({ page, signIn }) => {
  const account = await signIn('officer');
  await userMenu(page, account).click();
  await expect(page.getByRole('menuitem', { name: 'Выйти', exact: true })).toBeVisible();
  await expectAccessible(page, 'user menu open');
  await page.getByRole('menuitem', { name: 'Выйти', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
  await expectAccessible(page, 'sign-in');
  // The session is gone on the server too: reloading does not bring the shell back.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
  await expect(userMenu(page, account)).toHaveCount(0);
});

test('a wrong password is refused with a plain message', async ({ page, shot }) => {
  await page.goto('/');
  await page.getByLabel('Логин', { exact: true }).fill(DEMO_ACCOUNTS.auditor.login);
  await page.getByLabel('Пароль', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль');
  await shot('sign-in-wrong-password');
  await expectAccessible(page, 'sign-in refused');
});

for (const role of DEMO_ROLES) {
  test(`the demo ${role} can sign in`, async ({ page, signIn }) => {
    await signIn(role);
    await expect(sections(page).getByRole('link', { name: 'Очередь' })).toBeVisible();
  });
}

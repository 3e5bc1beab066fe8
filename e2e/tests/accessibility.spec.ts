import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, expect, expectAccessible, test, userMenu } from '../fixtures';

/*
 * Issue 15: the shell's screens pass axe-core (WCAG 2.1 A/AA) in the state people use them in (results found,
 * data revealed, details unfolded), and the shell works without sight and at 200 % zoom: skip link, titles and
 * focus on every new page, the page's language, the sections folded behind a menu button.
 */

// Sign-in plus lazily loaded screens and axe passes on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

const opened = { timeout: 15_000 };

/** 1366×768 at 200 % zoom: what a low-vision user's browser lays the page out in. */
const ZOOM_200 = { width: 683, height: 384 };

const focused = (page: Page) => page.locator(':focus');

/** The polite live region that says the name of each new page. */
const announcer = (page: Page) => page.getByRole('status').filter({ hasNotText: /^$/ });

/** Opens a page and waits until it has its heading and nothing more is loading, so axe and screenshots see it whole. */
async function openPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(opened);
  await page.waitForLoadState('networkidle');
}

async function signInThroughForm(page: Page, login: string, password: string) {
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

test('sign-in: a main region with an h1, the password eye is a Tab stop, no axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible(opened);
  await expect(page).toHaveTitle('Вход — PD Desk');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Вход в PD Desk' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByLabel('Логин', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Пароль', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(focused(page)).toHaveAccessibleName('Показать или скрыть пароль');
  await expectAccessible(page, 'sign-in');
});

test('after sign-in focus is on the new page’s h1, the title names the page and the change is announced', async ({
  page,
}) => {
  const { login, password } = DEMO_ACCOUNTS.officer;
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/, opened);
  await signInThroughForm(page, login, password);
  const heading = page.getByRole('heading', { level: 1, name: 'Сводка' });
  await expect(heading).toBeFocused(opened);
  await expect(page).toHaveTitle('Сводка — PD Desk');
  await expect(announcer(page)).toHaveText('Сводка');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

  // A section chosen in the navigation: its h1 takes focus, the title and the announcement follow.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Журналы' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused(opened);
  await expect(page).toHaveTitle('Журналы — PD Desk');
  await expect(announcer(page)).toHaveText('Журналы');
  // A page that puts focus on its own field keeps it there: the subject search waits for a query.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Субъекты' }).click();
  await expect(page.getByRole('combobox', { name: 'Поиск субъекта' })).toBeFocused(opened);
  await expect(page).toHaveTitle('Субъекты — PD Desk');

  // Back: the same again.
  await page.goBack();
  await expect(page).toHaveTitle('Журналы — PD Desk', opened);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused(opened);
});

test('the skip link is the first Tab stop and takes focus to the main region', async ({ page, signIn }) => {
  await signIn('auditor');
  await page.goto('/registers/audit');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(opened);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Перейти к содержимому' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab stop is on the page, not in the header or the sections.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
});

test('the dashboard has no axe violations', async ({ page, signIn, shot }) => {
  await signIn('officer');
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Сводка' })).toBeVisible(opened);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'dashboard');
  await shot('h15-shell-dashboard', { viewport: true });
});

test('subject search with results and the subject page with revealed data have no axe violations', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  const person = await insertSubject();
  await signIn('officer');
  await page.goto('/subjects');
  await page.getByRole('combobox', { name: 'Поиск субъекта' }).fill(person.lastName);
  const results = page.getByRole('region', { name: 'Результаты поиска' });
  await expect(results.getByRole('row').nth(1)).toBeVisible(opened);
  await expectAccessible(page, 'subject search');
  await shot('h15-shell-subject-search', { viewport: true });

  await page.getByRole('combobox', { name: 'Поиск субъекта' }).press('Enter');
  await expect(page).toHaveURL(`/subjects/${person.id}`, opened);
  await expect(page).toHaveTitle(`Субъект № ${person.id} — PD Desk`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused(opened);
  // Revealing from the keyboard: focus stays on the control, which now hides the data again.
  const reveal = page.getByRole('button', { name: 'Показать', exact: true });
  await reveal.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('subject-name')).toHaveText(
    `${person.lastName} ${person.firstName} ${person.middleName}`,
    opened,
  );
  await expect(page.getByRole('button', { name: 'Скрыть', exact: true })).toBeFocused();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'subject page');
  await shot('h15-shell-subject-page', { viewport: true });
});

test('the audit log with an entry unfolded has no axe violations', async ({ page, signIn, shot }) => {
  await signIn('auditor');
  await page.goto('/registers/audit');
  const unfold = page.getByRole('button', { name: /^Подробнее: / }).first();
  await expect(unfold).toBeVisible(opened);
  await unfold.click();
  await expect(page.getByRole('row').getByRole('table').first()).toBeVisible();
  await expectAccessible(page, 'audit log');
  await shot('h15-shell-audit', { viewport: true });
});

test('admin users and the settings screens next to it have no axe violations', async ({ page, signIn, shot }) => {
  await signIn('admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('table').first().getByRole('row').nth(1)).toBeVisible(opened);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'admin users');
  await shot('h15-shell-admin-users', { viewport: true });
  for (const [name, path] of [
    ['calendar', '/admin/calendar'],
    ['letterhead', '/admin/letterhead'],
    ['catalogue', '/admin/catalogue'],
  ] as const) {
    await openPage(page, path);
    await expectAccessible(page, `admin ${name}`);
  }
});

test('a dialog hides the page behind it, names its close button, and gives focus back when closed', async ({
  page,
  signIn,
}) => {
  await signIn('admin');
  await page.goto('/admin/users');
  const add = page.getByRole('button', { name: 'Добавить пользователя' });
  await add.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Закрыть' })).toBeVisible();
  await expect(page.locator('#root')).toHaveJSProperty('inert', true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#root')).toHaveJSProperty('inert', false);
  await expect(add).toBeFocused();
});

test('in English the page says lang="en" and the title is English; personal data stays lang="ru"', async ({
  page,
  signIn,
}) => {
  const account = await signIn('officer');
  await page.goto('/dashboard');
  await page.getByRole('radiogroup', { name: 'Язык' }).getByText('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Dashboard — PD Desk');
  await expect(userMenu(page, account).locator('[lang="ru"]')).toHaveText(account.name);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('Русский').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveTitle('Сводка — PD Desk');
});

test('at 200 % zoom the sections fold behind a menu button that works from the keyboard', async ({ page, signIn }) => {
  await page.setViewportSize(ZOOM_200);
  await signIn('auditor');
  await page.goto('/registers/audit');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(opened);
  const sections = page.getByRole('navigation', { name: 'Разделы' });
  await expect(sections.getByRole('link', { name: 'Субъекты' })).not.toBeInViewport();
  // The header fits: nothing in it runs past the window's right edge.
  const header = page.getByRole('banner');
  const overflow = await header.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  const menu = page.getByRole('button', { name: 'Открыть меню разделов' });
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Закрыть меню разделов' })).toHaveAttribute('aria-expanded', 'true');
  await expect(sections.getByRole('link', { name: 'Субъекты' })).toBeInViewport();
  // Tab walks into the unfolded sections; Enter opens one, and the menu folds away again.
  const activeText = () => page.evaluate('document.activeElement?.textContent ?? ""');
  for (let steps = 0; (await activeText()) !== 'Инциденты'; steps++) {
    expect(steps, 'Tab reaches «Инциденты» in the unfolded menu').toBeLessThan(20);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Инциденты — PD Desk', opened);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused(opened);
  await expect(sections.getByRole('link', { name: 'Субъекты' })).not.toBeInViewport();
});

test('the shell’s screens at 1366×768 and at 200 % zoom (screenshots to look at)', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  const person = await insertSubject();
  await signIn('admin');
  for (const viewport of [{ width: 1366, height: 768 }, ZOOM_200]) {
    await page.setViewportSize(viewport);
    for (const [name, path] of [
      ['admin-users', '/admin/users'],
      ['audit', '/registers/audit'],
      ['subjects', '/subjects'],
    ] as const) {
      await openPage(page, path);
      await shot(`h15-shell-${name}-${viewport.width}`, { viewport: true });
    }
  }
  await page.context().clearCookies();
  await signIn('officer');
  for (const viewport of [{ width: 1366, height: 768 }, ZOOM_200]) {
    await page.setViewportSize(viewport);
    for (const [name, path] of [
      ['dashboard', '/dashboard'],
      ['subject', `/subjects/${person.id}`],
    ] as const) {
      await openPage(page, path);
      await shot(`h15-shell-${name}-${viewport.width}`, { viewport: true });
    }
  }
  await page.getByRole('button', { name: 'Открыть меню разделов' }).click();
  await shot('h15-shell-menu-open-683', { viewport: true });
  await page.context().clearCookies();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible(opened);
  await shot('h15-shell-sign-in-683', { viewport: true });
});

/*
 * The screens other helpers fix (queue, register dialog, case page), counted only for the before/after
 * table: run with PD_DESK_AXE_REPORT set.
 */
test('queue, register dialog and case page (counted for the issue table)', async ({
  page,
  signIn,
  registerRequest,
}) => {
  test.skip(!process.env.PD_DESK_AXE_REPORT, 'counting only: their own specs assert on them');
  const created = await registerRequest();
  await signIn('officer');
  await expect(page.getByTestId('queue-scroller').getByRole('row').nth(1)).toBeVisible(opened);
  await expectAccessible(page, 'queue');
  await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  await expect(page.getByRole('dialog', { name: 'Регистрация обращения' })).toBeVisible();
  await expectAccessible(page, 'register dialog open');
  await page.keyboard.press('Escape');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByRole('heading', { name: /^ВХ-/ })).toBeVisible(opened);
  await expectAccessible(page, 'case page');
});

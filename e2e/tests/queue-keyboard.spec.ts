import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay } from '../test-data';

/** What a screen reader says on a queue row: number, type, masked names, due date and the clock (ADR 0026). */
const CASE_ANNOUNCED = /^ВХ-\d{4}-\d{4}, .+, срок \d\d\.\d\d\.\d{4}, (остал|просрочено|срок сегодня|срок остановлен)/;

const focused = (page: Page) => page.locator(':focus');

/** The number a row's accessible name starts with. */
async function numberOf(row: Locator): Promise<string> {
  const name = (await row.getAttribute('aria-label')) ?? '';
  return /^ВХ-\d{4}-\d{4}/.exec(name)?.[0] ?? '';
}

test('the queue is worked with the keyboard alone, and a screen reader hears the current case', async ({
  page,
  signIn,
}) => {
  test.slow();
  await signIn('officer');
  const grid = page.getByRole('grid', { name: 'Обращения в очереди' });
  const rows = grid.getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(rows.nth(2)).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, 'queue');

  // Tab reaches the rows as one stop: the cursor's row, named after its case.
  for (let stop = 0; stop < 40; stop++) {
    await page.keyboard.press('Tab');
    if (await focused(page).evaluate((element) => element.getAttribute('role') === 'row' || element.tagName === 'TR')) {
      break;
    }
  }
  await expect(focused(page)).toHaveAttribute('aria-rowindex', '2');
  await expect(focused(page)).toHaveAccessibleName(CASE_ANNOUNCED);
  const first = await numberOf(rows.nth(0));
  const second = await numberOf(rows.nth(1));
  const third = await numberOf(rows.nth(2));
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${first}, `));

  // j, ArrowDown and k move the focus with the cursor; each row says its own case.
  await page.keyboard.press('j');
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${second}, `));
  await page.keyboard.press('ArrowDown');
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${third}, `));
  await expect(focused(page)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('k');
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${second}, `));
  // Only one row is a tab stop.
  await expect(grid.locator('tr[tabindex="0"]')).toHaveCount(1);

  // Space ticks the row's box and leaves the focus where it was.
  await page.keyboard.press('Space');
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Space');
  await expect(rows.nth(1).getByRole('checkbox')).not.toBeChecked();
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${second}, `));

  // Enter opens the case; Back brings the focus to the same row.
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: second });
  await expect(heading).toBeVisible({ timeout: 15_000 });
  await page.goBack();
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${second}, `), { timeout: 15_000 });
  await expect(focused(page)).toHaveAttribute('aria-current', 'true');

  // The case page's «назад» does the same.
  await page.keyboard.press('Enter');
  await expect(heading).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: '← Очередь' }).click();
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${second}, `), { timeout: 15_000 });
});

test('the queue dialogs pass axe; Escape on the date picker closes only the picker; errors belong to their fields', async ({
  page,
  signIn,
}) => {
  // Seven axe runs on a shared two-core machine.
  test.setTimeout(240_000);
  await signIn('officer');
  const rows = page
    .getByRole('grid')
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') });
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
  const modal = page.getByRole('dialog', { name: 'Регистрация обращения' });
  await expect(modal.getByLabel('Тип обращения')).toBeVisible();
  await expectAccessible(page, 'register dialog');

  const received = modal.getByLabel('Дата получения');
  await received.click();
  const picker = page.locator('[data-dates-dropdown]');
  await expect(picker).toBeVisible();
  await expectAccessible(page, 'register dialog, date picker open');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(modal).toBeVisible();
  await expect(received).toBeFocused();

  // Saved empty: the required field says what is wrong, and a screen reader hears it with the field.
  await modal.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
  const requester = modal.getByLabel('Заявитель (ФИО или наименование)');
  await expect(requester).toHaveAttribute('aria-invalid', 'true');
  await expect(requester).toHaveAccessibleDescription(/.+/);
  await expectAccessible(page, 'register dialog with errors');
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();

  // The assign dialog («a» on a selection) and the bulk close dialog.
  await rows.first().click();
  await page.keyboard.press('x');
  await page.keyboard.press('a');
  const assign = page.getByRole('dialog', { name: 'Исполнитель для 1 обращения' });
  await expect(assign).toBeVisible();
  await expectAccessible(page, 'assign dialog');
  await page.keyboard.press('Escape');
  await expect(assign).toBeHidden();
  await expectAccessible(page, 'queue with a selection');
  await page.getByRole('button', { name: 'Закрыть с причиной…' }).click();
  const closing = page.getByRole('dialog', { name: /^Закрыть/ });
  await expect(closing).toBeVisible();
  await expectAccessible(page, 'bulk close dialog');
  await page.keyboard.press('Escape');
  await expect(closing).toBeHidden();
});

test('at 200 % zoom (683×384 CSS px) the queue shows its rows, its toolbar and the register button', async ({
  page,
  signIn,
}) => {
  test.slow();
  await page.setViewportSize({ width: 683, height: 384 });
  await signIn('officer');
  const grid = page.getByRole('grid', { name: 'Обращения в очереди' });
  const rows = grid.getByRole('row').filter({ has: page.getByRole('checkbox') });
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Зарегистрировать обращение' })).toBeInViewport();
  await expect(page.getByLabel('Поиск')).toBeInViewport();
  // Rows, not a 2 px strip: at least three whole rows fit the table's box.
  const box = await page.getByTestId('queue-scroller').boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(3 * 37);
  await expect(rows.nth(2)).toBeVisible();
  await page.screenshot({ path: '/work/wt/_notes/shots/h15-queue-queue-683.png' });
  await expectAccessible(page, 'queue at 683×384');

  await rows.first().click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^ВХ-/ })).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, 'case page at 683×384');
  await page.screenshot({ path: '/work/wt/_notes/shots/h15-queue-case-683.png', fullPage: true });
});

test('after a change of state on the case page the focus lands on the next moves, not on <body>', async ({
  page,
  signIn,
  registerRequest,
}) => {
  test.slow();
  const created = await registerRequest({ receivedOn: operatorDay(-1).iso });
  await signIn('officer');
  await page.goto(`/cases/${created.id}`);
  const toWork = page.getByRole('button', { name: 'В работу' });
  await toWork.focus();
  await page.keyboard.press('Enter');
  // «В работу» is gone with the new status: the focus moved to the moves that replaced it.
  await expect(toWork).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'В работе' })).toBeVisible();
  await expect(focused(page)).toHaveRole('button');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await expectAccessible(page, 'case page after a change of state');
});

import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';

// Sign-in, the queue and five screens per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The page itself never scrolls sideways: wide content wraps, gives way or scrolls inside its own box. */
async function expectNoSidewaysScroll(page: Page) {
  // A string: e2e compiles without the DOM's types, the browser runs it.
  const { scrollWidth, viewport } = (await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth })',
  )) as { scrollWidth: number; viewport: number };
  expect(scrollWidth).toBeLessThanOrEqual(viewport);
}

for (const width of [1024, 1366]) {
  test(`the queue fits ${width}×768: register button and status column in view, no sideways scroll`, async ({
    page,
    signIn,
    shot,
  }) => {
    await page.setViewportSize({ width, height: 768 });
    await signIn('officer');
    const table = page.getByTestId('queue-scroller');
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expect(page.getByRole('button', { name: 'Зарегистрировать обращение' })).toBeInViewport({ ratio: 1 });
    await expect(table.getByRole('columnheader', { name: 'Статус' })).toBeInViewport({ ratio: 1 });
    // The table scrolls only up and down: no column is cut off at its right edge.
    const scroller = await table.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(scroller.scroll).toBeLessThanOrEqual(scroller.client);
    await shot(`queue-${width}`, { viewport: true });
    await expectAccessible(page, `queue at ${width}`);
  });
}

test('at 1024 px the queue hides type, received and assignee, and the number says them', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn('officer');
  const table = page.getByTestId('queue-scroller');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Тип' })).toHaveCount(0);
  await expect(table.getByRole('link').first()).toHaveAttribute('title', /Получено: \d\d\.\d\d\.\d{4} · Исполнитель: /);
});

test('the other wide screens fit 1024 px', async ({ page, signIn, shot }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn('officer');
  for (const [name, path] of [
    ['blocks', '/blocks'],
    ['mail', '/mail/inbox'],
    ['breaches', '/breaches'],
    ['audit', '/registers/audit'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await shot(`wide-1024-${name}`, { viewport: true });
    await expectAccessible(page, `${name} at 1024`);
  }
});

test('the admin users screen fits 1024 px', async ({ page, signIn, shot }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn('admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoSidewaysScroll(page);
  await shot('wide-1024-admin-users', { viewport: true });
  await expectAccessible(page, 'admin users at 1024');
});

test('every page has its icon', async ({ request }) => {
  for (const icon of ['/favicon.ico', '/favicon.svg']) {
    const response = await request.get(icon);
    expect(response.status(), icon).toBe(200);
  }
});

import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * The demo accounts the server creates on an empty database (server/src/modules/demo/demo-users.ts), written out
 * as a person reads them off the start banner: e2e drives the product from outside and imports none of its code.
 */
export const DEMO_ACCOUNTS = {
  officer: { login: 'officer', password: 'demo-officer-2026', name: 'Ольга Смирнова' },
  registrar: { login: 'registrar', password: 'demo-registrar-2026', name: 'Ирина Ковалёва' },
  auditor: { login: 'auditor', password: 'demo-auditor-2026', name: 'Павел Фёдоров' },
  admin: { login: 'admin', password: 'demo-admin-2026', name: 'Андрей Соколов' },
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;
export type DemoAccount = (typeof DEMO_ACCOUNTS)[DemoRole];
export const DEMO_ROLES = Object.keys(DEMO_ACCOUNTS) as DemoRole[];

/** Screenshots for people to look at, kept apart from Playwright's per-run output, which it wipes. */
const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

type Fixtures = {
  /** Signs in through the sign-in form, as a person would, and waits until the shell shows the user's menu. */
  signIn: (role: DemoRole) => Promise<DemoAccount>;
  /** Saves a full-page screenshot as e2e/screenshots/<name>.png. */
  shot: (name: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  signIn: async ({ page }, use) => {
    await use(async (role) => {
      const account = DEMO_ACCOUNTS[role];
      await page.goto('/');
      await page.getByLabel('Логин', { exact: true }).fill(account.login);
      await page.getByLabel('Пароль', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(userMenu(page, account)).toBeVisible();
      return account;
    });
  },
  shot: async ({ page }, use) => {
    await use(async (name) => {
      // Finished transitions, not a frame caught halfway through one (Mantine animates buttons and switches).
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    });
  },
});

/** The button in the header that carries the signed-in user's name and opens the user menu. */
export function userMenu(page: Page, account: DemoAccount) {
  return page.getByRole('button', { name: account.name });
}

export { expect };

import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { isoDate } from '../test-data';

const CYRILLIC = /[А-Яа-яЁё]+/g;

// The shared 2-core machine is slow to build pages; these walk several screens.
test.setTimeout(120_000);

/** Cyrillic words in an element's text, leaving out PD values (marked `data-pd` or `lang="ru"`). */
async function cyrillicIn(page: Page, selector: string): Promise<string[]> {
  const text = await page
    .locator(selector)
    .first()
    .evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      for (const pd of copy.querySelectorAll('[data-pd], [lang="ru"]')) pd.remove();
      return copy.innerText;
    });
  return text.match(CYRILLIC) ?? [];
}

async function switchToEnglish(page: Page) {
  await page.getByRole('radiogroup', { name: 'Язык' }).getByText('English').click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

test('a server refusal reads in English in English mode', async ({ page, shot }) => {
  // The language is the browser's saved choice; the sign-in form reads it before anyone signs in.
  await page.addInitScript(() => localStorage.setItem('pd-desk.language', 'en'));
  await page.goto('/');
  await page.getByLabel('Login', { exact: true }).fill('officer');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong login or password');
  await shot('h13-i18n-error-en');
});

test('the case timeline reads in English, from the events’ codes', async ({ page, signIn, officerApi, shot }) => {
  const received = isoDate(new Date().toLocaleDateString('ru-RU', { timeZone: 'Asia/Yekaterinburg' }));
  const created = await officerApi.call<{ id: number; incomingNumber: string }>('cases.create', {
    type: 'access',
    channel: 'post',
    requester: { kind: 'subject', name: 'Петрова Анна Сергеевна', address: 'г. Екатеринбург, ул. Ленина, 1' },
    receivedOn: received,
    subjectIds: [],
  });
  await signIn('officer');
  await switchToEnglish(page);
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByText(`Registered, incoming No. ${created.incomingNumber}`).first()).toBeVisible();
  await expect(page.getByText('Answer a data subject access request').first()).toBeVisible();
  // The timeline's own words are English; the number «ВХ-…» is data.
  const timeline = await cyrillicIn(page, '.mantine-Timeline-root');
  expect(timeline.filter((word) => word !== 'ВХ')).toEqual([]);
  await shot('h13-i18n-case-en');
});

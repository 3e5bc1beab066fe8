import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay } from '../test-data';

const CYRILLIC = /[А-Яа-яЁё]+/g;

// The shared 2-core machine is slow to build pages; these walk several screens.
test.setTimeout(120_000);

/** Document numbers («ВХ-2026-0001», «ИСХ-…», incidents «И-0001») are data whatever the language. */
const DOCUMENT_NUMBER = /(?:ВХ|ИСХ|И)-[\d-]+/g;

/** The requester of the English-mode requests: a name and address as a letter gives them. */
const PETROVA = { name: 'Петрова Анна Сергеевна', address: 'г. Екатеринбург, ул. Ленина, 1' };

/** Cyrillic words in an element's text, leaving out PD values (marked `data-pd` or `lang="ru"`) and document numbers. */
async function cyrillicIn(page: Page, selector: string): Promise<string[]> {
  const text = await page
    .locator(selector)
    .first()
    .evaluate((root) => {
      // Text node by text node (not innerText), so the words of neighbouring cells stay apart.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('[data-pd], [lang="ru"]')) words.push(node.textContent ?? '');
      }
      return words.join(' ');
    });
  return text.replace(DOCUMENT_NUMBER, ' ').match(CYRILLIC) ?? [];
}

/** The screen's own words: the main area, the header and the navigation. */
async function expectEnglishChrome(page: Page, screen: string, selectors = ['main', 'header', 'nav']) {
  for (const selector of selectors) {
    expect(await cyrillicIn(page, selector), `${screen}: Russian words in ${selector}`).toEqual([]);
  }
}

/** Opens a screen and waits until its heading shows and its data has arrived. */
async function openScreen(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main').locator('h1, h2').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
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
  await expectAccessible(page, 'sign-in refused (English)');
  await shot('h13-i18n-error-en');
});

test('the case timeline reads in English, from the events’ codes', async ({ page, signIn, shot, registerRequest }) => {
  const received = operatorDay().iso;
  const created = await registerRequest({ requester: PETROVA, receivedOn: received });
  await signIn('officer');
  await switchToEnglish(page);
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByText(`Registered, incoming No. ${created.incomingNumber}`).first()).toBeVisible();
  await expect(page.getByText('Answer a data subject access request').first()).toBeVisible();
  // The timeline's own words are English; the number «ВХ-…» is data.
  expect(await cyrillicIn(page, '.mantine-Timeline-root')).toEqual([]);
  await expectAccessible(page, 'case page (English)');
  await shot('h13-i18n-case-en');
});

test('an officer’s day reads in English, leaving only the PD in Russian', async ({
  page,
  signIn,
  officerApi,
  insertSubject,
  shot,
  registerRequest,
}) => {
  const subject = await insertSubject();
  const received = operatorDay().iso;
  const created = await registerRequest({ subject, requester: PETROVA, receivedOn: received });
  await officerApi.call('cases.addNote', { id: created.id, text: 'Позвонила, просит ответ почтой' });
  await officerApi.call('cases.letters.create', {
    caseId: created.id,
    kind: 'answer',
    body: 'Уважаемая Анна Сергеевна! Сообщаем, что ваши персональные данные обрабатываются.',
  });
  await signIn('officer');
  await switchToEnglish(page);

  await expect(page.getByRole('button', { name: 'Register a request' })).toBeVisible();
  await expectEnglishChrome(page, 'queue');
  await expectAccessible(page, 'queue (English)');
  await page.getByRole('button', { name: 'Register a request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register a request' });
  // The dialog's code loads on first use: on a busy machine that takes longer than an assertion's default 5 s.
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  expect(await cyrillicIn(page, '[role="dialog"]'), 'register dialog').toEqual([]);
  await expectAccessible(page, 'register dialog (English)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto(`/cases/${created.id}`);
  await expect(page.getByText('Answer a data subject access request').first()).toBeVisible();
  await expect(page.locator('.mantine-Timeline-root')).toBeVisible();
  await expectEnglishChrome(page, 'case', ['main', 'header', 'nav']);
  await expectAccessible(page, 'case page (English)');
  await shot('h13-english-case');

  const screens: [string, string][] = [
    ['subject', `/subjects/${subject.id}`],
    ['subject search', '/subjects'],
    ['blocks', '/blocks'],
    ['mail inbox', '/mail/inbox'],
    ['breaches', '/breaches'],
    ['audit log', '/registers/audit'],
  ];
  for (const [screen, path] of screens) {
    await openScreen(page, path);
    await expectEnglishChrome(page, screen);
    await expectAccessible(page, `${screen} (English)`);
  }

  // The search's results: the found names are PD, their badges and columns are not.
  await openScreen(page, '/subjects');
  await page.getByLabel('Find a subject').fill(subject.lastName);
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('row').nth(1)).toBeVisible();
  await expectEnglishChrome(page, 'subject search results');
  await expectAccessible(page, 'subject search results (English)');
});

test('the admin screens read in English', async ({ page, signIn }) => {
  await signIn('admin');
  await switchToEnglish(page);
  const screens: [string, string][] = [
    ['users', '/admin/users'],
    ['calendar', '/admin/calendar'],
    ['integrations', '/admin/integrations'],
  ];
  for (const [screen, path] of screens) {
    await openScreen(page, path);
    await expectEnglishChrome(page, screen);
    await expectAccessible(page, `admin ${screen} (English)`);
  }
});

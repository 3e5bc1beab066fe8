import path from 'node:path';
import { type APIRequestContext, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { isoDate, newPerson, operatorDay, type Person } from './test-data';

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

/** The tRPC API over HTTP, as one signed-in user, with its own cookies (the page's session is not touched). */
export type Api = {
  call: <T>(procedure: string, input: unknown) => Promise<T>;
  /** A query (GET), for reading what the screens read. */
  query: <T>(procedure: string, input?: unknown) => Promise<T>;
};

/** A subject a test made for itself through the API: the person, and the id of their page. */
export type TestSubject = Person & { id: number };

type Fixtures = {
  /**
   * Every console error or warning and every uncaught page error of the test's browser context. Automatic: a test
   * fails after its steps when the list is not empty, so a React warning or a failed load on any screen is a
   * failing test, not a line nobody reads.
   */
  consoleProblems: string[];
  /**
   * Console lines the test itself causes on purpose: a refusal it asserts on (a 4xx from the named path), which
   * Chromium logs and no page code can silence. Call `expectRefused('/trpc/cases.letters.create')` before the step.
   */
  expectRefused: (path: string) => void;
  /** The patterns `expectRefused` added for this test. */
  allowedProblems: RegExp[];
  /** Signs in through the sign-in form, as a person would, and waits until the shell shows the user's menu. */
  signIn: (role: DemoRole) => Promise<DemoAccount>;
  /** Saves a full-page screenshot (or with `viewport`, what the 1366×768 window shows) as e2e/screenshots/<name>.png. */
  shot: (name: string, options?: { viewport?: boolean }) => Promise<void>;
  /** The API as the demo officer, for setting up a test's own data without clicking through forms. */
  officerApi: Api;
  /** Creates a patient only this test knows (unique surname and phone); `overrides` pin a namesake or a phone. */
  insertSubject: (overrides?: Partial<Person>) => Promise<TestSubject>;
  /**
   * A request registered through the API as the officer: an access request by post, received today in
   * Yekaterinburg, unless told otherwise. With `subject`, the person is linked and writes it themselves.
   */
  registerRequest: (request?: {
    type?: string;
    subject?: TestSubject;
    requester?: { name: string; address: string };
    receivedOn?: string;
  }) => Promise<{ id: number; incomingNumber: string }>;
  /** A PD record of the subject in a catalogue system for a purpose (by codes), as the officer records one. */
  addRecord: (
    subjectId: number,
    record: {
      system: string;
      purpose: string;
      fields: string[];
      legalBasis?: 'consent' | 'contract' | 'law';
      /** Where the data came from, as the answer to an access request names it. */
      source?: string;
    },
  ) => Promise<number>;
};

export async function signedInApi(request: APIRequestContext, role: DemoRole): Promise<Api> {
  const call = async <T>(procedure: string, input: unknown): Promise<T> => {
    // The header the server asks of every mutation (CSRF); a cross-site form cannot send it.
    const response = await request.post(`/trpc/${procedure}`, { data: input, headers: { 'x-pd-desk': '1' } });
    if (!response.ok()) throw new Error(`${procedure}: ${response.status()} ${await response.text()}`);
    return ((await response.json()) as { result: { data: T } }).result.data;
  };
  const query = async <T>(procedure: string, input?: unknown): Promise<T> => {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await request.get(`/trpc/${procedure}${search}`);
    if (!response.ok()) throw new Error(`${procedure}: ${response.status()} ${await response.text()}`);
    return ((await response.json()) as { result: { data: T } }).result.data;
  };
  const { login, password } = DEMO_ACCOUNTS[role];
  await call('auth.signIn', { login, password });
  return { call, query };
}

/** What the browser says that counts as a problem: errors and warnings, never info or debug output. */
const PROBLEM_TYPES = new Set(['error', 'warning', 'assert']);

/**
 * The one console line a correct app still makes: a refused password is answered 401 (the throttle and the audit
 * count it as a failed sign-in), and Chromium logs every 4xx response of a fetch, which no page code can silence.
 */
const JUSTIFIED_PROBLEMS = [/^console\.error: Failed to load resource: .* 401 .*\/trpc\/auth\.signIn\b/];

/** Collects the console errors/warnings and uncaught errors of every page the context opens. */
export function watchConsole(context: BrowserContext, problems: string[], allowed: RegExp[] = []): void {
  context.on('console', (message) => {
    if (!PROBLEM_TYPES.has(message.type())) return;
    const { url, lineNumber } = message.location();
    const problem = `console.${message.type()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
    if (![...JUSTIFIED_PROBLEMS, ...allowed].some((pattern) => pattern.test(problem))) problems.push(problem);
  });
  context.on('weberror', (error) => problems.push(`pageerror: ${error.error().message}`));
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; none here.
  allowedProblems: async ({}, use) => {
    await use([]);
  },
  expectRefused: async ({ allowedProblems }, use) => {
    await use((path) => {
      const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      allowedProblems.push(new RegExp(`^console\\.error: Failed to load resource: .* 4\\d\\d .*${escaped}`));
    });
  },
  consoleProblems: [
    async ({ context, allowedProblems }, use) => {
      const problems: string[] = [];
      watchConsole(context, problems, allowedProblems);
      await use(problems);
      expect(problems, 'the browser console must stay clean').toEqual([]);
    },
    { auto: true },
  ],
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
  officerApi: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL });
    await use(await signedInApi(request, 'officer'));
    await request.dispose();
  },
  insertSubject: async ({ officerApi }, use) => {
    await use(async (overrides) => {
      const person = newPerson(overrides);
      const { id } = await officerApi.call<{ id: number }>('subjects.create', {
        lastName: person.lastName,
        firstName: person.firstName,
        middleName: person.middleName,
        birthDate: isoDate(person.birthDate),
        category: 'patient',
        phone: person.phone,
        email: person.email,
        address: person.address,
        source: 'Письмо вх. № 15 от 03.02.2026',
      });
      return { ...person, id };
    });
  },
  registerRequest: async ({ officerApi }, use) => {
    await use(({ type = 'access', subject, requester, receivedOn = operatorDay().iso } = {}) =>
      officerApi.call('cases.create', {
        type,
        channel: 'post',
        requester: {
          kind: 'subject',
          ...(requester ??
            (subject
              ? { name: `${subject.lastName} ${subject.firstName} ${subject.middleName}`, address: subject.address }
              : { name: 'Петров Сергей Иванович', address: 'г. Екатеринбург, ул. Ленина, д. 1' })),
        },
        receivedOn,
        subjectIds: subject ? [subject.id] : [],
      }),
    );
  },
  addRecord: async ({ officerApi }, use) => {
    await use(async (subjectId, record) => {
      const catalogue = await officerApi.query<{
        systems: { id: number; code: string }[];
        purposes: { id: number; code: string }[];
      }>('subjects.catalogue.list');
      const { id } = await officerApi.call<{ id: number }>('subjects.addRecord', {
        subjectId,
        systemId: catalogue.systems.find((s) => s.code === record.system)?.id,
        purposeId: catalogue.purposes.find((p) => p.code === record.purpose)?.id,
        legalBasis: record.legalBasis ?? 'consent',
        dataFields: record.fields,
        collectedOn: '2026-06-01',
        source: record.source,
      });
      return id;
    });
  },
  shot: async ({ page }, use) => {
    await use(async (name, options) => {
      // Finished transitions, not a frame caught halfway through one (Mantine animates buttons and switches).
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${name}.png`),
        fullPage: !options?.viewport,
        animations: 'disabled',
      });
    });
  },
});

/** The button in the header that carries the signed-in user's name and opens the user menu. */
export function userMenu(page: Page, account: DemoAccount) {
  return page.getByRole('button', { name: account.name });
}

export { expectAccessible } from './accessibility';
export { expect };

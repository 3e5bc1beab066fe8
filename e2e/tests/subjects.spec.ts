import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { maskedName, maskedPhone, newPerson, type Person, uniqueSurname } from '../test-data';

/*
 * Every test makes the people it works with (through the API, or through the form where the form is the point),
 * with surnames and phones nobody else has: the tests share one database and may run in any order.
 */

// Sign-in, the screens and axe over each of them: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Поиск субъекта' });

/** The ten digits of a Russian number, however it was written. */
const tenDigits = (phone: string) => phone.replace(/\D/g, '').slice(-10);

/** «Бакуминова» → «Бакуминовой»: how a letter names the sender («от Бакуминовой Ульяны»). */
const genitive = (surname: string) => `${surname}й`;

async function addSubject(page: Page, person: Person, shot?: (name: string) => Promise<void>) {
  await page.goto('/subjects');
  await page.getByRole('button', { name: 'Добавить субъекта' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый субъект' });
  await dialog.getByLabel('Фамилия').fill(person.lastName);
  await dialog.getByLabel('Имя', { exact: true }).fill(person.firstName);
  await dialog.getByLabel('Отчество').fill(person.middleName);
  await dialog.getByLabel('Дата рождения').fill(person.birthDate);
  await dialog.getByLabel('Категория').click();
  await page.getByRole('option', { name: 'Пациент', exact: true }).click();
  await dialog.getByLabel('Телефон').fill(person.phone);
  await dialog.getByLabel('E-mail').fill(person.email);
  await dialog.getByLabel('Почтовый адрес').fill(person.address);
  await dialog.getByLabel('Откуда данные').fill('Письмо вх. № 15 от 03.02.2026');
  if (shot) await shot('subjects-add');
  await expectAccessible(page, 'new subject dialog');
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(page).toHaveURL(/\/subjects\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Types a query, waits for the results, and opens the first one with the keyboard. */
async function searchAndOpen(page: Page, query: string) {
  await page.goto('/subjects');
  await searchBox(page).fill(query);
  await expect(page.getByRole('region', { name: 'Результаты поиска' }).getByRole('row').nth(1)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await searchBox(page).press('Enter');
  await expect(page).toHaveURL(/\/subjects\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** A namesake of `person`: the same surname and first name, told apart by patronymic, birth year and phone. */
function namesakeOf(person: Person): Person {
  const digits = tenDigits(newPerson().phone);
  return newPerson({
    lastName: person.lastName,
    lastNameLatin: person.lastNameLatin,
    middleName: 'Глебовна',
    birthDate: '03.02.1999',
    // Written as people write it; the search must still find it by any spelling.
    phone: `8-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
    email: '',
    address: '',
  });
}

test('the officer adds two namesakes by hand', async ({ page, signIn, shot }) => {
  await signIn('officer');
  const ulyana = newPerson();
  const ulyanaId = await addSubject(page, ulyana, shot);
  await expect(page.getByTestId('subject-name')).toHaveText(maskedName(ulyana));
  await expectAccessible(page, 'subject page new');
  const namesakeId = await addSubject(page, namesakeOf(ulyana));
  expect(namesakeId).not.toBe(ulyanaId);
});

test('a genitive name, a transliteration and a phone written differently each open the right person', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  const ulyana = await insertSubject();
  const namesake = await insertSubject(namesakeOf(ulyana));
  await signIn('officer');
  await page.goto('/subjects');
  await searchBox(page).fill(`${genitive(ulyana.lastName)} Ульяны`);
  const results = page.getByRole('region', { name: 'Результаты поиска' });
  await expect(results.getByRole('row')).toHaveCount(3);
  await expect(results.getByText('тёзка')).toHaveCount(0);
  await shot('subjects-search-namesakes');
  await expectAccessible(page, 'subject search results');

  // From a letter: «от Бакуминовой Ульяны Ростиславовны».
  expect(await searchAndOpen(page, `${genitive(ulyana.lastName)} Ульяны Ростиславовны`)).toBe(ulyana.id);
  // An e-mail signed in Latin letters.
  expect(await searchAndOpen(page, `Uliana Glebovna ${namesake.lastNameLatin}`)).toBe(namesake.id);
  // A caller gives the number as 8 and ten digits; it was stored as +7 (912) …
  const ulyanaDigits = tenDigits(ulyana.phone);
  expect(await searchAndOpen(page, `8 ${ulyanaDigits.slice(0, 3)} ${ulyanaDigits.slice(3)}`)).toBe(ulyana.id);
  const namesakeDigits = tenDigits(namesake.phone);
  const spaced = `+7 ${namesakeDigits.slice(0, 3)} ${namesakeDigits.slice(3, 6)} ${namesakeDigits.slice(6, 8)} ${namesakeDigits.slice(8)}`;
  expect(await searchAndOpen(page, spaced)).toBe(namesake.id);

  // The URL holds the query: back from the page returns to the same results.
  await page.goto(`/subjects?q=%2B7${namesakeDigits}`);
  await expect(searchBox(page)).toHaveValue(`+7${namesakeDigits}`);
  await expect(page.getByRole('region', { name: 'Результаты поиска' }).getByText('телефону')).toBeVisible();
  await shot('subjects-search-phone');
  await expectAccessible(page, 'subject search by phone');
});

test('the page is masked until «Показать», and showing is logged', async ({ page, signIn, insertSubject, shot }) => {
  const ulyana = await insertSubject();
  await signIn('officer');
  await page.goto(`/subjects/${ulyana.id}`);
  await expect(page.getByTestId('subject-name')).toHaveText(maskedName(ulyana));
  await expect(page.getByText('Просмотр персональных данных записывается в журнал аудита')).toBeVisible();
  await expect(page.getByText(maskedPhone(ulyana))).toBeVisible();
  await expect(page.getByText('Пока нет — раздел заработает в следующих выпусках')).toHaveCount(1);
  await shot('subject-page-masked');
  await expectAccessible(page, 'subject page masked');

  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByTestId('subject-name')).toHaveText(
    `${ulyana.lastName} ${ulyana.firstName} ${ulyana.middleName}`,
  );
  await expect(page.getByText(ulyana.birthDate)).toBeVisible();
  // Revealed phones read in the one display form, «+7 912 084-91-16», whatever spelling was stored.
  await expect(page.getByText(ulyana.phone.replace(/\((\d{3})\) /, '$1 '))).toBeVisible();
  await expect(page.getByText('Данные открыты — это записано в журнал аудита')).toBeVisible();
  await shot('subject-page-revealed');
  await expectAccessible(page, 'subject page revealed');

  await page.goto(`/registers/audit?objectType=subject&objectId=${ulyana.id}`);
  await expect(page.getByText('Раскрыты данные субъекта')).toBeVisible();
  await expectAccessible(page, 'audit log of a subject');
});

test('a rectification keeps the old surname searchable and shows in the history', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  const ulyana = await insertSubject();
  const married = { ...ulyana, lastName: uniqueSurname().cyrillic };
  await signIn('officer');
  await page.goto(`/subjects/${ulyana.id}`);
  await page.getByRole('button', { name: 'Исправить данные' }).click();
  const dialog = page.getByRole('dialog', { name: 'Исправление персональных данных' });
  await dialog.getByLabel('Новое значение').fill(married.lastName);
  await dialog.getByLabel('Причина').fill('Смена фамилии после заключения брака');
  await dialog.getByLabel('Подтверждающий документ').fill('Свидетельство о заключении брака II-АИ № 512345');
  await shot('subject-rectify');
  await expectAccessible(page, 'rectify dialog');
  await dialog.getByRole('button', { name: 'Исправить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('subject-name')).toHaveText(maskedName(married));
  const history = page.getByRole('region', { name: 'История изменений' });
  await expect(history.getByText('Исправление')).toBeVisible();
  const surname = (person: Person) => maskedName(person).split(' ')[0];
  await expect(history.getByText(`Фамилия: ${surname(ulyana)} → ${surname(married)}`)).toBeVisible();
  await expect(history.getByText(/Смена фамилии после заключения брака/)).toBeVisible();
  await shot('subject-page-history');
  await expectAccessible(page, 'subject page history');

  // A letter signed with the maiden name still finds her.
  expect(await searchAndOpen(page, `${genitive(ulyana.lastName)} Ульяны Ростиславовны`)).toBe(ulyana.id);
});

test('the officer records where the data is held', async ({ page, signIn, insertSubject }) => {
  const ulyana = await insertSubject();
  await signIn('officer');
  await page.goto(`/subjects/${ulyana.id}`);
  await page.getByRole('button', { name: 'Добавить запись' }).click();
  const dialog = page.getByRole('dialog', { name: 'Добавить запись' });
  await dialog.getByLabel('Система').click();
  await page.getByRole('option', { name: 'Медицинская информационная система' }).click();
  await dialog.getByLabel('Цель').click();
  await page.getByRole('option', { name: /^Оказание медицинской помощи/ }).click();
  await dialog
    .getByLabel('Закон, договор или согласие')
    .fill('Приказ Минздрава России № 408н: медицинская карта 25 лет');
  await dialog.getByLabel('Получены').fill('01.02.2026');
  await expectAccessible(page, 'add record dialog');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const records = page.getByRole('region', { name: /^Где и зачем хранятся данные/ });
  await expect(records.getByText('Медицинская информационная система')).toBeVisible();
  await expect(records.getByText('Обрабатываются')).toBeVisible();
  await expectAccessible(page, 'subject page with record');
});

test('a duplicate with the same phone is suggested, merged, and the merge undone', async ({
  page,
  signIn,
  insertSubject,
  shot,
}) => {
  const ulyana = await insertSubject();
  // The same person entered again from another letter: the phone written as 8 and ten digits.
  const duplicate = await insertSubject({
    lastName: ulyana.lastName,
    lastNameLatin: ulyana.lastNameLatin,
    phone: `8${tenDigits(ulyana.phone)}`,
    email: '',
    address: '',
  });
  await signIn('officer');
  await page.goto(`/subjects/${ulyana.id}`);
  const panel = page.getByRole('region', { name: 'Возможные дубликаты' });
  await expect(panel.getByRole('link', { name: new RegExp(`№ ${duplicate.id}`) })).toBeVisible();
  await expect(panel.getByText('телефону')).toBeVisible();
  await expectAccessible(page, 'subject page duplicates');
  await panel.getByRole('button', { name: 'Объединить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Объединение записей' });
  await dialog.getByLabel('Почему это один человек').fill('Один человек: тот же телефон, ФИО и дата рождения');
  await shot('subject-merge-confirm');
  await expectAccessible(page, 'merge dialog');
  await dialog.getByRole('button', { name: 'Объединить' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(`№ ${duplicate.id} присоединена сюда`)).toBeVisible();
  await shot('subject-merged');
  await expectAccessible(page, 'subject page merged');

  await panel.getByRole('button', { name: 'Отменить' }).click();
  const undo = page.getByRole('dialog', { name: 'Отмена объединения' });
  await undo.getByLabel('Почему отменяете').fill('Проверили по паспорту: это разные люди');
  await expectAccessible(page, 'unmerge dialog');
  await undo.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(panel.getByText(/отменено/)).toBeVisible();
  await expect(panel.getByRole('link', { name: new RegExp(`№ ${duplicate.id}`) })).toBeVisible();
});

test('the registrar gets the masked card only', async ({ page, signIn, insertSubject, shot }) => {
  const ulyana = await insertSubject();
  const digits = tenDigits(ulyana.phone);
  await signIn('registrar');
  const phone = `8 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}`;
  expect(await searchAndOpen(page, phone)).toBe(ulyana.id);
  await expect(page.getByRole('heading', { name: maskedName(ulyana) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Показать' })).toHaveCount(0);
  await shot('subject-card-registrar');
  await expectAccessible(page, 'subject page (registrar)');
});

test('the admin sees the catalogue of systems and purposes, and the import screen', async ({ page, signIn, shot }) => {
  await signIn('admin');
  await page.goto('/admin/catalogue');
  await expect(page.getByText('Медицинская информационная система')).toBeVisible();
  await shot('subjects-catalogue');
  await expectAccessible(page, 'admin catalogue');

  await page.goto('/subjects/import');
  await expect(page.getByRole('button', { name: 'Загрузить' })).toBeVisible();
  await expectAccessible(page, 'subject import');
  const csv = [
    'external_id,last_name,first_name,middle_name,birth_date,phone,email,category',
    'E2E-1,Кузнецова,Анна,Игоревна,1990-05-04,+7 912 000-11-22,,patient',
    'E2E-2,Сидоров,,Петрович,31.02.1980,,,patient',
  ].join('\n');
  // Mantine's FileInput is a button over a hidden <input type="file">: the file goes to the input.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'subjects.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await expect(page.getByText('Отклонено: есть ошибочные строки')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('cell', { name: 'birth_date', exact: true })).toBeVisible();
  await shot('subjects-import-report');
  await expectAccessible(page, 'subject import report');
});

test('the subject page reads in English too', async ({ page, signIn, insertSubject, shot }) => {
  const ulyana = await insertSubject();
  await signIn('officer');
  await page.goto(`/subjects/${ulyana.id}`);
  await page.getByRole('radiogroup', { name: 'Язык' }).getByText('English').click();
  await expect(page.getByRole('region', { name: /^Where and why the data is kept/ })).toBeVisible();
  await expect(page.getByText('Viewing personal data is recorded in the audit trail')).toBeVisible();
  await shot('subject-page-en');
  await expectAccessible(page, 'subject page (English)');
});

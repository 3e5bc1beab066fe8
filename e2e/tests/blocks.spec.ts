import { expect, expectAccessible, test } from '../fixtures';

/*
 * Issue 10, blocking inside PD Desk: a caller disputes their phone → the officer blocks only the booking record's
 * phone → the badge shows in search and the queue → «неточность подтверждена» → the phone is rectified → unblocked.
 * Every step is in the audit trail.
 */

test('a phone call disputes the phone: only the booking record’s phone is blocked, resolved and unblocked', async ({
  page,
  signIn,
  insertSubject,
  addRecord,
  officerApi,
  shot,
}) => {
  // A long flow through five screens and four dialogs on a shared two-core machine.
  test.setTimeout(180_000);
  const person = await insertSubject();
  const booking = await addRecord(person.id, {
    system: 'booking_site',
    purpose: 'online_booking',
    fields: ['full_name', 'phone', 'email'],
  });
  await addRecord(person.id, { system: 'mis', purpose: 'medical_care', fields: ['full_name', 'phone', 'health'] });
  await signIn('officer');

  // The officer opens the caller's page and presses «Заблокировать»; the case is registered in the same step.
  await page.goto(`/subjects/${person.id}`);
  await expect(page.getByTestId('subject-name')).toBeVisible();
  await expectAccessible(page, 'subject page');
  await page.getByRole('button', { name: 'Заблокировать' }).click();
  const dialog = page.getByRole('dialog', { name: 'Заблокировать данные' });
  await expect(dialog.getByLabel(`телефон — Онлайн-запись на сайте № ${booking}`)).toBeVisible();
  await expectAccessible(page, 'block dialog');
  await dialog.getByLabel(`телефон — Онлайн-запись на сайте № ${booking}`).check();
  await dialog
    .getByLabel('Что оспаривается')
    .fill('Позвонила: номер в онлайн-записи не её, звонки приходят чужому человеку');
  await dialog.getByLabel('Заявитель (ФИО или наименование)').fill(`${person.lastName} ${person.firstName}`);
  await dialog.getByLabel(/не нарушает права/).check();
  await shot('h10-blocks-dialog', { viewport: true });
  await expectAccessible(page, 'block dialog filled');
  await dialog.getByRole('button', { name: 'Заблокировать' }).click();
  const done = dialog.getByRole('status');
  await expect(done).toContainText('Данные заблокированы по обращению');
  await expectAccessible(page, 'block dialog done');
  const caseNumber = ((await done.textContent()) ?? '').replace(/^.*по обращению\s*/, '').trim();
  await dialog.getByRole('button', { name: 'OK' }).click();

  // Badge on the subject page (the record keeps its other fields in use) …
  await expect(page.getByTestId('blocked-badge').first()).toBeVisible();
  await expect(page.getByText('Заблокировано: телефон')).toBeVisible();
  await expectAccessible(page, 'subject page blocked');
  // … in search …
  await page.goto(`/subjects?q=${encodeURIComponent(person.lastName)}`);
  await expect(
    page.getByRole('row', { name: new RegExp(person.lastName.slice(0, 1)) }).getByTestId('blocked-badge'),
  ).toBeVisible();
  await expectAccessible(page, 'subject search');
  // … and in the queue, with the block's next step and its date.
  await page.goto(`/?q=${encodeURIComponent(caseNumber)}`);
  const queueRow = page.getByRole('row', { name: new RegExp(caseNumber) });
  await expect(queueRow.getByTestId('blocked-badge')).toBeVisible();
  await expect(queueRow.getByTestId('block-step')).toContainText('Проверить обращение до');
  await expectAccessible(page, 'queue');

  // The blocks screen: masked person, scope, next step.
  await page.goto('/blocks');
  const blockRow = page.getByRole('row', { name: new RegExp(caseNumber) });
  await expect(blockRow).toContainText('телефон в записи №');
  await expect(blockRow).not.toContainText(person.lastName);
  await shot('h10-blocks-screen', { viewport: true });
  await expectAccessible(page, 'blocks');
  await blockRow.click();
  await expect(page.getByTestId('block-subject')).toHaveText(new RegExp(person.lastName));
  const blockId = Number(page.url().split('/').at(-1));
  await expectAccessible(page, 'block page');

  // Resolution: inaccuracy confirmed → rectify within 7 working days → unblock naming the case.
  await page.getByRole('button', { name: 'Внести итог проверки' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Итог' }).click();
  await page.getByRole('option', { name: 'Неточность подтверждена' }).click();
  await page
    .getByLabel('Что показала проверка (войдёт в уведомление)')
    .fill('Номер принадлежит другому человеку, верный номер подтверждён паспортом');
  await expectAccessible(page, 'block decision dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Внести итог проверки' }).click();
  await expect(page.getByTestId('block-next-step')).toContainText('Уточнить данные до');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expectAccessible(page, 'block page decided');

  await page.getByRole('button', { name: 'Уточнить данные' }).click();
  await page.getByLabel('Верное значение').fill('+7 (912) 555-44-33');
  await page.getByLabel('Подтверждающий документ').fill('Паспорт, звонок');
  await expectAccessible(page, 'block rectify dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Уточнить данные' }).click();
  await expect(page.getByTestId('block-next-step')).toContainText('Снять блокировку до');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('button', { name: 'Снять блокировку' }).click();
  await page.getByLabel('Номер обращения, по которому снимается блокировка').fill(caseNumber);
  await page.getByLabel('Основание снятия').fill('Телефон уточнён, неточность устранена');
  await expectAccessible(page, 'block lift dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Снять блокировку' }).click();
  await expect(page.getByText('Блокировка снята', { exact: true })).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expectAccessible(page, 'block page lifted');

  // Every step is in the audit trail, naming the block; the rectification went through the block.
  const entries = await officerApi.query<{ items: { action: string; details: Record<string, unknown> | null }[] }>(
    'audit.list',
    { objectType: 'block', objectId: String(blockId), limit: 50 },
  );
  const actions = entries.items.map((e) => e.action);
  for (const action of ['block.create', 'block.view', 'block.decide', 'block.rectify', 'block.lift']) {
    expect(actions).toContain(action);
  }
  expect(entries.items.find((e) => e.action === 'block.lift')?.details).toMatchObject({ caseNumber });
  const subjectEntries = await officerApi.query<{
    items: { action: string; details: Record<string, unknown> | null }[];
  }>('audit.list', { objectType: 'subject', objectId: String(person.id), limit: 50 });
  expect(subjectEntries.items.find((e) => e.action === 'subject.rectify')?.details).toMatchObject({ blockId });
});

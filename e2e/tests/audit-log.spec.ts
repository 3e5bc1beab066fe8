import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay } from '../test-data';

const DAY = /^\d{2}\.\d{2}\.\d{4}$/;
const INSTANT = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/;

test('the audit trail reads in words: a case registration in Russian and in English, dates dd.mm.yyyy', async ({
  page,
  signIn,
  insertSubject,
  shot,
  registerRequest,
}) => {
  // Two cores shared by several runs: give the sign-in and the lazily loaded screens room.
  test.slow();
  await page.setViewportSize({ width: 1366, height: 768 });
  const person = await insertSubject();
  const received = operatorDay().iso;
  const created = await registerRequest({ subject: person, receivedOn: received });

  // The auditor reads the trail (the officer and the admin too; the admin without the details about people).
  await signIn('auditor');
  await page.goto(`/registers/audit?objectType=case&objectId=${created.id}`);
  const entry = page.getByRole('row').filter({ hasText: 'Обращение зарегистрировано' });
  await expect(entry).toHaveCount(1, { timeout: 15_000 });
  await expectAccessible(page, 'audit log');
  await expect(entry.getByRole('cell').nth(1)).toHaveText(INSTANT);
  await expect(entry.getByRole('link', { name: `Обращение №${created.id}` })).toHaveAttribute(
    'href',
    `/cases/${created.id}`,
  );
  // Folded to one line; unfolded, each field by its name and each value as a person reads it.
  const unfold = entry.getByRole('button', { name: /^Подробнее: \d+ пол/ });
  await unfold.click();
  const details = entry.getByRole('table');
  await expect(details.getByRole('row').filter({ hasText: 'Тип' })).toContainText('Запрос сведений о ПДн');
  const requester = details
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Заявитель', exact: true }) });
  await expect(requester).toContainText('Субъект ПДн');
  const receivedOn = details.getByRole('row').filter({ hasText: 'Дата получения' }).getByRole('cell').nth(1);
  await expect(receivedOn).toHaveText(DAY);
  const due = details.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Срок', exact: true }) });
  await expect(due.getByRole('cell').nth(1)).toHaveText(DAY);
  await expect(details.getByRole('link', { name: `№${person.id}` })).toHaveAttribute('href', `/subjects/${person.id}`);
  await expect(entry).not.toContainText('requesterKind');
  await expect(entry).not.toContainText(received);
  // The date filters read and take dd.mm.yyyy.
  await expect(page.getByLabel('С', { exact: true })).toHaveAttribute('placeholder', 'дд.мм.гггг');
  await shot('h13-audit-ru', { viewport: true });
  await expectAccessible(page, 'audit log entry unfolded');

  await page.getByRole('radiogroup', { name: 'Язык' }).getByText('English').click();
  const entryEn = page.getByRole('row').filter({ hasText: 'Request registered' });
  await expect(entryEn).toHaveCount(1);
  await entryEn.getByRole('button', { name: /^Details: \d+ fields$/ }).click();
  const detailsEn = entryEn.getByRole('table');
  await expect(detailsEn.getByRole('row').filter({ hasText: 'Type' })).toContainText('Access request');
  await expect(detailsEn.getByRole('row').filter({ hasText: 'Received on' }).getByRole('cell').nth(1)).toHaveText(DAY);
  await expect(entryEn).toContainText(`Request №${created.id}`);
  await expect(page.getByRole('columnheader', { name: 'Action' })).toBeVisible();
  await shot('h13-audit-en', { viewport: true });
  await expectAccessible(page, 'audit log (English)');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('Русский').click();
});

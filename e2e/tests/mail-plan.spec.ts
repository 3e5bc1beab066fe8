import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay } from '../test-data';

// The whole way from a letter to the answer and the act is mail-desk.spec.ts; here, a withdrawal registered as a
// case (not from the intake) reaches its plan from the case page, and the register opens its sender's name.
test('a withdrawal case opens its plan from the case page; the register shows its sender masked until opened', async ({
  page,
  signIn,
  insertSubject,
  shot,
  registerRequest,
}) => {
  // Three screens, each checked by axe, on a busy two-core machine.
  test.slow();
  const person = await insertSubject({ lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' });
  const received = operatorDay().iso;
  const withdrawal = await registerRequest({ type: 'consent_withdrawal', subject: person, receivedOn: received });
  await signIn('officer');
  await page.goto(`/cases/${withdrawal.id}`);
  await expect(page.getByRole('link', { name: 'Открыть план' })).toBeVisible();
  await expectAccessible(page, 'case page');
  await page.getByRole('link', { name: 'Открыть план' }).click();
  await expect(page.getByRole('heading', { name: 'План действий по отзыву согласия' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Составить план' })).toBeVisible();
  await expectAccessible(page, 'mail plan empty');

  await page.getByRole('link', { name: 'Почта' }).click();
  await page.getByRole('link', { name: 'Реестры' }).click();
  const incoming = page.getByRole('row').filter({ hasText: withdrawal.incomingNumber });
  await expect(incoming).toContainText('И•••••а М. П.');
  await expectAccessible(page, 'mail registers incoming');
  await incoming.getByRole('button', { name: `Показать ФИО: ${withdrawal.incomingNumber}` }).click();
  await expect(incoming).toContainText('Иванова Мария Петровна');
  await expectAccessible(page, 'mail registers revealed');
  await shot('mail-registers-incoming', { viewport: true });
});

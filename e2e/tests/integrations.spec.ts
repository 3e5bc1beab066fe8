import { expect, expectAccessible, test } from '../fixtures';
import { newPerson } from '../test-data';

test('the admin issues an API key in the screen; the booking site calls the API with it', async ({
  page,
  signIn,
  shot,
  request,
}) => {
  // Screenshots of a busy two-core machine take seconds each.
  test.setTimeout(120_000);
  await signIn('admin');
  await page.goto('/admin/integrations');
  await expect(page.getByRole('heading', { name: 'Интеграции', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'admin integrations');

  const keys = page.getByRole('region', { name: 'Ключи API' });
  await keys.getByRole('button', { name: 'Выпустить ключ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Выпустить ключ' });
  await dialog.getByLabel('Система').click();
  await page.getByRole('option', { name: /Онлайн-запись на сайте/ }).click();
  await dialog.getByRole('checkbox', { name: /records:write/ }).check();
  await dialog.getByLabel(/Лимит/).fill('0');
  await expectAccessible(page, 'api key dialog');
  await dialog.getByRole('button', { name: 'Выпустить ключ' }).click();

  const secret = page.getByTestId('secret-once');
  await expect(secret).toContainText('pdd_');
  const key = (await secret.textContent())?.trim() ?? '';
  await shot('h10-api-key-once', { viewport: true });
  await expectAccessible(page, 'api key secret dialog');
  await page.getByRole('button', { name: 'Готово' }).click();
  await expect(keys.getByText('Действует', { exact: true })).toBeVisible();

  // The booking site, with the key: it reports a record, checks the phone, registers the consent, checks again.
  const person = newPerson();
  const auth = { authorization: `Bearer ${key}` };
  const put = await request.put(`/api/v1/records/booking_site/E2E-${Date.now()}`, {
    headers: auth,
    data: {
      person: { lastName: person.lastName, firstName: person.firstName, phone: person.phone },
      purpose: 'online_booking',
      legalBasis: 'consent',
      fields: ['full_name', 'phone'],
    },
  });
  expect(put.status()).toBe(201);
  const check = async () =>
    (
      await request.get(`/api/v1/permissions?phone=${encodeURIComponent(person.phone)}&purpose=online_booking`, {
        headers: auth,
      })
    ).json();
  expect(await check()).toEqual({ allowed: false, reasons: ['no-consent'] });
  const refused = await request.post('/api/v1/consents', { headers: auth, data: {} });
  expect(refused.status()).toBe(403); // this key has no consents:write
  expect(await refused.json()).toMatchObject({ code: 'insufficient_scope' });

  // The screen shows the key was used; revoking it shuts the API off for it.
  await page.reload();
  await expect(keys.getByText('ещё не использовался')).toHaveCount(0);
  await shot('h10-api-admin-integrations', { viewport: true });
  await expectAccessible(page, 'admin integrations with key');
  await keys.getByRole('button', { name: 'Отозвать: Онлайн-запись на сайте' }).click();
  const revoke = page.getByRole('dialog', { name: 'Отозвать' });
  await expect(revoke.getByRole('button', { name: 'Отозвать' })).toBeVisible();
  await expectAccessible(page, 'api key revoke dialog');
  await revoke.getByRole('button', { name: 'Отозвать' }).click();
  await expect(keys.getByText('Отозван', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'admin integrations revoked');
  await expect
    .poll(async () =>
      (await request.get('/api/v1/permissions?phone=89120000000&purpose=online_booking', { headers: auth })).status(),
    )
    .toBe(401);

  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /PD Desk — API/ })).toBeVisible();
  await expect(page.getByText('/api/v1/permissions').first()).toBeVisible();
  await expectAccessible(page, 'api docs');
  await shot('h10-api-docs', { viewport: true });
});

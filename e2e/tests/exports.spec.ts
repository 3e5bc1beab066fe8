import fs from 'node:fs';
import path from 'node:path';
import type { Download } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, expectAccessible, test } from '../fixtures';
import { operatorDay } from '../test-data';

/** Beside the screenshots: the journal is looked at as pages (pdftoppm), like a screen. */
const SCREENSHOTS = path.join(import.meta.dirname, '..', 'screenshots');

async function bytesOf(download: Download) {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test('the queue exports as XLSX with its filters, in the browser, and reads back as a spreadsheet', async ({
  page,
  signIn,
  insertSubject,
  shot,
  registerRequest,
}) => {
  test.slow();
  const person = await insertSubject({});
  const received = operatorDay().iso;
  const request = await registerRequest({ subject: person, receivedOn: received });
  await signIn('officer');
  // The queue filtered to the one case: the export must carry the same filter.
  await page.goto(`/?q=${encodeURIComponent(request.incomingNumber)}&type=access`);
  await expect(page.getByRole('row').filter({ hasText: request.incomingNumber })).toHaveCount(1, { timeout: 15_000 });
  await expectAccessible(page, 'queue filtered');

  await page.getByRole('button', { name: 'Экспорт' }).click();
  const xlsx = page.getByRole('menuitem', { name: 'XLSX (Excel)' });
  await expect(xlsx).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'CSV (Excel, LibreOffice)' })).toBeVisible();
  await shot('exports-queue-menu', { viewport: true });
  await expectAccessible(page, 'queue export menu');

  const downloading = page.waitForEvent('download');
  await xlsx.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^queue-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await bytesOf(download)).buffer);
  const sheet = workbook.getWorksheet('Очередь');
  expect(sheet?.getRow(1).getCell(1).value).toBe('Очередь обращений');
  expect(sheet?.getRow(2).getCell(1).value).toBe('Вх. №');
  expect(sheet?.rowCount).toBe(3);
  const row = sheet?.getRow(3);
  expect(row?.getCell(1).value).toBe(request.incomingNumber);
  expect(row?.getCell(2).value).toBe('Запрос сведений о ПДн');
  expect(row?.getCell(5).value).toEqual(new Date(`${received}T00:00:00Z`));
  // The queue's masking holds in the file: the requester by initials, never in clear.
  expect(String(row?.getCell(9).value)).toMatch(new RegExp(`^${person.lastName[0]}•+${person.lastName.at(-1)} `));
  expect(JSON.stringify(sheet?.getSheetValues())).not.toContain(person.lastName);
});

test('the registers offer the printable journal of requests beside the spreadsheets', async ({
  page,
  signIn,
  shot,
}) => {
  test.slow();
  await signIn('officer');
  await page.getByRole('link', { name: 'Почта' }).click();
  await page.getByRole('link', { name: 'Реестры' }).click();
  await expect(page.getByRole('tab', { name: 'Входящие' })).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'mail registers incoming');
  await page.getByRole('button', { name: 'Экспорт' }).click();
  const pdf = page.getByRole('menuitem', { name: 'Журнал учёта обращений (PDF)' });
  await expect(pdf).toBeVisible();
  await shot('exports-registers-menu', { viewport: true });
  await expectAccessible(page, 'mail registers export menu');
  const downloading = page.waitForEvent('download');
  await pdf.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^requests-journal-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await bytesOf(download);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  fs.writeFileSync(path.join(SCREENSHOTS, 'exports-journal.pdf'), bytes);
});

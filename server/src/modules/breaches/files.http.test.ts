import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { useFileServer } from '../../test/attachment-fixtures';
import { auditEntries, callerFor } from '../../test/factories';
import { breachIncident } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';

const database = useTestDatabase();
const files = useFileServer(database);
const clock = fixedClock('2027-01-01T05:00:00Z', 'Asia/Yekaterinburg');

const get = (path: string, cookie: string) => fetch(`${files.baseUrl}${path}`, { headers: { cookie } });

describe('breach file routes', () => {
  it('exports the register as CSV, XLSX and PDF to readers, audited; the registrar gets 403', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id } = await officer.breaches.create(
      breachIncident({ description: 'Утерян ноутбук', category: 'lost_device' }),
    );
    const auditor = await files.cookieFor('auditor');

    const csv = await get('/files/breaches/register.csv?category=lost_device', auditor);
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    const text = bytes.toString('utf8');
    // The BOM makes Excel read the file as UTF-8.
    expect(text.startsWith('\uFEFF№;Выявлен;')).toBe(true);
    expect(text).toContain('Утерян ноутбук');
    expect(text).toContain('2026-12-31 23:30+05:00');
    expect(text).toContain('2027-01-01 23:30+05:00');

    const xlsx = await get('/files/breaches/register.xlsx', auditor);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Журнал инцидентов');
    expect(sheet?.getRow(2).getCell(4).value).toBe('Утерян ноутбук');

    const pdf = await get('/files/breaches/register.pdf', auditor);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    expect((await auditEntries(database.db, 'breach.register_exported')).length).toBe(3);
    const registrar = await files.cookieFor('registrar');
    expect((await get('/files/breaches/register.csv', registrar)).status).toBe(403);
    expect((await get(`/files/breaches/${id}/letters.pdf`, registrar)).status).toBe(403);
    expect((await get(`/files/breaches/${id}/letters.pdf`, auditor)).status).toBe(403);
    expect((await get(`/files/breaches/${id}/letters.pdf`, await files.cookieFor('officer'))).status).toBe(412);
  });
});

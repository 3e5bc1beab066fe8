import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useFileServer } from '../../../test/attachment-fixtures';
import { auditEntries, callerFor, clockOn, serviceContext } from '../../../test/factories';
import { accessRequest } from '../../../test/fixtures';
import { answeredWithdrawal } from '../../../test/mail-fixtures';
import { useTestDatabase } from '../../../test/test-db';
import { FileStore } from '../../files/file-store';
import { storeScan } from '../intake/scans.service';

const database = useTestDatabase();
const files = useFileServer(database);
const clock = clockOn('2026-11-25');
const get = (path: string, cookie: string) => fetch(`${files.baseUrl}${path}`, { headers: { cookie } });

describe('mail registers', () => {
  it('incoming, outgoing and acts: filters, masked names, links, and per role', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const done = await answeredWithdrawal(database.db, officer);
    await officer.cases.create(
      accessRequest({ receivedOn: '2026-10-01', requester: { kind: 'subject', name: 'Петров Пётр Петрович' } }),
    );
    await officer.cases.letters.markSent({
      letterId: done.letterId,
      method: 'post',
      sentOn: '2026-11-25',
      trackingNumber: '62000012345678',
    });

    const registrar = await callerFor(database.db, 'registrar', { clock });
    const all = await registrar.mail.registers.incoming({});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.sender)).toEqual(['И•••••а М. П.', 'П••••в П. П.']);
    expect(JSON.stringify(all)).not.toContain('Иванова');

    const withdrawals = await registrar.mail.registers.incoming({ kind: 'consent_withdrawal' });
    expect(withdrawals.rows).toEqual([
      expect.objectContaining({
        id: done.caseId,
        incomingNumber: done.incomingNumber,
        receivedOn: '2026-11-20',
        status: 'new',
      }),
    ]);
    expect((await registrar.mail.registers.incoming({ from: '2026-11-01', to: '2026-11-30' })).total).toBe(1);
    expect((await registrar.mail.registers.incoming({ status: 'closed' })).total).toBe(0);
    await expect(registrar.mail.registers.incoming({ from: '2026-12-01', to: '2026-11-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const outgoing = await registrar.mail.registers.outgoing({ status: 'sent' });
    expect(outgoing.rows).toEqual([
      expect.objectContaining({
        outgoingNumber: done.outgoingNumber,
        dateOn: '2026-11-25',
        addressee: 'И••••••й М. П.', // the letter's addressee, in the dative
        kind: 'answer',
        sentMethod: 'post',
        trackingNumber: '62000012345678',
        caseId: done.caseId,
      }),
    ]);
    expect((await registrar.mail.registers.outgoing({ status: 'not_sent' })).total).toBe(0);

    const opened = await registrar.mail.registers.reveal({ register: 'incoming', id: done.caseId });
    expect(opened.name).toBe('Иванова Мария Петровна');
    expect((await registrar.mail.registers.reveal({ register: 'outgoing', id: done.letterId })).name).toBe(
      'Ивановой Марии Петровне',
    );
    expect(await auditEntries(database.db, 'mail.register_reveal')).toHaveLength(2);

    // Acts are the officer's evidence: the auditor reads them, the registrar does not; the admin reads no mail.
    await expect(registrar.mail.registers.acts({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const auditor = await callerFor(database.db, 'auditor', { clock });
    const acts = await auditor.mail.registers.acts({ from: '2026-11-25', to: '2026-11-25' });
    expect(acts.rows).toEqual([
      expect.objectContaining({
        number: 'АУ-2026-0001',
        subject: 'И•••••а М. П.',
        systems: ['Новостная рассылка', 'Рекламные рассылки'],
        categories: ['full_name', 'email', 'phone'],
        keepUntil: '2029-11-25',
        caseId: done.caseId,
      }),
    ]);
    expect((await auditor.mail.registers.acts({ from: '2026-11-26' })).total).toBe(0);
    const admin = await callerFor(database.db, 'admin', { clock });
    await expect(admin.mail.registers.incoming({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports CSV and XLSX with the filters, audited; in clear for the officer and the auditor, masked for the registrar', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const done = await answeredWithdrawal(database.db, officer);
    const cookie = await files.cookieFor('auditor');

    const csv = await get('/files/mail/registers/incoming.csv?kind=consent_withdrawal&from=2026-11-01', cookie);
    expect(csv.status).toBe(200);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFFВх. №;Дата получения;')).toBe(true);
    expect(text).toContain(`${done.incomingNumber};20.11.2026;25.11.2026;Почта;Иванова Мария Петровна;`);
    expect(text).not.toContain('Пётр');

    const xlsx = await get('/files/mail/registers/outgoing.xlsx', cookie);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Исходящие');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Журнал исходящей корреспонденции');
    expect(sheet?.getRow(2).getCell(1).value).toBe('Исх. №');
    const numbers = sheet?.getColumn(1).values.slice(3);
    expect(numbers).toContain(done.outgoingNumber);

    const actsCsv = Buffer.from(await (await get('/files/mail/registers/acts.csv', cookie)).arrayBuffer()).toString(
      'utf8',
    );
    expect(actsCsv).toContain('Иванова Мария Петровна;Новостная рассылка, Рекламные рассылки;ФИО, e-mail, телефон');

    expect((await get('/files/mail/registers/incoming.csv?from=bad', cookie)).status).toBe(400);
    expect((await get('/files/mail/registers/incoming.pdf', cookie)).status).toBe(404);
    const exports = await auditEntries(database.db, 'mail.register_exported');
    expect(exports.map((e) => [e.objectId, e.details?.format])).toEqual([
      ['incoming', 'csv'],
      ['outgoing', 'xlsx'],
      ['acts', 'csv'],
    ]);
    expect(exports[0]?.details).toMatchObject({
      rows: text.split('\r\n').filter(Boolean).length - 1,
      filters: { kind: 'consent_withdrawal', from: '2026-11-01', masked: false },
    });

    // The registrar keeps the letter journals: the file shows people masked, as the list does; acts stay closed.
    const registrar = await files.cookieFor('registrar');
    const masked = Buffer.from(await (await get('/files/mail/registers/incoming.csv', registrar)).arrayBuffer());
    expect(masked.toString('utf8')).toContain(`${done.incomingNumber};20.11.2026;25.11.2026;Почта;И•••••а М. П.;;`);
    expect(masked.toString('utf8')).not.toContain('Иванова');
    expect((await get('/files/mail/registers/acts.csv', registrar)).status).toBe(403);
    expect((await get('/files/mail/registers/incoming.csv', await files.cookieFor('admin'))).status).toBe(403);
  });

  it('incoming shows how a letter came from the intake: paper or e-mail, signed, links to the item and scan', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
    const scan = await storeScan(
      serviceContext(database.db, { clock }),
      new FileStore(files.filesDir),
      {
        fileName: 'letter.png',
      },
      png,
    );
    const paper = await registrar.mail.intake.create({
      receivedOn: '2026-11-24',
      senderName: 'Сидорова Анна Ивановна',
      signed: false,
      representative: false,
      kind: 'consent_withdrawal',
      scopeAll: true,
      scanIds: [scan.id],
    });
    const { rows } = await registrar.mail.registers.incoming({});
    expect(rows.filter((r) => r.id === paper.caseId)).toEqual([
      expect.objectContaining({
        mailItemId: paper.id,
        mailChannel: 'post',
        signed: false,
        scanId: scan.id,
        sender: 'С••••••а А. И.',
      }),
    ]);
    // Cases entered by hand (the earlier tests' access request) have no item: the columns stay empty.
    expect(rows.find((r) => r.receivedOn === '2026-10-01')).toMatchObject({
      mailItemId: null,
      mailChannel: null,
      signed: null,
      scanId: null,
    });
    // The join adds no personal data to the list: the sender stays masked.
    expect(JSON.stringify(rows)).not.toContain('Сидорова');
    // The server's OCR job picked the scan up: let it finish before the database closes.
    await expect
      .poll(async () => (await registrar.mail.intake.scanStatus({ ids: [scan.id] }))[0]?.ocrStatus, { timeout: 30_000 })
      .not.toMatch(/queued|running/);
  });
});

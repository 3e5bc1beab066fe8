import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAttachments, cases } from '../../db/schema/cases';
import { mailItems } from '../../db/schema/mail';
import { callerFor, clockOn, serviceContext } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { FileStore } from '../files/file-store';
import { importEmails } from './email-import.service';

const database = useTestDatabase();
const clock = clockOn('2026-12-01');
const FIXTURES = path.join(import.meta.dirname, 'email/fixtures');

/** The parser's corpus: UTF-8, HTML-only, windows-1251 QP, KOI8-R base64, forwarded, attachments, duplicates. */
const folder = () =>
  fs
    .readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .map((file) => ({ file, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))) }));

let store: FileStore;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-desk-eml-'));
  store = new FileStore(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const caseCount = async () => (await database.db.select({ n: count() }).from(cases))[0]?.n ?? 0;
const itemCount = async () => (await database.db.select({ n: count() }).from(mailItems))[0]?.n ?? 0;

describe('e-mail import', () => {
  it('a paper letter and then her e-mail: the e-mail joins the open withdrawal (linked)', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const letter = await registrar.mail.intake.create({
      receivedOn: '2026-11-30',
      senderName: 'Иванова Мария Петровна',
      signed: true,
      representative: false,
      kind: 'consent_withdrawal',
      scopeAll: true,
    });
    const ivanova = folder().find((f) => f.file.startsWith('01-'));
    if (!ivanova) throw new Error('fixture 01 missing');
    const [line] = await importEmails(serviceContext(database.db, { clock }), store, [ivanova]);
    expect(line).toMatchObject({ status: 'linked', withdrawal: true, case: letter.caseId });
  });

  it('a folder in several encodings: one case per withdrawal, none for the rest; again: nothing new', async () => {
    const ctx = serviceContext(database.db, { clock });
    const before = await caseCount();
    const lines = await importEmails(ctx, store, folder());
    const byFile = Object.fromEntries(lines.map((l) => [l.file.slice(0, 2), l]));
    expect(byFile['01']?.status).toBe('duplicate'); // imported in the test above
    expect(byFile['07']).toMatchObject({ status: 'not-withdrawal', withdrawal: false, case: null });
    expect(byFile['08']).toMatchObject({ status: 'not-withdrawal', withdrawal: false, case: null });
    expect(byFile['11']?.status).toBe('duplicate'); // same content as 10, no Message-ID: by hash
    expect(byFile['12']?.status).toBe('duplicate'); // same Message-ID as 01
    const created = lines.filter((l) => l.status === 'created');
    expect(created.map((l) => l.file.slice(0, 2))).toEqual(['02', '03', '04', '05', '06', '09', '10']);
    expect(created.every((l) => l.withdrawal && typeof l.case === 'number')).toBe(true);
    expect(await caseCount()).toBe(before + created.length);

    // The PDF attached to 09 is kept with its case.
    const withPdf = byFile['09']?.case ?? 0;
    const files = await database.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, withPdf));
    expect(files.map((f) => f.mimeType)).toContain('application/pdf');
    // The forwarded message is registered for its original author, not the registry that forwarded it.
    const [forwarded] = await database.db
      .select()
      .from(mailItems)
      .where(eq(mailItems.caseId, byFile['05']?.case ?? 0));
    expect(forwarded?.email).toBe('i.petrov@yandex.ru');

    const casesAfter = await caseCount();
    const itemsAfter = await itemCount();
    const again = await importEmails(ctx, store, folder());
    expect(again.every((l) => l.status === 'duplicate')).toBe(true);
    expect(await caseCount()).toBe(casesAfter);
    expect(await itemCount()).toBe(itemsAfter);
  });

  it('rejects what is not an e-mail, and only intake roles import', async () => {
    const [line] = await importEmails(serviceContext(database.db, { clock }), store, [
      { file: 'junk.eml', bytes: new Uint8Array([0, 1, 2]) },
    ]);
    expect(line).toMatchObject({ status: 'rejected', withdrawal: false, case: null });
    const auditor = await callerFor(database.db, 'auditor', { clock });
    await expect(auditor.mail.email.import({ files: [{ name: 'a.eml', base64: 'AAAA' }] })).rejects.toThrow(
      /Недостаточно прав/,
    );
  });
});

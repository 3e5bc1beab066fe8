import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CreateMailItemInput } from '@pd-desk/shared/mail/mail.schemas';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseLetters, cases } from '../../db/schema/cases';
import { mailScans } from '../../db/schema/mail';
import { auditEntries, callerFor, clockOn, serviceContext } from '../../test/factories';
import { IVANOVA } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { FileStore } from '../files/file-store';
import { MailOcrRunner, type OcrEngine } from './intake/ocr-jobs';
import { storeScan } from './intake/scans.service';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

const LETTER_TEXT = 'Отзыв согласия на обработку персональных данных. От Ивановой Марии Петровны, 12.03.1985 г.р.';
const fakeEngine: OcrEngine = {
  available: async () => ({ available: true }),
  recognise: async (_input, onProgress) => {
    onProgress?.(0.5);
    return {
      text: LETTER_TEXT,
      fields: {
        fullName: 'Ивановой Марии Петровны',
        birthDate: '1985-03-12',
        phone: '79123456789',
        email: null,
        address: null,
      },
      withdrawal: true,
    };
  },
};

function letter(overrides: Partial<CreateMailItemInput> = {}): CreateMailItemInput {
  return {
    receivedOn: '2026-11-25',
    senderName: 'Иванова Мария Петровна',
    signed: true,
    representative: false,
    kind: 'consent_withdrawal',
    scopeAll: true,
    ...overrides,
  };
}

let store: FileStore;
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-desk-mail-'));
  store = new FileStore(dir);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('paper letters', () => {
  it('numbers every letter and starts its clock, unsigned and nameless ones too', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const signed = await registrar.mail.intake.create(letter());
    const unsigned = await registrar.mail.intake.create(letter({ signed: false, senderName: undefined }));
    expect(unsigned.incomingNumber).not.toBe(signed.incomingNumber);
    expect(Number(unsigned.incomingNumber.slice(-4))).toBe(Number(signed.incomingNumber.slice(-4)) + 1);
    // A withdrawal: 30 days from receipt (law.md), whether or not the letter is signed.
    expect(unsigned.dueOn).toBe(signed.dueOn);
    const [row] = await database.db.select().from(cases).where(eq(cases.id, unsigned.caseId));
    expect(row?.requesterName).toBe('Отправитель не указан');
    expect(row?.summary).toContain('не подписано');
    expect(row?.type).toBe('consent_withdrawal');
    expect(await auditEntries(database.db, 'mail.item_create')).toHaveLength(2);
  });

  it('refuses a representative without the authority document, and writes nothing', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const before = (await database.db.select().from(cases)).length;
    await expect(registrar.mail.intake.create(letter({ representative: true }))).rejects.toThrow(/полномочия/);
    expect(await database.db.select().from(cases)).toHaveLength(before);
  });

  it('reads a scan in the background: progress, prefill, the text searchable with the letter', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const ctx = serviceContext(database.db, { clock });
    const scan = await storeScan(ctx, store, { fileName: 'letter.png' }, PNG);
    expect((await registrar.mail.intake.scanStatus({ ids: [scan.id] }))[0]?.ocrStatus).toBe('queued');
    await new MailOcrRunner(database.db, store, fakeEngine).kick();
    const [status] = await registrar.mail.intake.scanStatus({ ids: [scan.id] });
    expect(status).toMatchObject({ ocrStatus: 'done', ocrProgress: 1 });
    const prefill = await registrar.mail.intake.scanPrefill({ ids: [scan.id] });
    expect(prefill.fields?.fullName).toBe('Ивановой Марии Петровны');
    expect(prefill.withdrawal).toBe(true);

    const saved = await registrar.mail.intake.create(
      letter({ scanIds: [scan.id], confirmedFields: ['fullName', 'birthDate'] }),
    );
    const [stored] = await database.db.select().from(mailScans).where(eq(mailScans.id, scan.id));
    expect(stored?.itemId).toBe(saved.id);
    expect(stored?.caseAttachmentId).not.toBeNull();

    const officer = await callerFor(database.db, 'officer', { clock });
    const found = await officer.mail.intake.list({ q: 'Петровны' });
    expect(found.items.map((i) => i.id)).toContain(saved.id);
    expect(found.items[0]?.sender).not.toContain('Иванова');
    const opened = await officer.mail.intake.byId({ id: saved.id });
    expect(opened.ocrText).toContain('Отзыв согласия');
    expect(opened.confirmedFields).toEqual(['fullName', 'birthDate']);

    // The registrar enters and matches, but does not read the recognised text, nor search in it.
    const asRegistrar = await registrar.mail.intake.byId({ id: saved.id });
    expect(asRegistrar.ocrText).toBeNull();
    expect(asRegistrar.senderName).toBe('Иванова Мария Петровна');
    expect((await registrar.mail.intake.list({ q: 'Петровны' })).items).toHaveLength(0);

    // A scan goes with one letter only.
    await expect(registrar.mail.intake.create(letter({ scanIds: [scan.id] }))).rejects.toThrow(/другому письму/);
  });

  it('without an OCR engine the scan is marked unavailable and the letter is entered by hand', async () => {
    const ctx = serviceContext(database.db, { clock });
    const scan = await storeScan(ctx, store, { fileName: 'other.png' }, Buffer.concat([PNG, Buffer.from([9])]));
    await new MailOcrRunner(database.db, store, {
      ...fakeEngine,
      available: async () => ({ available: false }),
    }).kick();
    const [row] = await database.db.select().from(mailScans).where(eq(mailScans.id, scan.id));
    expect(row?.ocrStatus).toBe('unavailable');
  });

  it('lets the auditor read and nobody but intake roles write', async () => {
    const auditor = await callerFor(database.db, 'auditor', { clock });
    const list = await auditor.mail.intake.list({});
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((i) => i.sender === null || i.sender.includes('•'))).toBe(true);
    await expect(auditor.mail.intake.create(letter())).rejects.toThrow(/Недостаточно прав/);
    const admin = await callerFor(database.db, 'admin', { clock });
    await expect(admin.mail.intake.create(letter())).resolves.toMatchObject({ incomingNumber: expect.any(String) });
  });
});

describe('matching', () => {
  it('suggests Иванова Мария Петровна for «Ивановой Марии Петровны», with why, and links her to the case', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const subject = await officer.subjects.create(IVANOVA);
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const saved = await registrar.mail.intake.create(
      letter({
        senderName: 'Ивановой Марии Петровны',
        birthDate: '1985-03-12',
        returnAddress: '620050 Екатеринбург ул. Техническая 14 кв 2',
      }),
    );
    const suggestions = await registrar.mail.match.suggestions({ id: saved.id });
    const hit = suggestions.find((s) => s.id === subject.id);
    expect(hit?.matchedOn).toEqual(expect.arrayContaining(['last_name', 'birth_date', 'address']));
    expect(hit?.fullName).toContain('•');
    await registrar.mail.match.confirm({ itemId: saved.id, subjectId: subject.id });
    const page = await officer.mail.intake.byId({ id: saved.id });
    expect(page).toMatchObject({ subjectId: subject.id, matchStatus: 'matched' });
  });

  it('«не удалось идентифицировать»: the identity request gets its number, the clock keeps running', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const saved = await registrar.mail.intake.create(letter({ senderName: 'Неразборчиво', signed: false }));
    const result = await registrar.mail.match.unidentified({ id: saved.id });
    expect(result.outgoingNumber).toMatch(/ИСХ-2026-/);
    expect(result.dueOn).toBe(saved.dueOn);
    const [row] = await database.db.select().from(cases).where(eq(cases.id, saved.caseId));
    expect(row).toMatchObject({ status: 'identity_check', dueOn: saved.dueOn });
    const letters = await database.db.select().from(caseLetters).where(eq(caseLetters.caseId, saved.caseId));
    expect(letters.map((l) => l.kind)).toEqual(['identity_request']);
  });

  it('creates a new subject from the letter and links it', async () => {
    const registrar = await callerFor(database.db, 'registrar', { clock });
    const saved = await registrar.mail.intake.create(letter({ senderName: 'Сидорова Анна' }));
    const linked = await registrar.mail.match.createSubject({
      itemId: saved.id,
      subject: {
        lastName: 'Сидорова',
        firstName: 'Анна',
        category: 'patient',
        source: `Письмо вх. № ${saved.incomingNumber}`,
      },
    });
    expect(linked.matchStatus).toBe('new_subject');
  });
});

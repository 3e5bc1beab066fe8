import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES } from '@pd-desk/shared/cases/case-model';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseAttachments } from '../../db/schema/cases';
import { PDF, PNG, useFileServer } from '../../test/attachment-fixtures';
import { auditEntries, callerFor } from '../../test/factories';
import { accessRequest } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';

const database = useTestDatabase();
const files = useFileServer(database);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file in the store (temporary ones included), to prove a refused upload kept nothing. */
const storedFiles = () =>
  fs.existsSync(files.filesDir)
    ? (fs.readdirSync(files.filesDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
const attachmentRows = async (caseId: number) =>
  (await database.db.select({ n: count() }).from(caseAttachments).where(eq(caseAttachments.caseId, caseId)))[0]?.n;

let caseId: number;
let officer: string;
beforeAll(async () => {
  caseId = (await (await callerFor(database.db, 'officer')).cases.create(accessRequest())).id;
  officer = await files.cookieFor('officer');
});

describe('POST /files/attachments', () => {
  it('stores the file by its content, lists it on the case and audits it; the download streams it back', async () => {
    const response = await files.upload(officer, PNG, { caseId, fileName: 'фото.jpg', description: 'Паспорт' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: number; mimeType: string; sizeBytes: number };
    expect(created).toEqual({ id: expect.any(Number), mimeType: 'image/png', sizeBytes: PNG.length });

    const onDisk = path.join(files.filesDir, sha(PNG).slice(0, 2), sha(PNG).slice(2, 4), sha(PNG));
    expect(fs.readFileSync(onDisk)).toEqual(PNG);
    const card = await (await callerFor(database.db, 'auditor')).cases.byId({ id: caseId });
    expect(card.attachments).toContainEqual(
      expect.objectContaining({ id: created.id, fileName: 'фото.jpg', description: 'Паспорт', mimeType: 'image/png' }),
    );
    expect(await auditEntries(database.db, 'case.attachment_added')).toContainEqual(
      expect.objectContaining({
        objectId: String(caseId),
        details: expect.objectContaining({ attachmentId: created.id }),
      }),
    );

    const download = await files.download(await files.cookieFor('auditor'), created.id);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    expect(await auditEntries(database.db, 'attachment.download')).toContainEqual(
      expect.objectContaining({ objectId: String(created.id) }),
    );
  });

  it('refuses a disguised executable by its content and keeps nothing', async () => {
    const before = storedFiles();
    const response = await files.upload(officer, Buffer.from('MZ\x90\x00 not a pdf'), {
      caseId,
      fileName: 'паспорт.pdf',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining('Неподдерживаемый тип файла') });
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a file over the limit with 413 and a Russian message, streamed or announced', async () => {
    const rowsBefore = await attachmentRows(caseId);
    const before = storedFiles();
    const justOver = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    PDF.copy(justOver);
    const streamed = await files.upload(officer, justOver, { caseId, fileName: 'большой.pdf' });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: 'Файл слишком большой: допускается не больше 10 МБ' });
    const announced = await files.upload(officer, Buffer.concat([justOver, Buffer.alloc(1024 * 1024)]), { caseId });
    expect(announced.status).toBe(413);
    expect(await attachmentRows(caseId)).toBe(rowsBefore);
    expect(storedFiles()).toEqual(before);
  });

  it('answers a form without a case or a file, and an unknown case, with a 4xx in Russian', async () => {
    const noCase = await files.upload(officer, PDF, {});
    expect(noCase.status).toBe(400);
    expect(await noCase.json()).toMatchObject({ error: 'Не указано обращение, к которому добавляется файл' });
    const unknown = await files.upload(officer, PDF, { caseId: 987_654_321 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'Обращение не найдено' });
    const notAForm = await fetch(`${files.baseUrl}/files/attachments`, {
      method: 'POST',
      headers: { cookie: officer, 'x-pd-desk': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ caseId }),
    });
    expect(notAForm.status).toBe(400);
    expect(await notAForm.json()).toMatchObject({ error: 'Ожидается форма с файлом (multipart/form-data)' });
  });

  it('lets officer and registrar upload; refuses anonymous, auditor and admin before storing a byte', async () => {
    const registrar = await files.upload(await files.cookieFor('registrar'), PDF, { caseId, fileName: 'скан.pdf' });
    expect(registrar.status).toBe(201);
    const rowsBefore = await attachmentRows(caseId);
    const before = storedFiles();
    const distinct = Buffer.concat([PDF, Buffer.from('refused')]);
    const anonymous = await files.upload('', distinct, { caseId });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: 'Требуется вход в систему' });
    for (const role of ['auditor', 'admin'] as const) {
      const refused = await files.upload(await files.cookieFor(role), distinct, { caseId });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: 'Недостаточно прав для этого действия' });
    }
    expect(await attachmentRows(caseId)).toBe(rowsBefore);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a cross-site upload (no CSRF header, or a foreign Origin) on the routed request', async () => {
    const before = storedFiles();
    const crossSite: Record<string, string>[] = [{}, { 'x-pd-desk': '1', origin: 'https://evil.example' }];
    for (const headers of crossSite) {
      const response = await files.upload(officer, Buffer.concat([PDF, Buffer.from('csrf')]), { caseId }, headers);
      expect(response.status).toBe(403);
    }
    // The same route reached through an encoded path is still the routed route, so still guarded.
    const encoded = await fetch(`${files.baseUrl}/%66iles/attachments`, {
      method: 'POST',
      headers: { cookie: officer },
      body: new FormData(),
    });
    expect(encoded.status).toBe(403);
    expect(storedFiles()).toEqual(before);
  });
});

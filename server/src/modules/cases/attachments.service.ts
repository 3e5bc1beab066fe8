import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type AttachmentKind } from '@pd-desk/shared/cases/case-model';
import type { AddAttachmentInput } from '@pd-desk/shared/cases/cases.schemas';
import { eq } from 'drizzle-orm';
import { caseAttachments } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { lockCase, recordCaseEvent } from './case-records';

const MIME: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * The type comes from the content (magic bytes), never from the name: a renamed .exe stays out.
 * DOCX is a ZIP whose entry names (stored uncompressed) include word/document.xml.
 */
export function detectAttachmentKind(bytes: Uint8Array): AttachmentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes).includes('word/document.xml')) return 'docx';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;

export function decodeAttachment(contentBase64: string): { bytes: Buffer; kind: AttachmentKind } {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new DomainError('BAD_REQUEST', 'Файл передан повреждённым (ожидается base64)', 'attachment_encoding');
  }
  // Checked before decoding: an oversized upload is refused without allocating it twice.
  const size = (compact.length / 4) * 3 - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0);
  if (size > ATTACHMENT_MAX_BYTES) {
    throw new DomainError(
      'BAD_REQUEST',
      `Файл слишком большой: ${MB(size)}, допускается не больше ${MB(ATTACHMENT_MAX_BYTES)}`,
      'attachment_too_large',
    );
  }
  if (size === 0) throw new DomainError('BAD_REQUEST', 'Пустой файл', 'attachment_empty');
  const bytes = Buffer.from(compact, 'base64');
  const kind = detectAttachmentKind(bytes);
  if (!kind) {
    throw new DomainError(
      'BAD_REQUEST',
      'Неподдерживаемый тип файла: допускаются PDF, PNG, JPEG, TIFF и DOCX (тип определяется по содержимому, а не по имени)',
      'attachment_type',
    );
  }
  return { bytes, kind };
}

export async function addAttachment({ db, actor }: ServiceContext, input: AddAttachmentInput) {
  const { bytes, kind } = decodeAttachment(input.contentBase64);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { id: input.id });
    const [created] = await tx
      .insert(caseAttachments)
      .values({
        caseId: row.id,
        fileName: input.fileName,
        mimeType: MIME[kind],
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        description: input.description || null,
        content: bytes,
        uploadedById: actor.userId,
      })
      .returning({ id: caseAttachments.id, mimeType: caseAttachments.mimeType, sizeBytes: caseAttachments.sizeBytes });
    if (!created) throw new Error('attachment insert returned nothing');
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'attachment_added',
      text: input.fileName,
      details: { attachmentId: created.id, mimeType: created.mimeType, sizeBytes: created.sizeBytes },
    });
    return created;
  });
}

/** The file itself, for the download route; each download is audited. */
export async function attachmentContent({ db, actor }: ServiceContext, attachmentId: number) {
  const [file] = await db
    .select({
      caseId: caseAttachments.caseId,
      fileName: caseAttachments.fileName,
      mimeType: caseAttachments.mimeType,
      content: caseAttachments.content,
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.id, attachmentId));
  if (!file) throw new DomainError('NOT_FOUND', 'Файл не найден');
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'attachment.download',
      objectType: 'case_attachment',
      objectId: attachmentId,
      details: { caseId: file.caseId },
    }),
  );
  return { ...file, content: Buffer.from(file.content) };
}

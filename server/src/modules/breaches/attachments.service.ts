import { msg } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import { breachAttachments } from '../../db/schema/breaches';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { openStoredFile, type StoredAttachmentFile } from '../cases/attachments.service';
import { FILE_CONTENT_TYPES } from '../files/file-kind';
import type { FileStore } from '../files/file-store';
import { assertNotClosed, lockBreach, recordBreachEvent } from './breach-records';

/** Stored by the same streamed upload as a case's files (ADR 0012): the row comes after the file is durable. */
export async function addBreachAttachment(
  { db, actor }: ServiceContext,
  input: { breachId: number; fileName: string; description?: string | undefined },
  file: StoredAttachmentFile,
) {
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, { id: input.breachId });
    assertNotClosed(row, 'добавить файл');
    const [created] = await tx
      .insert(breachAttachments)
      .values({
        breachId: row.id,
        fileName: input.fileName,
        mimeType: FILE_CONTENT_TYPES[file.kind],
        sizeBytes: file.size,
        sha256: file.sha256,
        description: input.description || null,
        uploadedById: actor.userId,
      })
      .returning({
        id: breachAttachments.id,
        mimeType: breachAttachments.mimeType,
        sizeBytes: breachAttachments.sizeBytes,
      });
    if (!created) throw new Error('attachment insert returned nothing');
    await recordBreachEvent(tx, actor, row.id, {
      kind: 'attachment_added',
      text: input.fileName,
      details: { attachmentId: created.id, mimeType: created.mimeType, sizeBytes: created.sizeBytes },
    });
    return created;
  });
}

export async function breachAttachmentContent({ db, actor }: ServiceContext, store: FileStore, attachmentId: number) {
  const [file] = await db
    .select({
      breachId: breachAttachments.breachId,
      fileName: breachAttachments.fileName,
      mimeType: breachAttachments.mimeType,
      sha256: breachAttachments.sha256,
    })
    .from(breachAttachments)
    .where(eq(breachAttachments.id, attachmentId));
  if (!file) throw new DomainError('NOT_FOUND', msg('files.notFound'));
  const content = await openStoredFile(store, file.sha256);
  try {
    await db.transaction((tx) =>
      appendAudit(tx, actor, {
        action: 'attachment.download',
        objectType: 'breach_attachment',
        objectId: attachmentId,
        details: { breachId: file.breachId },
      }),
    );
  } catch (error) {
    content.stream.destroy();
    throw error;
  }
  return { fileName: file.fileName, mimeType: file.mimeType, ...content };
}

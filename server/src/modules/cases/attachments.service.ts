import type { Readable } from 'node:stream';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES } from '@pd-desk/shared/cases/case-model';
import type { AttachmentUploadInput } from '@pd-desk/shared/cases/cases.schemas';
import { type MessageRef, msg } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import { caseAttachments, cases } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { FILE_CONTENT_TYPES, type FileKind } from '../files/file-kind';
import { FileMissingError, FileRejectedError, type FileRejection, type FileStore } from '../files/file-store';
import { assertWritable, lockCase, recordCaseEvent } from './case-records';

const REFUSALS: Record<FileRejection, MessageRef> = {
  too_large: msg('files.tooLarge', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }),
  empty: msg('files.empty'),
  type: msg('files.badType'),
};

/** Why a file was refused, in words for people; `reason` lets the HTTP route answer 413 for size. */
export function attachmentRefusal(reason: FileRejection): DomainError {
  return new DomainError('BAD_REQUEST', REFUSALS[reason], `attachment_${reason}`);
}

const isAttachmentKind = (kind: FileKind | null): kind is FileKind =>
  kind !== null && (ATTACHMENT_KINDS as readonly string[]).includes(kind);

/**
 * Streams an uploaded file into the store, checking size and type by content on the way; a refused
 * file never enters the store. No database work happens here: that is the point (ADR 0012).
 */
export async function storeAttachmentFile(store: FileStore, source: Readable) {
  try {
    const file = await store.putFile(source, { maxBytes: ATTACHMENT_MAX_BYTES, accept: isAttachmentKind });
    return { ...file, kind: file.kind as FileKind };
  } catch (error) {
    if (!(error instanceof FileRejectedError)) throw error;
    throw attachmentRefusal(error.reason);
  }
}

/**
 * Before a byte of the file is stored: the case exists and is not closed. `addAttachment` checks again
 * under the row lock, since the case may close while the file streams in.
 */
export async function assertCaseTakesFiles({ db }: Pick<ServiceContext, 'db'>, caseId: number) {
  const [row] = await db
    .select({ status: cases.status, incomingNumber: cases.incomingNumber })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
  assertWritable(row, 'добавить файл');
}

export type StoredAttachmentFile = Awaited<ReturnType<typeof storeAttachmentFile>>;

/** One short transaction, after the file is durable: the row, the case timeline and the audit entry. */
export async function addAttachment(
  { db, actor }: ServiceContext,
  input: AttachmentUploadInput,
  file: StoredAttachmentFile,
) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { id: input.caseId }, 'добавить файл');
    const [created] = await tx
      .insert(caseAttachments)
      .values({
        caseId: row.id,
        fileName: input.fileName,
        mimeType: FILE_CONTENT_TYPES[file.kind],
        sizeBytes: file.size,
        sha256: file.sha256,
        description: input.description || null,
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

/** A stored file's stream; a file the store has lost is a clear 404 naming the way back (the backup). */
export function openStoredFile(store: FileStore, sha256: string) {
  return store.openFile(sha256).catch((error: unknown) => {
    if (error instanceof FileMissingError) {
      throw new DomainError('NOT_FOUND', msg('files.missingInStore'));
    }
    throw error;
  });
}

/** The file itself, streamed from the store for the download route; each download is audited. */
export async function attachmentContent({ db, actor }: ServiceContext, store: FileStore, attachmentId: number) {
  const [file] = await db
    .select({
      caseId: caseAttachments.caseId,
      fileName: caseAttachments.fileName,
      mimeType: caseAttachments.mimeType,
      sha256: caseAttachments.sha256,
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.id, attachmentId));
  if (!file) throw new DomainError('NOT_FOUND', msg('files.notFound'));
  const content = await openStoredFile(store, file.sha256);
  try {
    await db.transaction((tx) =>
      appendAudit(tx, actor, {
        action: 'attachment.download',
        objectType: 'case_attachment',
        objectId: attachmentId,
        details: { caseId: file.caseId },
      }),
    );
  } catch (error) {
    content.stream.destroy();
    throw error;
  }
  return { fileName: file.fileName, mimeType: file.mimeType, ...content };
}

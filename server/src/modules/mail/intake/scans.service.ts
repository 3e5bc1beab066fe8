import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { SCAN_KINDS, SCAN_MAX_BYTES } from '@pd-desk/shared/mail/mail-model';
import { type MessageRef, msg } from '@pd-desk/shared/messages/catalogue';
import { eq, inArray } from 'drizzle-orm';
import { mailScans } from '../../../db/schema/mail';
import { DomainError } from '../../../errors';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { openStoredFile } from '../../cases/attachments.service';
import { FILE_CONTENT_TYPES, type FileKind } from '../../files/file-kind';
import { FileRejectedError, type FileRejection, type FileStore } from '../../files/file-store';
import { kickMailOcr } from './ocr-jobs';
import { pageCountOf, renderPreview } from './scan-pages';

const REFUSALS: Record<FileRejection, MessageRef> = {
  too_large: msg('scans.tooLarge', { mb: SCAN_MAX_BYTES / 1024 / 1024 }),
  empty: msg('files.empty'),
  type: msg('scans.badType'),
};

const isScanKind = (kind: FileKind | null): kind is FileKind =>
  kind !== null && (SCAN_KINDS as readonly string[]).includes(kind);

/**
 * Stores a scan (type by content, size limit), queues it for OCR and returns its id; the letter it
 * belongs to does not exist yet — the registrar is still typing it. Saving the letter attaches it.
 */
export async function storeScan(
  { db, actor }: ServiceContext,
  store: FileStore,
  input: { fileName: string; source?: string },
  content: Readable | Uint8Array,
) {
  let file: Awaited<ReturnType<FileStore['putFile']>>;
  try {
    file = await store.putFile(content, { maxBytes: SCAN_MAX_BYTES, accept: isScanKind });
  } catch (error) {
    if (!(error instanceof FileRejectedError)) throw error;
    throw new DomainError('BAD_REQUEST', REFUSALS[error.reason], `attachment_${error.reason}`);
  }
  const kind = file.kind as FileKind;
  const pageCount = await pageCountOf(store.pathOf(file.sha256), kind);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mailScans)
      .values({
        fileName: input.fileName,
        mimeType: FILE_CONTENT_TYPES[kind],
        sizeBytes: file.size,
        sha256: file.sha256,
        pageCount,
        source: input.source ?? null,
        uploadedById: actor.userId,
      })
      .returning({ id: mailScans.id, pageCount: mailScans.pageCount, mimeType: mailScans.mimeType });
    if (!row) throw new Error('scan insert returned nothing');
    await appendAudit(tx, actor, {
      action: 'mail.scan_upload',
      objectType: 'mail_scan',
      objectId: row.id,
      details: { mimeType: row.mimeType, sizeBytes: file.size, pageCount },
    });
    return row;
  });
  kickMailOcr();
  return { ...created, fileName: input.fileName, ocrStatus: 'queued' as const };
}

/** One page of a scan as an image for the preview; each view is audited (a scan is a letter with PD). */
export async function scanPreview({ db, actor }: ServiceContext, store: FileStore, scanId: number, page: number) {
  const [scan] = await db.select().from(mailScans).where(eq(mailScans.id, scanId));
  if (!scan || page < 1 || page > scan.pageCount) throw new DomainError('NOT_FOUND', msg('scans.pageNotFound'));
  const kind = (Object.entries(FILE_CONTENT_TYPES).find(([, t]) => t === scan.mimeType)?.[0] ?? 'pdf') as FileKind;
  await db.transaction((tx) =>
    appendAudit(tx, actor, { action: 'mail.scan_view', objectType: 'mail_scan', objectId: scanId, details: { page } }),
  );
  const rendered = await renderPreview(store.pathOf(scan.sha256), kind, page).catch(() => null);
  if (rendered) return { body: rendered as Buffer | Readable, type: 'image/png' };
  if (kind === 'png' || kind === 'jpeg') {
    const { stream } = await openStoredFile(store, scan.sha256);
    return { body: stream as Buffer | Readable, type: scan.mimeType };
  }
  throw new DomainError('NOT_FOUND', msg('scans.noPreview'));
}

const sourceKey = (name: string, stat: fs.Stats) => `scanner:${name}:${stat.size}:${Math.trunc(stat.mtimeMs)}`;

/** The scanner folder's files not yet taken, newest first (the next letter's scan is usually the last one). */
export async function scannerFiles({ db }: Pick<ServiceContext, 'db'>, scannerDir: string | undefined) {
  if (!scannerDir) return { configured: false, files: [] };
  const names = await fsp.readdir(scannerDir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names
      .filter((name) => /\.(pdf|png|jpe?g|tiff?)$/i.test(name))
      .map(async (name) => {
        const stat = await fsp.stat(path.join(scannerDir, name)).catch(() => null);
        return stat?.isFile() ? { name, stat, key: sourceKey(name, stat) } : null;
      }),
  );
  const files = entries.filter((e) => e !== null);
  const taken = files.length
    ? new Set(
        (
          await db
            .select({ source: mailScans.source })
            .from(mailScans)
            .where(
              inArray(
                mailScans.source,
                files.map((f) => f.key),
              ),
            )
        ).map((r) => r.source),
      )
    : new Set();
  return {
    configured: true,
    files: files
      .filter((f) => !taken.has(f.key))
      .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
      .map((f) => ({ name: f.name, sizeBytes: f.stat.size, modifiedAt: f.stat.mtime.toISOString() })),
  };
}

/** Takes a file from the scanner folder as a scan; the folder itself is left as it is (its owner cleans it). */
export async function takeScannerFile(
  ctx: ServiceContext,
  store: FileStore,
  scannerDir: string | undefined,
  name: string,
) {
  if (!scannerDir) throw new DomainError('BAD_REQUEST', msg('scans.noScannerDir'));
  // Only a plain name in that folder: no path may lead elsewhere.
  if (path.basename(name) !== name || name.startsWith('.'))
    throw new DomainError('BAD_REQUEST', msg('scans.badFileName'));
  const file = path.join(scannerDir, name);
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new DomainError('NOT_FOUND', msg('scans.fileNotFound'));
  const source = sourceKey(name, stat);
  const [already] = await ctx.db.select({ id: mailScans.id }).from(mailScans).where(eq(mailScans.source, source));
  if (already) throw new DomainError('CONFLICT', msg('scans.taken'), 'scan_taken');
  return storeScan(ctx, store, { fileName: name, source }, fs.createReadStream(file));
}

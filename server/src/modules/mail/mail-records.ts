import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { CaseType } from '@pd-desk/shared/cases/case-model';
import { type LetterFieldValues, PREFILL_FIELDS } from '@pd-desk/shared/mail/mail-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { nameStem, normaliseName } from '@pd-desk/shared/subjects/name-normalise';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { mailItems, mailScans } from '../../db/schema/mail';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { addAttachment } from '../cases/attachments.service';
import { createCase } from '../cases/cases.service';
import { FILE_CONTENT_TYPES, FILE_KINDS, type FileKind } from '../files/file-kind';

export type MailCaseInput = {
  kind: CaseType;
  channel: 'post' | 'email';
  receivedOn: string;
  senderName: string | null;
  returnAddress: string | null;
  email: string | null;
  representative: boolean;
  authorityDocument: string | null;
  summary: string;
};

/** A letter that names nobody still gets its number and its clock: the requester is then «not stated». */
export const UNNAMED_SENDER = 'Отправитель не указан';

/**
 * Registers the letter's case through the cases service inside the caller's transaction (a nested
 * savepoint): the incoming number and the legal clock are the case's, given at the moment of saving.
 */
export async function registerMailCase(ctx: ServiceContext, tx: Tx, input: MailCaseInput) {
  return createCase(
    { ...ctx, db: tx },
    {
      type: input.kind,
      channel: input.channel,
      receivedOn: input.receivedOn,
      requester: {
        kind: input.representative ? 'representative' : 'subject',
        name: input.senderName || UNNAMED_SENDER,
        address: input.returnAddress ?? undefined,
        email: input.email ?? undefined,
        authorityDocument: input.authorityDocument ?? undefined,
      },
      summary: input.summary,
      subjectIds: [],
    },
  );
}

/** The case summary says what the registrar saw: signature, postmark, scope — not the letter's personal data. */
export function letterSummary(input: {
  channel: 'post' | 'email';
  signed: boolean;
  postmarkOn?: string | null;
  scopeAll: boolean;
  scopePurposes: readonly string[];
}): string {
  const parts = [input.channel === 'post' ? 'Бумажное письмо' : 'Электронное письмо'];
  if (input.channel === 'post') parts.push(input.signed ? 'подписано' : 'не подписано');
  if (input.postmarkOn) parts.push(`штемпель ${ruDate(input.postmarkOn)}`);
  parts.push(input.scopeAll ? 'все цели' : `цели: ${input.scopePurposes.join(', ')}`);
  return parts.join('; ');
}

const kindOfMime = (mimeType: string): FileKind =>
  FILE_KINDS.find((kind) => FILE_CONTENT_TYPES[kind] === mimeType) ?? 'pdf';

/**
 * Attaches uploaded scans to the saved letter and to its case (so they show with the case), and takes
 * what OCR has read so far. A scan already given to another letter is refused: nothing is half-written.
 */
export async function attachScans(ctx: ServiceContext, tx: Tx, itemId: number, caseId: number, scanIds: number[]) {
  if (scanIds.length === 0) return [];
  const scans = await tx
    .update(mailScans)
    .set({ itemId, updatedAt: new Date() })
    .where(and(inArray(mailScans.id, scanIds), isNull(mailScans.itemId)))
    .returning();
  if (scans.length !== new Set(scanIds).size) {
    throw new DomainError('CONFLICT', msg('mail.scanTakenOrGone'), 'scan_taken');
  }
  for (const scan of scans) {
    const attachment = await addAttachment(
      { ...ctx, db: tx },
      { caseId, fileName: scan.fileName, description: 'Скан входящего письма' },
      { sha256: scan.sha256, size: scan.sizeBytes, kind: kindOfMime(scan.mimeType) },
    );
    await tx.update(mailScans).set({ caseAttachmentId: attachment.id }).where(eq(mailScans.id, scan.id));
  }
  return scans;
}

/** Each field from the first scan that read it: the proposal the registrar confirms field by field. */
export function mergeFields(list: readonly (LetterFieldValues | null)[]): LetterFieldValues | null {
  const present = list.filter((f): f is LetterFieldValues => f !== null);
  if (present.length === 0) return null;
  return Object.fromEntries(
    PREFILL_FIELDS.map((field) => [field, present.find((f) => f[field])?.[field] ?? null]),
  ) as LetterFieldValues;
}

/** Name words by stem, order-free: «Иванова Мария» (From:) and «Ивановой Марии Петровны» (a letter) meet. */
export function nameKey(name: string | null): Set<string> {
  return new Set(
    normaliseName(name ?? '')
      .split(/[\s-]+/)
      .filter((w) => w.length > 1)
      .map(nameStem),
  );
}

export async function mailItemOrThrow(tx: Tx, id: number) {
  const [row] = await tx.select().from(mailItems).where(eq(mailItems.id, id));
  if (!row) throw new DomainError('NOT_FOUND', msg('letters.notFound'));
  return row;
}

import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import { ATTACHMENT_KINDS } from '@pd-desk/shared/cases/case-model';
import { extractLetterFields } from '@pd-desk/shared/mail/letter-fields';
import type { EmailImportLine } from '@pd-desk/shared/mail/mail-model';
import { SCAN_KINDS } from '@pd-desk/shared/mail/mail-model';
import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { cases } from '../../db/schema/cases';
import { mailItems, mailScans } from '../../db/schema/mail';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { addAttachment } from '../cases/attachments.service';
import { FILE_CONTENT_TYPES, type FileKind } from '../files/file-kind';
import type { FileStore } from '../files/file-store';
import { detectEmailWithdrawal, type ParsedEmail, parseEmail } from './email/parse-email';
import { kickMailOcr } from './intake/ocr-jobs';
import { letterSummary, nameKey, registerMailCase } from './mail-records';

export type EmailFile = { file: string; bytes: Uint8Array };

type StoredAttachment = { fileName: string; sha256: string; size: number; kind: FileKind };

/**
 * Attachments go to the file store before the transaction (the store's rule: durable first, then the
 * row). Kinds the store cannot tell by content (a .txt, an .exe) are not kept; the message text is.
 */
async function storeAttachments(store: FileStore, email: ParsedEmail): Promise<StoredAttachment[]> {
  const kept: StoredAttachment[] = [];
  for (const attachment of email.attachments) {
    const file = await store
      .putFile(attachment.bytes, {
        accept: (kind) => kind !== null && (ATTACHMENT_KINDS as readonly string[]).includes(kind),
      })
      .catch(() => null);
    if (file?.kind)
      kept.push({ fileName: attachment.fileName || 'вложение', sha256: file.sha256, size: file.size, kind: file.kind });
  }
  return kept;
}

async function findDuplicate(tx: Tx, email: ParsedEmail) {
  const [row] = await tx
    .select({ id: mailItems.id, caseId: mailItems.caseId, withdrawal: mailItems.withdrawal })
    .from(mailItems)
    .where(
      email.messageId
        ? or(eq(mailItems.messageId, email.messageId), eq(mailItems.contentHash, email.contentHash))
        : eq(mailItems.contentHash, email.contentHash),
    )
    .limit(1);
  return row ?? null;
}

const sameName = (a: Set<string>, b: Set<string>) =>
  a.size >= 2 && b.size >= 2 && [...(a.size <= b.size ? a : b)].every((w) => (a.size <= b.size ? b : a).has(w));

/**
 * The open withdrawal this message continues: one from the same person — the same e-mail address, the
 * same name (any case form, any order), or the person a registrar already matched it to.
 */
async function openWithdrawalOf(tx: Tx, sender: { email: string | null; name: string | null }) {
  const rows = await tx
    .select({
      caseId: mailItems.caseId,
      email: mailItems.email,
      senderName: mailItems.senderName,
      subjectId: mailItems.subjectId,
    })
    .from(mailItems)
    .innerJoin(cases, eq(cases.id, mailItems.caseId))
    .where(
      and(
        isNotNull(mailItems.caseId),
        eq(cases.type, 'consent_withdrawal'),
        inArray(cases.status, ['new', 'identity_check', 'in_work']),
      ),
    );
  const key = nameKey(sender.name);
  const hit = rows.find((r) => (sender.email && r.email === sender.email) || sameName(nameKey(r.senderName), key));
  return hit?.caseId ?? null;
}

function receivedOnOf(email: ParsedEmail, ctx: ServiceContext): string {
  const today = ctx.clock.today();
  if (!email.date) return today;
  const day = todayIn(ctx.clock.timeZone, new Date(email.date));
  // An e-mail dated ahead (a wrong clock on the sender's side) counts as received today.
  return [day, today].sort()[0] ?? today;
}

/**
 * One message: duplicate → nothing; not a withdrawal → kept in the incoming list without a case;
 * a withdrawal → joins the same person's open withdrawal (`linked`) or registers a new case (`created`).
 */
export async function importEmail(ctx: ServiceContext, store: FileStore, input: EmailFile): Promise<EmailImportLine> {
  let email: ParsedEmail;
  try {
    email = await parseEmail(input.bytes);
  } catch (error) {
    const reason = error instanceof DomainError ? error.message : 'Не удалось разобрать письмо';
    return { file: input.file, status: 'rejected', withdrawal: false, case: null, reason };
  }
  const detection = detectEmailWithdrawal(email);
  const sender = email.originalFrom ?? email.from;
  const fields = extractLetterFields(email.originalText ?? email.text);
  const senderEmail = sender.address ? normaliseEmail(sender.address) : null;
  const senderName = fields.fullName ?? sender.name;
  const attachments = detection.withdrawal ? await storeAttachments(store, email) : [];
  const line = await ctx.db.transaction(async (tx): Promise<EmailImportLine> => {
    const duplicate = await findDuplicate(tx, email);
    if (duplicate) {
      return { file: input.file, status: 'duplicate', withdrawal: duplicate.withdrawal, case: duplicate.caseId };
    }
    const receivedOn = receivedOnOf(email, ctx);
    const scope = detection.scope;
    const scopeAll = scope === null || scope === 'all';
    const scopePurposes = Array.isArray(scope) ? scope : [];
    let caseId: number | null = null;
    let status: EmailImportLine['status'] = 'not-withdrawal';
    let incomingNumber: string | null = null;
    if (detection.withdrawal) {
      caseId = await openWithdrawalOf(tx, { email: senderEmail, name: senderName });
      status = caseId ? 'linked' : 'created';
      if (!caseId) {
        const registered = await registerMailCase(ctx, tx, {
          kind: 'consent_withdrawal',
          channel: 'email',
          receivedOn,
          senderName,
          returnAddress: fields.address,
          email: senderEmail,
          representative: false,
          authorityDocument: null,
          summary: letterSummary({ channel: 'email', signed: false, scopeAll, scopePurposes }),
        });
        caseId = registered.id;
        incomingNumber = registered.incomingNumber;
      }
    }
    const [item] = await tx
      .insert(mailItems)
      .values({
        channel: 'email',
        caseId,
        receivedOn,
        senderName,
        returnAddress: fields.address,
        birthDate: fields.birthDate,
        phone: fields.phone,
        email: senderEmail,
        signed: false,
        kind: detection.withdrawal ? 'consent_withdrawal' : 'other',
        withdrawal: detection.withdrawal,
        scopeAll,
        scopePurposes,
        ocrFields: fields,
        messageId: email.messageId,
        contentHash: email.contentHash,
        emailSubject: email.subject,
        bodyText: email.text,
        // The e-mail's own text is what the search box looks in, like a scan's recognised text.
        ocrText: `${email.subject}\n${email.text}`,
        createdById: ctx.actor.userId,
      })
      .returning({ id: mailItems.id });
    if (!item) throw new Error('mail item insert returned nothing');
    if (caseId) await keepAttachments(ctx, tx, item.id, caseId, attachments);
    await appendAudit(tx, ctx.actor, {
      action: 'mail.email_import',
      objectType: 'mail_item',
      objectId: item.id,
      details: { status, caseId, attachments: attachments.length, marker: detection.marker },
    });
    return { file: input.file, status, withdrawal: detection.withdrawal, case: caseId, incomingNumber };
  });
  if (attachments.some((a) => (SCAN_KINDS as readonly string[]).includes(a.kind))) kickMailOcr();
  return line;
}

/** Every attachment with the case; the scan-like ones (PDF, images) also queued for OCR with the letter. */
async function keepAttachments(
  ctx: ServiceContext,
  tx: Tx,
  itemId: number,
  caseId: number,
  attachments: StoredAttachment[],
) {
  for (const a of attachments) {
    const attachment = await addAttachment(
      { ...ctx, db: tx },
      { caseId, fileName: a.fileName, description: 'Вложение электронного письма' },
      { sha256: a.sha256, size: a.size, kind: a.kind },
    );
    if (!(SCAN_KINDS as readonly string[]).includes(a.kind)) continue;
    await tx.insert(mailScans).values({
      itemId,
      caseAttachmentId: attachment.id,
      fileName: a.fileName,
      mimeType: FILE_CONTENT_TYPES[a.kind],
      sizeBytes: a.size,
      sha256: a.sha256,
      uploadedById: ctx.actor.userId,
    });
  }
}

/** Messages one after another (each its own transaction): a broken file is `rejected`, the rest go on. */
export async function importEmails(ctx: ServiceContext, store: FileStore, files: EmailFile[]) {
  const lines: EmailImportLine[] = [];
  for (const file of files) lines.push(await importEmail(ctx, store, file));
  return lines;
}

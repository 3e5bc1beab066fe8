import type { Role } from '@pd-desk/shared/auth/roles';
import type { createMailItemInput } from '@pd-desk/shared/mail/mail.schemas';
import type { OcrStatus } from '@pd-desk/shared/mail/mail-model';
import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { normalisePhone } from '@pd-desk/shared/subjects/phone-normalise';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cases } from '../../../db/schema/cases';
import { mailItems, mailScans } from '../../../db/schema/mail';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { refuseFutureDate } from '../../calendar/past-dates';
import { attachScans, letterSummary, mailItemOrThrow, mergeFields, registerMailCase } from '../mail-records';
import { refreshItemText } from './ocr-jobs';

/** Who reads the letter's text (OCR, e-mail body) and searches in it; the registrar enters letters and matches. */
export const FULL_READERS: readonly Role[] = ['officer', 'admin', 'auditor'];
const readsText = (role: string) => (FULL_READERS as readonly string[]).includes(role);

/**
 * Saves one paper letter: its case (incoming number, clock) through the cases service, the letter's
 * row, its scans attached to both — one transaction. Unsigned or naming nobody, it is registered all
 * the same: the law's clock runs from receipt, not from identification.
 */
export async function createMailItem(ctx: ServiceContext, input: z.output<typeof createMailItemInput>) {
  const { db, actor, clock } = ctx;
  // The date of receipt is checked where the case is registered (registerCase); the postmark only here.
  refuseFutureDate(clock, 'postmark', input.postmarkOn);
  return db.transaction(async (tx) => {
    const registered = await registerMailCase(ctx, tx, {
      kind: input.kind,
      channel: 'post',
      receivedOn: input.receivedOn,
      senderName: input.senderName || null,
      returnAddress: input.returnAddress || null,
      email: input.email ? normaliseEmail(input.email) : null,
      representative: input.representative,
      authorityDocument: input.representative ? input.authorityDocument || null : null,
      summary: letterSummary({ channel: 'post', ...input }),
    });
    const [item] = await tx
      .insert(mailItems)
      .values({
        channel: 'post',
        caseId: registered.id,
        receivedOn: input.receivedOn,
        postmarkOn: input.postmarkOn ?? null,
        senderName: input.senderName || null,
        returnAddress: input.returnAddress || null,
        birthDate: input.birthDate ?? null,
        phone: input.phone ? (normalisePhone(input.phone) ?? input.phone) : null,
        email: input.email ? normaliseEmail(input.email) : null,
        signed: input.signed,
        representative: input.representative,
        authorityDocument: input.representative ? input.authorityDocument || null : null,
        kind: input.kind,
        withdrawal: input.kind === 'consent_withdrawal',
        scopeAll: input.scopeAll,
        scopePurposes: input.scopeAll ? [] : input.scopePurposes,
        confirmedFields: input.confirmedFields,
        createdById: actor.userId,
      })
      .returning({ id: mailItems.id });
    if (!item) throw new Error('mail item insert returned nothing');
    const scans = await attachScans(ctx, tx, item.id, registered.id, input.scanIds);
    if (scans.length > 0) {
      await tx
        .update(mailItems)
        .set({ ocrFields: mergeFields(scans.map((s) => s.ocrFields)) })
        .where(eq(mailItems.id, item.id));
      await refreshItemText(tx, item.id);
    }
    await appendAudit(tx, actor, {
      action: 'mail.item_create',
      objectType: 'mail_item',
      objectId: item.id,
      details: {
        caseId: registered.id,
        scanIds: input.scanIds,
        signed: input.signed,
        confirmedFields: input.confirmedFields,
      },
    });
    return { id: item.id, caseId: registered.id, incomingNumber: registered.incomingNumber, dueOn: registered.dueOn };
  });
}

/** The scans' OCR state across letters, worst first: what the list's column shows. */
const itemOcrStatus = sql<OcrStatus>`coalesce((select case
    when bool_or(s.ocr_status in ('queued', 'running')) then 'running'
    when bool_or(s.ocr_status = 'done') then 'done'
    when bool_or(s.ocr_status = 'failed') then 'failed'
    else 'unavailable' end
  from mail_scans s where s.item_id = ${mailItems.id}), 'none')`;

/**
 * The incoming list, newest first, senders masked until a letter is opened. The search box finds the
 * incoming number for everyone; the sender and the recognised text only for those who read letters.
 */
export async function listMailItems(
  { db, actor }: ServiceContext,
  input: { q?: string | undefined; limit: number; offset: number },
) {
  const q = input.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = like
    ? readsText(actor.role)
      ? or(ilike(cases.incomingNumber, like), ilike(mailItems.senderName, like), ilike(mailItems.ocrText, like))
      : ilike(cases.incomingNumber, like)
    : undefined;
  const rows = await db
    .select({
      id: mailItems.id,
      channel: mailItems.channel,
      receivedOn: mailItems.receivedOn,
      caseId: mailItems.caseId,
      incomingNumber: cases.incomingNumber,
      caseStatus: cases.status,
      dueOn: cases.dueOn,
      kind: mailItems.kind,
      withdrawal: mailItems.withdrawal,
      signed: mailItems.signed,
      senderName: mailItems.senderName,
      matchStatus: mailItems.matchStatus,
      ocrStatus: itemOcrStatus,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(mailItems)
    .leftJoin(cases, eq(cases.id, mailItems.caseId))
    .where(where)
    .orderBy(desc(mailItems.receivedOn), desc(mailItems.id))
    .limit(input.limit)
    .offset(input.offset);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'mail.list',
      objectType: 'mail_item',
      details: { count: rows.length, ids: rows.map((r) => r.id), searched: Boolean(q) },
    }),
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, senderName, ...row }) => ({
      ...row,
      sender: senderName ? maskFullName(senderName) : null,
    })),
  };
}

/**
 * One letter, opened (audited). The registrar gets what intake and matching need — the fields entered
 * and the scans — but not the recognised text or the e-mail body, which may hold health details.
 */
export async function mailItemView({ db, actor }: ServiceContext, id: number) {
  return db.transaction(async (tx) => {
    const item = await mailItemOrThrow(tx, id);
    const [caseRow] = item.caseId
      ? await tx
          .select({ incomingNumber: cases.incomingNumber, status: cases.status, dueOn: cases.dueOn })
          .from(cases)
          .where(eq(cases.id, item.caseId))
      : [];
    const scans = await tx
      .select({
        id: mailScans.id,
        fileName: mailScans.fileName,
        mimeType: mailScans.mimeType,
        pageCount: mailScans.pageCount,
        ocrStatus: mailScans.ocrStatus,
        caseAttachmentId: mailScans.caseAttachmentId,
      })
      .from(mailScans)
      .where(eq(mailScans.itemId, id))
      .orderBy(asc(mailScans.id));
    await appendAudit(tx, actor, { action: 'mail.item_view', objectType: 'mail_item', objectId: id });
    const { ocrText, bodyText, emailSubject, contentHash: _hash, ...entered } = item;
    const full = readsText(actor.role);
    return {
      ...entered,
      incomingNumber: caseRow?.incomingNumber ?? null,
      caseStatus: caseRow?.status ?? null,
      dueOn: caseRow?.dueOn ?? null,
      scans,
      ocrText: full ? ocrText : null,
      bodyText: full ? bodyText : null,
      emailSubject: full ? emailSubject : null,
    };
  });
}

/** Polled by the intake form while the registrar types: state and progress only, no personal data. */
export async function scanStatus({ db }: ServiceContext, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: mailScans.id, ocrStatus: mailScans.ocrStatus, ocrProgress: mailScans.ocrProgress })
    .from(mailScans)
    .where(inArray(mailScans.id, ids))
    .orderBy(asc(mailScans.id));
}

/** What OCR read on the scans, merged: fetched once when reading is done; the view is audited. */
export async function scanPrefill({ db, actor }: ServiceContext, ids: number[]) {
  return db.transaction(async (tx) => {
    const scans = ids.length
      ? await tx
          .select({
            id: mailScans.id,
            ocrFields: mailScans.ocrFields,
            ocrWithdrawal: mailScans.ocrWithdrawal,
            ocrScope: mailScans.ocrScope,
          })
          .from(mailScans)
          .where(and(inArray(mailScans.id, ids), eq(mailScans.ocrStatus, 'done')))
          .orderBy(asc(mailScans.id))
      : [];
    await appendAudit(tx, actor, { action: 'mail.scan_prefill_view', objectType: 'mail_scan', details: { ids } });
    const scope = scans.map((s) => s.ocrScope).find((s) => s !== null) ?? null;
    return {
      fields: mergeFields(scans.map((s) => s.ocrFields)),
      withdrawal: scans.some((s) => s.ocrWithdrawal),
      scope,
    };
  });
}

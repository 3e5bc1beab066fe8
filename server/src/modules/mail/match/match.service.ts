import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { createSubjectInput } from '@pd-desk/shared/subjects/subject-records.schemas';
import type { MatchField, SubjectSearchResult } from '@pd-desk/shared/subjects/subject-search.schemas';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client';
import { caseSubjects } from '../../../db/schema/cases';
import { mailItems } from '../../../db/schema/mail';
import { subjectAddresses } from '../../../db/schema/subjects';
import { DomainError } from '../../../errors';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { lockCase } from '../../cases/case-records';
import { draftLetter, insertLetter } from '../../cases/letters.service';
import { transitionLocked } from '../../cases/workflow.service';
import { createSubject } from '../../subjects/edit.service';
import { searchSubjects } from '../../subjects/search.service';
import { mailItemOrThrow } from '../mail-records';

export type MatchReason = MatchField | 'address';
export type MatchSuggestion = Omit<SubjectSearchResult, 'matchedOn'> & { matchedOn: MatchReason[] };

type LetterKeys = { senderName: string | null; phone: string | null; birthDate: string | null; email: string | null };

/** Everything the letter says, as one search-box query: name in whatever case form, phone, birth date, e-mail. */
export function letterQuery(item: LetterKeys): string {
  return [item.senderName, item.phone, item.birthDate && ruDate(item.birthDate), item.email]
    .filter(Boolean)
    .join(' ')
    .slice(0, 200);
}

const addressWords = (address: string) =>
  new Set(
    address
      .toLowerCase()
      .replace(/ё/g, 'е')
      .split(/[^0-9a-zа-я]+/)
      .filter((w) => w.length > 1 && !['ул', 'д', 'кв', 'г', 'дом', 'корп', 'обл'].includes(w)),
  );

/** The letter's return address agrees when most of its words (street, house, flat, index) are in a known one. */
export function addressAgrees(letter: string, known: readonly string[]): boolean {
  const words = addressWords(letter);
  if (words.size < 2) return false;
  return known.some((address) => {
    const theirs = addressWords(address);
    const shared = [...words].filter((w) => theirs.has(w)).length;
    return shared / words.size >= 0.6;
  });
}

/**
 * Suggestions from the subject search (masked, audited there) for what the letter says, each with why
 * it matched; the return address is compared here, the search does not index addresses.
 */
export async function matchSuggestions(ctx: ServiceContext, itemId: number): Promise<MatchSuggestion[]> {
  const [item] = await ctx.db.select().from(mailItems).where(eq(mailItems.id, itemId));
  if (!item) throw new DomainError('NOT_FOUND', msg('letters.notFound'));
  const query = letterQuery(item);
  if (!query) return [];
  const { results: found } = await searchSubjects(ctx, { query, limit: 8 });
  if (!item.returnAddress || found.length === 0) return found;
  const addresses = await ctx.db
    .select({ subjectId: subjectAddresses.subjectId, address: subjectAddresses.address })
    .from(subjectAddresses)
    .where(
      inArray(
        subjectAddresses.subjectId,
        found.map((f) => f.id),
      ),
    );
  return found.map((f) => {
    const known = addresses.filter((a) => a.subjectId === f.id).map((a) => a.address);
    return addressAgrees(item.returnAddress ?? '', known) ? { ...f, matchedOn: [...f.matchedOn, 'address'] } : f;
  });
}

/** Links the person to the letter and to its case (so the plan sees their records); one transaction. */
async function linkSubject(
  ctx: ServiceContext,
  tx: Tx,
  itemId: number,
  subjectId: number,
  status: 'matched' | 'new_subject',
) {
  const item = await mailItemOrThrow(tx, itemId);
  await tx
    .update(mailItems)
    .set({ subjectId, matchStatus: status, updatedAt: new Date() })
    .where(eq(mailItems.id, itemId));
  if (item.caseId) {
    const row = await lockCase(tx, { id: item.caseId }, 'связать с субъектом');
    const [present] = await tx
      .select()
      .from(caseSubjects)
      .where(and(eq(caseSubjects.caseId, row.id), eq(caseSubjects.subjectId, subjectId)));
    if (!present) await tx.insert(caseSubjects).values({ caseId: row.id, subjectId });
  }
  await appendAudit(tx, ctx.actor, {
    action: `mail.match_${status}`,
    objectType: 'mail_item',
    objectId: itemId,
    changes: { subjectId: { before: item.subjectId, after: subjectId } },
    details: { caseId: item.caseId },
  });
  return { itemId, subjectId, caseId: item.caseId, matchStatus: status };
}

export async function confirmMatch(ctx: ServiceContext, input: { itemId: number; subjectId: number }) {
  return ctx.db.transaction((tx) => linkSubject(ctx, tx, input.itemId, input.subjectId, 'matched'));
}

/** A person the clinic did not know: created from the letter (the form shows the letter's data to correct). */
export async function createSubjectFromLetter(
  ctx: ServiceContext,
  input: { itemId: number; subject: z.output<typeof createSubjectInput> },
) {
  return ctx.db.transaction(async (tx) => {
    const created = await createSubject({ ...ctx, db: tx }, input.subject);
    return linkSubject(ctx, tx, input.itemId, created.id, 'new_subject');
  });
}

/**
 * Nobody could be identified: the case moves to the identity check and gets its letter asking for the
 * missing details (the cases letters machinery, with an outgoing number). The clock is not stopped —
 * the law gives none for that.
 */
export async function markUnidentified(ctx: ServiceContext, itemId: number) {
  const item = await ctx.db.transaction((tx) => mailItemOrThrow(tx, itemId));
  if (!item.caseId) throw new DomainError('BAD_REQUEST', msg('mail.noCase'), 'no_case');
  const caseId = item.caseId;
  const draft = await draftLetter(ctx, caseId, 'identity_request');
  return ctx.db.transaction(async (tx) => {
    let row = await lockCase(tx, { id: caseId }, 'запросить сведения');
    if (row.status === 'new' || row.status === 'in_work') {
      await transitionLocked(tx, ctx, row, 'identity_check', undefined);
      row = await lockCase(tx, { id: caseId }, 'запросить сведения');
    }
    const letter = await insertLetter(tx, ctx.actor, row, { kind: 'identity_request', ...draft }, ctx.clock);
    await tx
      .update(mailItems)
      .set({ matchStatus: 'unidentified', updatedAt: new Date() })
      .where(eq(mailItems.id, itemId));
    await appendAudit(tx, ctx.actor, {
      action: 'mail.match_unidentified',
      objectType: 'mail_item',
      objectId: itemId,
      details: { caseId, letterId: letter.id },
    });
    return { itemId, caseId, letterId: letter.id, outgoingNumber: letter.outgoingNumber, dueOn: row.dueOn };
  });
}

import { msg } from '@pd-desk/shared/messages/catalogue';
import { nameStem } from '@pd-desk/shared/subjects/name-normalise';
import { maskPhone } from '@pd-desk/shared/subjects/phone-normalise';
import { maskBirthDate, maskEmail, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import type { mergeInput, undoMergeInput } from '@pd-desk/shared/subjects/subject-records.schemas';
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import { caseSubjects } from '../../db/schema/cases';
import {
  consents,
  type MergeMoves,
  pdRecords,
  subjectMerges,
  subjectRepresentatives,
} from '../../db/schema/subject-records';
import { subjectAddresses, subjectEmails, subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { assertNotBlocked } from '../blocks/block-queries';
import { bumpSubjectVersion, lockSubjectForEdit, staleVersion } from './edit.service';
import { fullNameOf, subjectCoreColumns } from './page.service';
import { indexSubjectNames } from './search-index';
import { selectRows } from './sql-arrays';

export type MergeReason = 'phone' | 'email' | 'name_birth_date';

/**
 * Likely duplicates of a subject: another live record with the same phone, the same e-mail, or the same name (by
 * stem, so «Фёдорова»/«Федорова» agree) and birth date. Each comes with what it shares, masked.
 */
export async function mergeCandidates({ db }: ServiceContext, subjectId: number) {
  const rows = await selectRows<{ id: number; reason: MergeReason; shared: string | null }>(
    db,
    sql`
    with me as (
      select id, last_stem, first_stem, middle_stem, birth_date from subjects where id = ${subjectId}
    )
    select p2.subject_id as id, 'phone' as reason, p2.digits as shared
      from subject_phones p1 join subject_phones p2 on p2.digits_reversed = p1.digits_reversed and p2.subject_id <> p1.subject_id
      where p1.subject_id = ${subjectId}
    union all
    select e2.subject_id, 'email', e2.raw
      from subject_emails e1 join subject_emails e2 on e2.normalised = e1.normalised and e2.subject_id <> e1.subject_id
      where e1.subject_id = ${subjectId}
    union all
    select s.id, 'name_birth_date', null
      from me join subjects s
        on s.last_stem = me.last_stem and s.first_stem = me.first_stem and s.birth_date = me.birth_date
       and (s.middle_stem is null or me.middle_stem is null or s.middle_stem = me.middle_stem)
      where s.id <> me.id and s.merged_into_id is null`,
  );
  const reasons = new Map<number, Array<{ reason: MergeReason; shared: string | null }>>();
  for (const row of rows) {
    const id = Number(row.id);
    reasons.set(id, [...(reasons.get(id) ?? []), { reason: row.reason, shared: row.shared }]);
  }
  if (reasons.size === 0) return [];
  const people = await db
    .select(subjectCoreColumns)
    .from(subjects)
    .where(and(inArray(subjects.id, [...reasons.keys()]), isNull(subjects.mergedIntoId)));
  return people
    .map((p) => ({
      id: p.id,
      version: p.version,
      name: maskFullName(fullNameOf(p)),
      birthDate: p.birthDate ? maskBirthDate(p.birthDate) : null,
      category: p.category,
      matchedOn: (reasons.get(p.id) ?? []).map((r) => ({
        reason: r.reason,
        shared: r.shared === null ? null : r.reason === 'phone' ? maskPhone(r.shared) : maskEmail(r.shared),
      })),
    }))
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length || a.id - b.id);
}

/** Moves a duplicate's rows of one table to the survivor and returns the ids that moved. */
async function moveRows(
  tx: Tx,
  table: typeof pdRecords | typeof consents | typeof subjectRepresentatives,
  from: number,
  to: number,
): Promise<number[]> {
  const moved = await tx
    .update(table)
    .set({ subjectId: to })
    .where(eq(table.subjectId, from))
    .returning({ id: table.id });
  return moved.map((m) => m.id);
}

/**
 * Contacts move unless the survivor already has the same one (same digits, e-mail, address, former surname): the
 * duplicate's copy then stays where it was, in its history, and search keeps finding the survivor by it.
 */
async function moveContacts(tx: Tx, from: number, to: number) {
  return {
    phones: await moveUnlessPresent(tx, subjectPhones, subjectPhones.digits, from, to),
    emails: await moveUnlessPresent(tx, subjectEmails, subjectEmails.normalised, from, to),
    addresses: await moveUnlessPresent(tx, subjectAddresses, subjectAddresses.address, from, to),
    formerNames: await moveUnlessPresent(tx, subjectFormerNames, subjectFormerNames.lastName, from, to),
  };
}

type ContactTable = typeof subjectPhones | typeof subjectEmails | typeof subjectAddresses | typeof subjectFormerNames;

async function moveUnlessPresent(
  tx: Tx,
  table: ContactTable,
  key: AnyPgColumn,
  from: number,
  to: number,
): Promise<number[]> {
  const present = tx.select({ key }).from(table).where(eq(table.subjectId, to));
  const moved = await tx
    .update(table)
    .set({ subjectId: to })
    .where(and(eq(table.subjectId, from), notInArray(key, present)))
    .returning({ id: table.id });
  return moved.map((r) => r.id);
}

/** Cases about the duplicate now name the survivor (a case about both keeps both links). */
async function moveCaseLinks(tx: Tx, from: number, to: number): Promise<number[]> {
  const moved = await tx
    .update(caseSubjects)
    .set({ subjectId: to })
    .where(
      and(
        eq(caseSubjects.subjectId, from),
        notInArray(
          caseSubjects.caseId,
          tx.select({ c: caseSubjects.caseId }).from(caseSubjects).where(eq(caseSubjects.subjectId, to)),
        ),
      ),
    )
    .returning({ caseId: caseSubjects.caseId });
  return moved.map((m) => m.caseId);
}

/**
 * Merges a duplicate into the survivor: records, consents, representatives, contacts and case links move; the
 * duplicate's surname, if different, becomes a former surname of the survivor so search still finds the person by
 * it; the duplicate stays (out of search) with its history. What moved is written down so the merge can be undone.
 */
export async function mergeSubjects({ db, actor }: ServiceContext, input: z.output<typeof mergeInput>) {
  return db.transaction(async (tx) => {
    // A fixed lock order (lower id first) keeps two opposite merges from deadlocking.
    const [first, second] =
      input.survivorId < input.mergedId
        ? [
            [input.survivorId, input.survivorVersion],
            [input.mergedId, input.mergedVersion],
          ]
        : [
            [input.mergedId, input.mergedVersion],
            [input.survivorId, input.survivorVersion],
          ];
    const a = await lockSubjectForEdit(tx, first[0] as number, first[1] as number);
    const b = await lockSubjectForEdit(tx, second[0] as number, second[1] as number);
    const [survivor, merged] = a.id === input.survivorId ? [a, b] : [b, a];
    // A merge moves records and contacts: blocked data stays where the block holds it.
    for (const s of [survivor, merged]) await assertNotBlocked(tx, s.id, { field: 'any' }, 'объединить записи');

    const contacts = await moveContacts(tx, merged.id, survivor.id);
    const moved: MergeMoves = {
      pdRecords: await moveRows(tx, pdRecords, merged.id, survivor.id),
      consents: await moveRows(tx, consents, merged.id, survivor.id),
      representatives: await moveRows(tx, subjectRepresentatives, merged.id, survivor.id),
      ...contacts,
      caseIds: await moveCaseLinks(tx, merged.id, survivor.id),
      addedFormerNames: [],
    };
    if (merged.lastName !== survivor.lastName) {
      const [added] = await tx
        .insert(subjectFormerNames)
        .values({ subjectId: survivor.id, lastName: merged.lastName, lastStem: nameStem(merged.lastName) })
        .onConflictDoNothing()
        .returning({ id: subjectFormerNames.id });
      if (added) moved.addedFormerNames.push(added.id);
    }
    await bumpSubjectVersion(tx, merged.id, { mergedIntoId: survivor.id });
    const version = await bumpSubjectVersion(tx, survivor.id);
    await indexSubjectNames(tx, survivor.id);

    const [merge] = await tx
      .insert(subjectMerges)
      .values({
        survivorId: survivor.id,
        mergedId: merged.id,
        reason: input.reason,
        moved,
        mergedById: actor.userId,
      })
      .returning({ id: subjectMerges.id });
    if (!merge) throw new Error('insert returned nothing');
    const details = { mergeId: merge.id, survivorId: survivor.id, mergedId: merged.id, moved: countMoves(moved) };
    await appendAudit(tx, actor, { action: 'subject.merge', objectType: 'subject', objectId: survivor.id, details });
    await appendAudit(tx, actor, {
      action: 'subject.merged_into',
      objectType: 'subject',
      objectId: merged.id,
      details,
    });
    return { mergeId: merge.id, survivorVersion: version };
  });
}

function countMoves(moved: MergeMoves): Record<string, number> {
  return Object.fromEntries(Object.entries(moved).map(([k, ids]) => [k, ids.length]));
}

/** Moves listed rows of one table back; refuses when some of them are no longer on the survivor. */
async function moveBack(
  tx: Tx,
  table:
    | typeof pdRecords
    | typeof consents
    | typeof subjectRepresentatives
    | typeof subjectPhones
    | typeof subjectEmails
    | typeof subjectAddresses
    | typeof subjectFormerNames,
  ids: number[],
  survivorId: number,
  mergedId: number,
) {
  if (ids.length === 0) return;
  const back = await tx
    .update(table)
    .set({ subjectId: mergedId })
    .where(and(inArray(table.id, ids), eq(table.subjectId, survivorId)))
    .returning({ id: table.id });
  if (back.length !== ids.length) throw movedOn();
}

function movedOn() {
  return new DomainError('CONFLICT', msg('merges.movedOn'), 'moved_on');
}

/**
 * Undoes a merge: exactly the rows that moved go back, the added former surname goes, the duplicate returns to
 * search. Refused when the survivor has itself been merged away since, or the moved rows moved on.
 */
export async function undoMerge({ db, actor, clock }: ServiceContext, input: z.output<typeof undoMergeInput>) {
  return db.transaction(async (tx) => {
    const [merge] = await tx.select().from(subjectMerges).where(eq(subjectMerges.id, input.mergeId)).for('update');
    if (!merge) throw new DomainError('NOT_FOUND', msg('merges.notFound'));
    if (merge.undoneAt) throw new DomainError('CONFLICT', msg('merges.alreadyUndone'), 'already_undone');
    const [low, high] = [merge.survivorId, merge.mergedId].sort((x, y) => x - y) as [number, number];
    const locked = await tx
      .select({ id: subjects.id, mergedIntoId: subjects.mergedIntoId })
      .from(subjects)
      .where(inArray(subjects.id, [low, high]))
      .orderBy(subjects.id)
      .for('update');
    const survivor = locked.find((s) => s.id === merge.survivorId);
    const merged = locked.find((s) => s.id === merge.mergedId);
    if (!survivor || !merged) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
    if (merged.mergedIntoId !== survivor.id) throw staleVersion();
    if (survivor.mergedIntoId !== null) throw movedOn();

    const m = merge.moved;
    await moveBack(tx, pdRecords, m.pdRecords, survivor.id, merged.id);
    await moveBack(tx, consents, m.consents, survivor.id, merged.id);
    await moveBack(tx, subjectRepresentatives, m.representatives, survivor.id, merged.id);
    await moveBack(tx, subjectPhones, m.phones, survivor.id, merged.id);
    await moveBack(tx, subjectEmails, m.emails, survivor.id, merged.id);
    await moveBack(tx, subjectAddresses, m.addresses, survivor.id, merged.id);
    await moveBack(tx, subjectFormerNames, m.formerNames, survivor.id, merged.id);
    if (m.caseIds.length > 0) {
      await tx
        .update(caseSubjects)
        .set({ subjectId: merged.id })
        .where(and(eq(caseSubjects.subjectId, survivor.id), inArray(caseSubjects.caseId, m.caseIds)));
    }
    if (m.addedFormerNames.length > 0) {
      await tx.delete(subjectFormerNames).where(inArray(subjectFormerNames.id, m.addedFormerNames));
    }
    await bumpSubjectVersion(tx, merged.id, { mergedIntoId: null });
    await bumpSubjectVersion(tx, survivor.id);
    await indexSubjectNames(tx, survivor.id);
    await indexSubjectNames(tx, merged.id);
    await tx
      .update(subjectMerges)
      .set({ undoneAt: clock.now().toISOString(), undoneById: actor.userId })
      .where(eq(subjectMerges.id, merge.id));
    const details = { mergeId: merge.id, survivorId: survivor.id, mergedId: merged.id, reason: input.reason };
    await appendAudit(tx, actor, { action: 'subject.unmerge', objectType: 'subject', objectId: survivor.id, details });
    await appendAudit(tx, actor, { action: 'subject.unmerged', objectType: 'subject', objectId: merged.id, details });
  });
}

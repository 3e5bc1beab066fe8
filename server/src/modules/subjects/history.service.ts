import { maskFieldValue } from '@pd-desk/shared/subjects/record-mask';
import { and, desc, eq, inArray, isNull, lt, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { subjectMerges, subjectRectifications } from '../../db/schema/subject-records';
import { users } from '../../db/schema/users';
import type { ServiceContext } from '../../service-context';

/** Subjects whose history shows on this page: itself and the duplicates merged into it (and not split off again). */
export async function historySubjectIds(db: Db, subjectId: number): Promise<number[]> {
  const merged = await db
    .select({ id: subjectMerges.mergedId })
    .from(subjectMerges)
    .where(and(eq(subjectMerges.survivorId, subjectId), isNull(subjectMerges.undoneAt)));
  return [subjectId, ...merged.map((m) => m.id)];
}

/** Entries that only read: shown in the history on request. */
const VIEW_ACTIONS = ['subject.view', 'subject.search'];

/**
 * The change history: the audit trail's entries about this subject (and the duplicates merged into it), with the
 * reason and evidence of each rectification. Values are masked here; old values open through a reveal.
 */
export async function getSubjectHistory(
  { db }: ServiceContext,
  input: { subjectId: number; includeViews: boolean; limit: number; cursor?: number | null | undefined },
) {
  const ids = (await historySubjectIds(db, input.subjectId)).map(String);
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorLogin: auditLog.actorLogin,
      // The person, not the login: «Ольга Смирнова» reads as who did it; the login stays for the auditors' filters.
      actorName: users.displayName,
      action: auditLog.action,
      objectId: auditLog.objectId,
      changes: auditLog.changes,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.objectType, 'subject'),
        inArray(auditLog.objectId, ids),
        input.includeViews ? undefined : notInArray(auditLog.action, VIEW_ACTIONS),
        input.cursor ? lt(auditLog.seq, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const rectificationIds = page
    .map((r) => r.details?.rectificationId)
    .filter((v): v is number => typeof v === 'number');
  const rectifications =
    rectificationIds.length === 0
      ? []
      : await db
          .select({
            id: subjectRectifications.id,
            field: subjectRectifications.field,
            oldValue: subjectRectifications.oldValue,
            newValue: subjectRectifications.newValue,
            reason: subjectRectifications.reason,
            evidence: subjectRectifications.evidence,
          })
          .from(subjectRectifications)
          .where(inArray(subjectRectifications.id, rectificationIds));
  const byId = new Map(rectifications.map((r) => [r.id, r]));
  return {
    items: page.map((r) => {
      const rect = byId.get(r.details?.rectificationId as number);
      return {
        seq: r.seq,
        at: new Date(r.at).toISOString(),
        actorLogin: r.actorLogin,
        actorName: r.actorName ?? r.actorLogin,
        action: r.action,
        subjectId: Number(r.objectId),
        changes: r.changes,
        details: r.details,
        rectification: rect
          ? {
              ...rect,
              oldValue: maskFieldValue(rect.field, rect.oldValue),
              newValue: maskFieldValue(rect.field, rect.newValue),
            }
          : null,
      };
    }),
    nextCursor: rows.length > input.limit ? page[page.length - 1]?.seq : undefined,
  };
}

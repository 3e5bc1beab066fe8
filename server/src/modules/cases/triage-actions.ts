import type { CaseRef, SaveViewInput } from '@pd-desk/shared/cases/cases.schemas';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { savedViews } from '../../db/schema/cases';
import { DomainError } from '../../trpc/errors';
import { type Actor, appendAudit } from '../audit/audit.service';
import { type CaseRow, lockCase } from './case-records';
import { assignLocked, transitionLocked } from './cases.service';

/**
 * All or nothing: every selected case is locked (in id order, so two bulk actions cannot deadlock)
 * and checked against the version the officer saw; one refusal rolls the whole batch back.
 */
async function bulk<T>(db: Db, items: readonly CaseRef[], act: (tx: Tx, row: CaseRow) => Promise<T>) {
  const ordered = [...new Map(items.map((item) => [item.id, item])).values()].sort((a, b) => a.id - b.id);
  return db.transaction(async (tx) => {
    const results: T[] = [];
    for (const item of ordered) {
      try {
        results.push(await act(tx, await lockCase(tx, item)));
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError(
            error.code,
            `${error.message}. Ни одно из выбранных обращений не изменено.`,
            error.reason,
          );
        }
        throw error;
      }
    }
    return { updated: results.length, items: results };
  });
}

export function bulkAssign(db: Db, actor: Actor, input: { items: CaseRef[]; assigneeId: number | null }) {
  return bulk(db, input.items, (tx, row) => assignLocked(tx, actor, row, input.assigneeId));
}

export function bulkClose(db: Db, actor: Actor, input: { items: CaseRef[]; reason: string }) {
  return bulk(db, input.items, (tx, row) => transitionLocked(tx, actor, row, 'closed', input.reason));
}

export async function listViews(db: Db, actor: Actor) {
  if (actor.userId === null) return [];
  return db
    .select({ id: savedViews.id, name: savedViews.name, filters: savedViews.filters })
    .from(savedViews)
    .where(eq(savedViews.userId, actor.userId))
    .orderBy(asc(savedViews.name));
}

/** Saving under an existing name replaces that view. */
export async function saveView(db: Db, actor: Actor, input: SaveViewInput) {
  const userId = actor.userId;
  if (userId === null) throw new DomainError('FORBIDDEN', 'Представления сохраняются только для пользователя');
  return db.transaction(async (tx) => {
    const [view] = await tx
      .insert(savedViews)
      .values({ userId, name: input.name, filters: input.filters })
      .onConflictDoUpdate({ target: [savedViews.userId, savedViews.name], set: { filters: input.filters } })
      .returning({ id: savedViews.id, name: savedViews.name, filters: savedViews.filters });
    if (!view) throw new Error('saved view upsert returned nothing');
    await appendAudit(tx, actor, { action: 'triage.save_view', objectType: 'saved_view', objectId: view.id });
    return view;
  });
}

export async function deleteView(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(savedViews)
      .where(and(eq(savedViews.id, id), eq(savedViews.userId, actor.userId ?? -1)))
      .returning({ id: savedViews.id });
    if (deleted.length === 0) throw new DomainError('NOT_FOUND', 'Представление не найдено');
    await appendAudit(tx, actor, { action: 'triage.delete_view', objectType: 'saved_view', objectId: id });
    return { id };
  });
}

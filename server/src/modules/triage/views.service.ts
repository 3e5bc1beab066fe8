import { msg } from '@pd-desk/shared/messages/catalogue';
import { type SaveViewInput, saveViewInput } from '@pd-desk/shared/triage/triage.schemas';
import { and, asc, eq } from 'drizzle-orm';
import { savedViews } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';

/**
 * Saved filters of the queue: each officer's own, by name. A view saved before the filters changed shape comes
 * back with `filters: null` (shown, not applicable); checking here keeps zod out of the queue's first screen.
 */
export async function listViews({ db, actor }: ServiceContext) {
  if (actor.userId === null) return [];
  const rows = await db
    .select({ id: savedViews.id, name: savedViews.name, filters: savedViews.filters })
    .from(savedViews)
    .where(eq(savedViews.userId, actor.userId))
    .orderBy(asc(savedViews.name));
  return rows.map((row) => {
    const parsed = saveViewInput.shape.filters.safeParse(row.filters);
    return { ...row, filters: parsed.success ? parsed.data : null };
  });
}

/** Saving under an existing name replaces that view. */
export async function saveView({ db, actor }: ServiceContext, input: SaveViewInput) {
  const userId = actor.userId;
  if (userId === null) throw new DomainError('FORBIDDEN', msg('views.userOnly'));
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

export async function deleteView({ db, actor }: ServiceContext, id: number) {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(savedViews)
      .where(and(eq(savedViews.id, id), eq(savedViews.userId, actor.userId ?? -1)))
      .returning({ id: savedViews.id });
    if (deleted.length === 0) throw new DomainError('NOT_FOUND', msg('views.notFound'));
    await appendAudit(tx, actor, { action: 'triage.delete_view', objectType: 'saved_view', objectId: id });
    return { id };
  });
}

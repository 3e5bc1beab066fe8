import type { CaseRef } from '@pd-desk/shared/cases/cases.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { Db, Tx } from '../../db/client';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { type CaseRow, lockCase } from '../cases/case-records';
import { assignLocked, transitionLocked } from '../cases/workflow.service';

/**
 * All or nothing: every selected case is locked (in id order, so two bulk actions cannot deadlock)
 * and checked against the version the officer saw; one refusal rolls the whole batch back.
 */
async function bulk<T>(db: Db, items: readonly CaseRef[], action: string, act: (tx: Tx, row: CaseRow) => Promise<T>) {
  const ordered = [...new Map(items.map((item) => [item.id, item])).values()].sort((a, b) => a.id - b.id);
  return db.transaction(async (tx) => {
    const results: T[] = [];
    for (const item of ordered) {
      try {
        results.push(await act(tx, await lockCase(tx, item, action)));
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError(
            error.code,
            msg('triage.bulkNothingChanged', { message: error.ref ?? error.message }),
            error.reason,
          );
        }
        throw error;
      }
    }
    return { updated: results.length, items: results };
  });
}

export function bulkAssign({ db, actor }: ServiceContext, input: { items: CaseRef[]; assigneeId: number | null }) {
  return bulk(db, input.items, 'назначить исполнителя', (tx, row) => assignLocked(tx, actor, row, input.assigneeId));
}

export function bulkClose({ db, actor, clock }: ServiceContext, input: { items: CaseRef[]; reason: string }) {
  return bulk(db, input.items, 'закрыть', (tx, row) =>
    transitionLocked(tx, { actor, clock }, row, 'closed', input.reason),
  );
}

import type { CreateBlockInput } from '@pd-desk/shared/blocks/blocks.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import { blockContacts, blockRecords, blocks, blockTargets } from '../../db/schema/blocks';
import { caseSubjects } from '../../db/schema/cases';
import { subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { getCalendar } from '../calendar/calendar.service';
import { assertOpen, lockCase } from '../cases/case-records';
import { registerCase } from '../cases/cases.service';
import { emitBlockEvent } from './block-events';
import { moveBlockRecords, recordBlockChange } from './block-rows';
import { resolveScope } from './block-scope';

/**
 * Blocks from the moment of the request (art. 21 p. 1): the blocking case is registered (or an open case named), the
 * records in scope become `blocked` (field-level blocks keep the record active, the field blocked), the contacts in
 * scope leave use, and block.created goes to the outbox — all in one transaction.
 */
export async function createBlock(ctx: ServiceContext, input: CreateBlockInput) {
  const { db, actor, clock } = ctx;
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const [subject] = await tx
      .select({ id: subjects.id, mergedIntoId: subjects.mergedIntoId })
      .from(subjects)
      .where(eq(subjects.id, input.subjectId))
      .for('update');
    if (!subject) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
    if (subject.mergedIntoId !== null) {
      throw new DomainError(
        'BAD_REQUEST',
        msg('blocks.subjectMerged', { mergedIntoId: subject.mergedIntoId }),
        'merged',
      );
    }
    const caseId = input.newCase
      ? (
          await registerCase(tx, ctx, calendar, {
            type: 'blocking',
            ...input.newCase,
            summary: input.newCase.summary || input.description,
            subjectIds: [input.subjectId],
          })
        ).id
      : (input.caseId as number);
    const caseRow = await lockCase(tx, { id: caseId }, 'заблокировать данные');
    assertOpen(caseRow, 'заблокировать данные');
    await tx.insert(caseSubjects).values({ caseId, subjectId: input.subjectId }).onConflictDoNothing();

    const scope = await resolveScope(tx, input.subjectId, input.scope);
    const notBlocked = input.reason === 'inaccurate' && !input.noHarmConfirmed;
    const [block] = await tx
      .insert(blocks)
      .values({
        caseId,
        subjectId: input.subjectId,
        reason: input.reason,
        requesterKind: caseRow.requesterKind,
        state: notBlocked ? 'not_blocked' : 'active',
        description: input.description,
        noHarmConfirmed: input.noHarmConfirmed ?? false,
        notBlockedReason: notBlocked ? (input.notBlockedReason ?? null) : null,
        createdById: actor.userId,
        createdAt: clock.now().toISOString(),
      })
      .returning({ id: blocks.id, version: blocks.version, state: blocks.state });
    if (!block) throw new Error('block insert returned nothing');
    await tx.insert(blockTargets).values(scope.targets.map((t) => ({ ...t, blockId: block.id })));
    const ref = { id: block.id, caseId, subjectId: input.subjectId, caseNumber: caseRow.incomingNumber };
    let recordIds: number[] = [];
    if (!notBlocked) {
      if (scope.records.size > 0) {
        await tx
          .insert(blockRecords)
          .values([...scope.records].map(([recordId, fields]) => ({ blockId: block.id, recordId, fields })));
      }
      if (scope.contacts.length > 0) {
        await tx.insert(blockContacts).values(scope.contacts.map((c) => ({ ...c, blockId: block.id })));
      }
      recordIds = await moveBlockRecords(
        tx,
        block,
        ['active'],
        'blocked',
        `Блокировка № ${block.id} по обращению ${caseRow.incomingNumber}`,
        clock.now(),
      );
      await emitBlockEvent(tx, 'block.created', ref);
    }
    await recordBlockChange(tx, actor, ref, {
      verb: notBlocked ? 'not_blocked' : 'create',
      text: notBlocked
        ? `Блокировка № ${block.id} не применена: блокирование нарушило бы права субъекта или третьих лиц`
        : `Данные заблокированы, блокировка № ${block.id}`,
      details: {
        subjectId: input.subjectId,
        reason: input.reason,
        state: block.state,
        targets: scope.targets.map((t) => ({ kind: t.kind, recordId: t.recordId ?? null, field: t.field ?? null })),
        recordIds,
        contacts: scope.contacts.length,
      },
    });
    return { id: block.id, version: block.version, state: block.state, caseId, caseNumber: caseRow.incomingNumber };
  });
}

import { BLOCK_OUTCOME_LABELS, isBlockInEffect } from '@pd-desk/shared/blocks/block-model';
import type {
  BlockStepInput,
  DecideBlockInput,
  LiftBlockInput,
  RectifyBlockedInput,
} from '@pd-desk/shared/blocks/blocks.schemas';
import type { DeadlineRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import type { ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { type MessageRef, msg } from '@pd-desk/shared/messages/catalogue';
import type { Tx } from '../../db/client';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { getCalendar } from '../calendar/calendar.service';
import { refuseFutureDate } from '../calendar/past-dates';
import { caseDeadline } from '../cases/case-deadline';
import type { CaseRow } from '../cases/case-records';
import { rectifyInTransaction } from '../subjects/edit.service';
import { emitBlockEvent } from './block-events';
import { type BlockNotice, issueBlockNotice } from './block-letters';
import { type BlockRow, lockBlock, moveBlockRecords, recordBlockChange, saveBlock } from './block-rows';

/**
 * The resolution of a block with its clocks (law.md; art. 21 p. 2, 3, 6): decide, then rectify and unblock, or stop
 * and destroy (or make lawful and unblock), or keep blocked until destroyed. Each step locks the block and its case,
 * writes the timeline and the audit trail, issues the notice letters and the events in one transaction.
 */

type Ctx = Pick<ServiceContext, 'actor' | 'clock'>;

const dueBy = (calendar: ProductionCalendar, rule: DeadlineRuleId, from: string) =>
  caseDeadline(calendar, { rule, receivedOn: from, extended: false }).dueOn;

function refuse(message: MessageRef, reason: string): never {
  throw new DomainError('PRECONDITION_FAILED', message, reason);
}

function assertInEffect(block: BlockRow) {
  if (!isBlockInEffect(block.state)) refuse(msg('blocks.notInEffect', { id: block.id }), 'block_not_in_effect');
}

const refOf = (block: BlockRow, caseRow: CaseRow) => ({
  id: block.id,
  caseId: block.caseId,
  subjectId: block.subjectId,
  caseNumber: caseRow.incomingNumber,
});

async function notify(
  tx: Tx,
  ctx: Ctx,
  caseRow: CaseRow,
  block: BlockRow,
  notice: BlockNotice,
  note: string,
  dueOn?: string | null,
) {
  const letters = await issueBlockNotice(tx, ctx, caseRow, block.subjectId, notice, { note, dueOn });
  return letters.map((l) => l.outgoingNumber);
}

export async function decideBlock(ctx: ServiceContext, input: DecideBlockInput) {
  const { db, clock } = ctx;
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const { block, caseRow } = await lockBlock(tx, input, 'внести итог проверки');
    if (block.state !== 'active' || block.outcome !== null) {
      refuse(msg('blocks.alreadyDecided', { id: block.id }), 'already_decided');
    }
    if (input.outcome === 'inaccuracy_confirmed' && block.reason !== 'inaccurate') {
      refuse(msg('blocks.wrongOutcome'), 'wrong_outcome');
    }
    const decidedOn = input.decidedOn ?? clock.today();
    refuseFutureDate(clock, 'decided', decidedOn);
    const clocks =
      input.outcome === 'inaccuracy_confirmed'
        ? { rectifyDueOn: dueBy(calendar, 'rectify', decidedOn) }
        : input.outcome === 'unlawful_confirmed'
          ? {
              stopDueOn: dueBy(calendar, 'stop-unlawful', decidedOn),
              destroyDueOn: dueBy(calendar, 'destroy-unlawful', decidedOn),
            }
          : {};
    let saved = await saveBlock(tx, block, { outcome: input.outcome, outcomeNote: input.note, decidedOn, ...clocks });
    const dueOn = clocks.rectifyDueOn ?? clocks.destroyDueOn ?? null;
    const letters = await notify(tx, ctx, caseRow, saved, input.outcome, input.note, dueOn);
    await recordBlockChange(tx, ctx.actor, saved, {
      verb: 'decide',
      text: `Итог проверки по блокировке № ${block.id}: ${BLOCK_OUTCOME_LABELS[input.outcome].ru}`,
      details: { outcome: input.outcome, decidedOn, ...clocks, letters },
    });
    // Not confirmed: the block ends with the reasoned answer (art. 21 p. 1 blocks only for the verification).
    if (input.outcome === 'not_confirmed') saved = await lift(tx, ctx, saved, caseRow, input.note);
    return { id: saved.id, version: saved.version, state: saved.state, ...clocks, letters };
  });
}

/** Rectification of blocked data after the inaccuracy is confirmed: the one edit a block lets through. */
export async function rectifyBlocked(ctx: ServiceContext, input: RectifyBlockedInput) {
  const { db, actor } = ctx;
  return db.transaction(async (tx) => {
    const { block, caseRow } = await lockBlock(tx, { id: input.blockId }, 'уточнить данные');
    assertInEffect(block);
    if (block.outcome !== 'inaccuracy_confirmed') {
      refuse(msg('blocks.notConfirmedYet'), 'not_confirmed_yet');
    }
    const result = await rectifyInTransaction(
      tx,
      actor,
      {
        subjectId: block.subjectId,
        version: input.subjectVersion,
        field: input.field,
        contactId: input.contactId ?? null,
        value: input.value,
        reason: `Уточнение по блокировке № ${block.id}, обращение ${caseRow.incomingNumber}`,
        evidence: input.evidence,
      },
      block.id,
    );
    const saved = await saveBlock(tx, block, { rectifiedAt: ctx.clock.now().toISOString() });
    await recordBlockChange(tx, actor, saved, {
      verb: 'rectify',
      text: `Данные уточнены по блокировке № ${block.id}`,
      details: { field: input.field, rectificationId: result.rectificationId },
    });
    return { id: saved.id, version: saved.version, subjectVersion: result.version };
  });
}

export async function stopProcessing(ctx: ServiceContext, input: BlockStepInput) {
  const { db, actor, clock } = ctx;
  return db.transaction(async (tx) => {
    const { block, caseRow } = await lockBlock(tx, input, 'прекратить обработку');
    if (block.state !== 'active' || block.outcome !== 'unlawful_confirmed' || block.stoppedAt) {
      refuse(msg('blocks.cannotStop'), 'cannot_stop');
    }
    const recordIds = await moveBlockRecords(tx, block, ['blocked'], 'processing_stopped', input.note, clock.now());
    const saved = await saveBlock(tx, block, { stoppedAt: clock.now().toISOString() });
    await emitBlockEvent(tx, 'processing.stopped', refOf(saved, caseRow));
    const letters = await notify(tx, ctx, caseRow, saved, 'stopped', input.note);
    await recordBlockChange(tx, actor, saved, {
      verb: 'stop',
      text: `Обработка прекращена, блокировка № ${block.id}`,
      details: { recordIds, letters },
    });
    return { id: saved.id, version: saved.version };
  });
}

export async function destroyData(ctx: ServiceContext, input: BlockStepInput) {
  const { db, actor, clock } = ctx;
  return db.transaction(async (tx) => {
    const { block, caseRow } = await lockBlock(tx, input, 'уничтожить данные');
    const ready = block.state === 'kept_blocked' || (block.state === 'active' && block.stoppedAt !== null);
    if (!ready) refuse(msg('blocks.cannotDestroy'), 'cannot_destroy');
    const recordIds = await moveBlockRecords(
      tx,
      block,
      ['blocked', 'processing_stopped'],
      'destroyed',
      input.note,
      clock.now(),
    );
    const saved = await saveBlock(tx, block, { state: 'destroyed', destroyedAt: clock.now().toISOString() });
    await emitBlockEvent(tx, 'record.destroyed', refOf(saved, caseRow));
    const letters = await notify(tx, ctx, caseRow, saved, 'destroyed', input.note);
    await recordBlockChange(tx, actor, saved, {
      verb: 'destroy',
      text: `Данные уничтожены, блокировка № ${block.id}`,
      details: { recordIds, letters },
    });
    return { id: saved.id, version: saved.version, state: saved.state };
  });
}

/** Destruction impossible in the term: the data stays blocked and must be destroyed within 6 months (art. 21 p. 6). */
export async function keepBlocked(ctx: ServiceContext, input: BlockStepInput) {
  const { db, actor, clock } = ctx;
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const { block, caseRow } = await lockBlock(tx, input, 'оставить данные заблокированными');
    if (block.state !== 'active' || block.outcome !== 'unlawful_confirmed') {
      refuse(msg('blocks.cannotKeep'), 'cannot_keep');
    }
    const keepUntil = dueBy(calendar, 'destroy-after-block', clock.today());
    const saved = await saveBlock(tx, block, { state: 'kept_blocked', keepUntil });
    const letters = await notify(tx, ctx, caseRow, saved, 'kept_blocked', input.note, keepUntil);
    await recordBlockChange(tx, actor, saved, {
      verb: 'keep_blocked',
      text: `Уничтожить в срок невозможно: данные заблокированы до ${keepUntil}`,
      details: { keepUntil, letters },
    });
    return { id: saved.id, version: saved.version, keepUntil };
  });
}

/** The explicit, audited unblock: it names the case, and only follows a rectification or processing made lawful. */
export async function liftBlock(ctx: ServiceContext, input: LiftBlockInput) {
  const { db } = ctx;
  return db.transaction(async (tx) => {
    const { block, caseRow } = await lockBlock(tx, input, 'снять блокировку');
    if (input.caseNumber.trim() !== caseRow.incomingNumber) {
      refuse(
        msg('blocks.wrongCase', { id: block.id, caseNumber: caseRow.incomingNumber, given: input.caseNumber }),
        'wrong_case',
      );
    }
    if (block.state !== 'active') refuse(msg('blocks.cannotLift', { id: block.id }), 'cannot_lift');
    if (block.outcome === null) refuse(msg('blocks.notDecided'), 'not_decided');
    if (block.outcome === 'inaccuracy_confirmed' && !block.rectifiedAt) {
      refuse(msg('blocks.notRectified'), 'not_rectified');
    }
    const notice: BlockNotice = block.outcome === 'inaccuracy_confirmed' ? 'rectified' : 'made_lawful';
    const letters = await notify(tx, ctx, caseRow, block, notice, input.reason);
    const saved = await lift(tx, ctx, block, caseRow, input.reason, letters);
    return { id: saved.id, version: saved.version, state: saved.state, letters };
  });
}

async function lift(
  tx: Tx,
  { actor, clock }: Ctx,
  block: BlockRow,
  caseRow: CaseRow,
  reason: string,
  letters: string[] = [],
) {
  const now = clock.now();
  const recordIds = await moveBlockRecords(tx, block, ['blocked', 'processing_stopped'], 'active', reason, now);
  const saved = await saveBlock(tx, block, {
    state: 'lifted',
    liftedAt: now.toISOString(),
    liftedById: actor.userId,
    liftCaseId: caseRow.id,
    liftReason: reason,
  });
  await emitBlockEvent(tx, 'block.lifted', refOf(saved, caseRow));
  await recordBlockChange(tx, actor, saved, {
    verb: 'lift',
    text: `Блокировка № ${block.id} снята по обращению ${caseRow.incomingNumber}`,
    details: { caseNumber: caseRow.incomingNumber, recordIds, letters },
  });
  return saved;
}

import {
  CASE_TRANSITIONS,
  type CaseStatus,
  isFinalStatus,
  transitionNeedsReason,
} from '@pd-desk/shared/cases/case-model';
import type { ExtendCaseInput, ReopenCaseInput, TransitionCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { caseLetters, cases } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { getCalendar } from '../calendar/calendar.service';
import { caseDeadline, deadlineColumns } from './case-deadline';
import {
  assertAssignable,
  assertOpen,
  type CaseRow,
  lockAnyCase,
  lockCase,
  recordCaseEvent,
  saveCase,
} from './case-records';
import { extensionNoticeDraft } from './letter-templates';
import { defaultAddressee, insertLetter } from './letters.service';

export async function assignCase(
  { db, actor }: ServiceContext,
  input: { id: number; version: number; assigneeId: number | null },
) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input, 'назначить исполнителя');
    return assignLocked(tx, actor, row, input.assigneeId);
  });
}

export async function assignLocked(tx: Tx, actor: Actor, row: CaseRow, assigneeId: number | null) {
  assertOpen(row, 'назначить исполнителя');
  await assertAssignable(tx, assigneeId);
  const saved = await saveCase(tx, row, { assigneeId });
  await recordAssigned(tx, actor, row, assigneeId);
  return { id: row.id, version: saved.version };
}

function recordAssigned(tx: Tx, actor: Actor, row: CaseRow, assigneeId: number | null) {
  return recordCaseEvent(tx, actor, row.id, {
    kind: 'assigned',
    changes: { assigneeId: { before: row.assigneeId, after: assigneeId } },
  });
}

/**
 * An unassigned case someone takes into work or extends is theirs from then on (issue 13, item 7): the officer
 * acting, when nobody was chosen before. An assigned case keeps its assignee; a registrar or the system never claims.
 */
function claimant(actor: Actor, row: CaseRow): number | null {
  return row.assigneeId === null && actor.role === 'officer' && actor.userId !== null ? actor.userId : null;
}

export async function transitionCase({ db, actor, clock }: ServiceContext, input: TransitionCaseInput) {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input, 'сменить статус');
    return transitionLocked(tx, { actor, clock }, row, input.to, input.reason);
  });
}

/** Inside the caller's transaction (`tx`), on a row it has locked. */
export async function transitionLocked(
  tx: Tx,
  { actor, clock }: Omit<ServiceContext, 'db'>,
  row: CaseRow,
  to: CaseStatus,
  reason: string | undefined,
) {
  const from = row.status;
  if (!CASE_TRANSITIONS[from].includes(to)) {
    // Closed and rejected cases never get here (lockCase refuses them), so there is always a way on.
    throw new DomainError(
      'BAD_REQUEST',
      msg('cases.illegalTransition', {
        incomingNumber: row.incomingNumber,
        from,
        to,
        allowed: CASE_TRANSITIONS[from].join(','),
      }),
      'illegal_transition',
    );
  }
  if (transitionNeedsReason(from, to) && !reason) {
    throw new DomainError('BAD_REQUEST', msg('cases.reasonRequired', { to }), 'reason_required');
  }
  if (to === 'answered') {
    const [sent] = await tx
      .select({ id: caseLetters.id })
      .from(caseLetters)
      .where(and(eq(caseLetters.caseId, row.id), eq(caseLetters.kind, 'answer'), isNotNull(caseLetters.sentOn)))
      .limit(1);
    if (!sent) {
      throw new DomainError('BAD_REQUEST', msg('cases.answerNotSent'), 'answer_not_sent');
    }
  }
  const now = clock.now();
  const claimedBy = to === 'in_work' ? claimant(actor, row) : null;
  const saved = await saveCase(tx, row, {
    ...(claimedBy === null ? {} : { assigneeId: claimedBy }),
    status: to,
    statusReason: reason || (to === 'closed' && from === 'answered' ? null : row.statusReason),
    answeredAt: to === 'answered' ? now : row.answeredAt,
    closedAt: to === 'closed' || to === 'rejected' ? now : row.closedAt,
  });
  await recordCaseEvent(tx, actor, row.id, {
    kind: 'status_changed',
    text: reason ?? null,
    changes: { status: { before: from, after: to } },
  });
  if (claimedBy !== null) await recordAssigned(tx, actor, row, claimedBy);
  return { id: row.id, version: saved.version, status: to };
}

/**
 * The one way out of a closed or rejected case: an officer's explicit step with a reason, back to
 * «В работе». The reason stays on the case timeline; the audit entry records the status change.
 */
export async function reopenCase({ db, actor }: ServiceContext, input: ReopenCaseInput) {
  return db.transaction(async (tx) => {
    const row = await lockAnyCase(tx, input);
    if (!isFinalStatus(row.status)) {
      throw new DomainError(
        'BAD_REQUEST',
        msg('cases.notFinal', { incomingNumber: row.incomingNumber }),
        'case_not_final',
      );
    }
    const saved = await saveCase(tx, row, { status: 'in_work', statusReason: null, closedAt: null });
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'reopened',
      text: input.reason,
      changes: { status: { before: row.status, after: 'in_work' } },
    });
    return { id: row.id, version: saved.version, status: saved.status };
  });
}

/** What the motivated notice will say, with the new due date, before anything is recorded. */
export async function extensionDraft({ db }: ServiceContext, input: { id: number; reason: string }) {
  const [row] = await db.select().from(cases).where(eq(cases.id, input.id));
  if (!row) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
  const deadline = caseDeadline(await getCalendar(db), { rule: row.rule, receivedOn: row.receivedOn, extended: true });
  return {
    newDueOn: deadline.dueOn,
    provisional: deadline.provisional,
    addressee: defaultAddressee(row),
    ...extensionNoticeDraft(row, input.reason, row.dueOn, deadline.dueOn),
  };
}

/**
 * +5 working days, only where the law allows, only once, and only together with the motivated
 * notice to the requester: the notice gets an outgoing number in the same transaction.
 */
export async function extendCase({ db, actor, clock }: ServiceContext, input: ExtendCaseInput) {
  const calendar = await getCalendar(db);
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input, 'продлить срок');
    assertOpen(row, 'продлить срок');
    if (row.extended) {
      throw new DomainError(
        'BAD_REQUEST',
        msg('cases.alreadyExtended', { incomingNumber: row.incomingNumber }),
        'already_extended',
      );
    }
    const deadline = caseDeadline(calendar, { rule: row.rule, receivedOn: row.receivedOn, extended: true });
    const draft = extensionNoticeDraft(row, input.reason, row.dueOn, deadline.dueOn);
    const letter = await insertLetter(
      tx,
      actor,
      row,
      {
        kind: 'extension_notice',
        title: draft.title,
        body: input.body || draft.body,
        addressee: defaultAddressee(row),
      },
      clock,
    );
    const claimedBy = claimant(actor, row);
    const saved = await saveCase(tx, row, {
      ...(claimedBy === null ? {} : { assigneeId: claimedBy }),
      extended: true,
      extensionReason: input.reason,
      ...deadlineColumns(deadline),
    });
    await recordCaseEvent(tx, actor, row.id, {
      kind: 'extended',
      text: input.reason,
      details: { letterId: letter.id, outgoingNumber: letter.outgoingNumber },
      changes: { dueOn: { before: row.dueOn, after: deadline.dueOn } },
    });
    if (claimedBy !== null) await recordAssigned(tx, actor, row, claimedBy);
    return {
      id: row.id,
      version: saved.version,
      dueOn: deadline.dueOn,
      dueProvisional: deadline.provisional,
      letterId: letter.id,
      outgoingNumber: letter.outgoingNumber,
    };
  });
}

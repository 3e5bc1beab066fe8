import type { CaseEventKind } from '@pd-desk/shared/audit/audit-actions';
import { isFinalStatus, isOpenStatus, type RequesterKind } from '@pd-desk/shared/cases/case-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskAddress, maskContact, maskDigits } from '@pd-desk/shared/subjects/record-mask';
import { MASK, maskEmail, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { AuditChanges } from '../../db/schema/audit';
import { caseEvents, cases } from '../../db/schema/cases';
import { subjects } from '../../db/schema/subjects';
import { users } from '../../db/schema/users';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { type AuditInput, appendAudit, maskChangeValues } from '../audit/audit.service';

/** Shared steps of every case change: lock with a version check, then timeline + audit together. */

export type CaseRow = typeof cases.$inferSelect;

/**
 * Locks the case row for a change named by `action` («добавить заметку»). A closed or rejected case
 * refuses every change (issue 9, item 5): the one way back is `reopenCase`, which uses lockAnyCase.
 */
export async function lockCase(tx: Tx, ref: { id: number; version?: number }, action: string): Promise<CaseRow> {
  const row = await lockAnyCase(tx, ref);
  assertWritable(row, action);
  return row;
}

export function assertWritable(row: Pick<CaseRow, 'status' | 'incomingNumber'>, action: string): void {
  if (!isFinalStatus(row.status)) return;
  throw new DomainError(
    'PRECONDITION_FAILED',
    msg('cases.readOnly', { action, incomingNumber: row.incomingNumber, status: row.status }),
    'case_read_only',
  );
}

/**
 * Locks the case row for the transaction, whatever its status. A stale `version` means someone saved
 * in between: refuse with CONFLICT rather than overwrite their change.
 */
export async function lockAnyCase(tx: Tx, ref: { id: number; version?: number }): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, ref.id)).for('update');
  if (!row) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
  if (ref.version !== undefined && row.version !== ref.version) {
    throw new DomainError('CONFLICT', msg('cases.stale', { incomingNumber: row.incomingNumber }), 'stale_version');
  }
  return row;
}

export function assertOpen(row: CaseRow, action: string): void {
  if (isOpenStatus(row.status)) return;
  throw new DomainError(
    'BAD_REQUEST',
    msg('cases.notOpen', { action, incomingNumber: row.incomingNumber, status: row.status }),
    'case_not_open',
  );
}

/** Bumps the version with the change, so a second editor holding the old version gets CONFLICT. */
export async function saveCase(tx: Tx, row: CaseRow, patch: Partial<CaseRow>): Promise<CaseRow> {
  const [saved] = await tx
    .update(cases)
    .set({ ...patch, version: row.version + 1, updatedAt: new Date() })
    .where(eq(cases.id, row.id))
    .returning();
  if (!saved) throw new Error('case update returned nothing');
  return saved;
}

export type CaseEvent = {
  kind: CaseEventKind;
  text?: string | null;
  details?: Record<string, unknown> | null;
  /** Audit `changes`; the timeline shows them too. */
  changes?: AuditInput['changes'];
};

/** Free text that may name a person or hold a diagnosis: the trail keeps only that it changed. */
const hideText = (text: string) => MASK.repeat(Math.min(text.length, 6));

/** How each case column holding personal data is written into a change record: with the list masks. */
const CASE_FIELD_MASKS: Record<string, (value: string) => string> = {
  requesterName: maskFullName,
  requesterAddress: maskAddress,
  requesterEmail: maskEmail,
  authorityDocument: maskDigits,
  summary: hideText,
  statusReason: hideText,
  extensionReason: hideText,
  /** A letter's «sent» note: the e-mail address used, or who received it in person. */
  sentNote: maskContact,
};

function maskValue(field: string, value: unknown): unknown {
  const mask = CASE_FIELD_MASKS[field];
  return mask && typeof value === 'string' && value ? mask(value) : value;
}

/**
 * Change records and event details of a case with personal data masked (issue 9, item 4): the audit
 * trail proves what happened without becoming a second copy of the case. The case row keeps the values.
 */
export function maskCaseChanges(changes: AuditChanges): AuditChanges {
  return maskChangeValues(changes, maskValue);
}

function maskCaseDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([field, value]) => [field, maskValue(field, value)]));
}

export async function recordCaseEvent(tx: Tx, actor: Actor, caseId: number, event: CaseEvent): Promise<void> {
  const changes = event.changes ? maskCaseChanges(event.changes) : null;
  const eventDetails = event.details ? maskCaseDetails(event.details) : null;
  const details = changes ? { ...eventDetails, changes } : eventDetails;
  await tx
    .insert(caseEvents)
    .values({ caseId, actorId: actor.userId, kind: event.kind, text: event.text ?? null, details });
  // Free text (notes, reasons) may name people: the audit keeps that the event happened, not the text.
  await appendAudit(tx, actor, {
    action: `case.${event.kind}`,
    objectType: 'case',
    objectId: caseId,
    changes,
    details: eventDetails,
  });
}

/** Only an active officer can be responsible for a case. */
export async function assertAssignable(tx: Tx, assigneeId: number | null | undefined): Promise<void> {
  if (assigneeId == null) return;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, assigneeId), eq(users.role, 'officer'), isNull(users.disabledAt)));
  if (!user) {
    throw new DomainError('BAD_REQUEST', msg('cases.badAssignee'), 'bad_assignee');
  }
}

export async function assertSubjectsExist(tx: Tx, subjectIds: readonly number[]): Promise<void> {
  if (subjectIds.length === 0) return;
  const found = await tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(inArray(subjects.id, [...subjectIds]));
  const missing = subjectIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new DomainError(
      'NOT_FOUND',
      msg('cases.subjectsNotFound', { missing: missing.join(', ') }),
      'subject_not_found',
    );
  }
}

/** Lists show people masked (the case page, audited, shows them in clear); an authority's name is not personal data. */
export function maskedRequester(kind: RequesterKind, name: string): string {
  return kind === 'rkn' ? name : maskFullName(name);
}

import type { BlockVerb } from '@pd-desk/shared/audit/audit-actions';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { RecordState } from '@pd-desk/shared/subjects/pd-records';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { blockRecords, blocks } from '../../db/schema/blocks';
import { cases } from '../../db/schema/cases';
import { pdRecords, processingPurposes, processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { type AuditInput, appendAudit } from '../audit/audit.service';
import { type CaseRow, lockCase, recordCaseEvent } from '../cases/case-records';
import { IN_EFFECT } from './block-queries';

export type BlockRow = typeof blocks.$inferSelect;

/** Locks the block and its case for a resolution step; a stale version is refused, never overwritten. */
export async function lockBlock(
  tx: Tx,
  ref: { id: number; version?: number },
  action: string,
): Promise<{ block: BlockRow; caseRow: CaseRow }> {
  const [block] = await tx.select().from(blocks).where(eq(blocks.id, ref.id)).for('update');
  if (!block) throw new DomainError('NOT_FOUND', msg('blocks.notFound'));
  if (ref.version !== undefined && block.version !== ref.version) {
    throw new DomainError('CONFLICT', msg('blocks.stale', { id: block.id }), 'stale_version');
  }
  const caseRow = await lockCase(tx, { id: block.caseId }, action);
  return { block, caseRow };
}

export async function saveBlock(tx: Tx, block: BlockRow, patch: Partial<BlockRow>): Promise<BlockRow> {
  const [saved] = await tx
    .update(blocks)
    .set({ ...patch, version: block.version + 1, updatedAt: new Date() })
    .where(eq(blocks.id, block.id))
    .returning();
  if (!saved) throw new Error('block vanished inside its own transaction');
  return saved;
}

/**
 * Moves the block's whole records from one state to another. Unblocking leaves a record blocked while another block
 * in effect still holds it whole.
 */
export async function moveBlockRecords(
  tx: Tx,
  block: { id: number },
  from: readonly RecordState[],
  to: RecordState,
  reason: string,
  now: Date,
): Promise<number[]> {
  const held = tx
    .select({ id: blockRecords.recordId })
    .from(blockRecords)
    .where(and(eq(blockRecords.blockId, block.id), isNull(blockRecords.fields)));
  const heldElsewhere = sql`exists (select 1 from block_records other join blocks ob on ob.id = other.block_id
      where other.record_id = ${pdRecords.id} and other.fields is null and ob.id <> ${block.id}
        and ob.state in ${IN_EFFECT})`;
  const moved = await tx
    .update(pdRecords)
    .set({
      state: to,
      stateReason: reason,
      stateChangedAt: now.toISOString(),
      version: sql`${pdRecords.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        inArray(pdRecords.id, held),
        inArray(pdRecords.state, [...from]),
        to === 'active' ? sql`not ${heldElsewhere}` : undefined,
      ),
    )
    .returning({ id: pdRecords.id });
  return moved.map((m) => m.id);
}

/** Every block change: the case timeline (audited as case.<kind>) and the block's own audit entry. */
export async function recordBlockChange(
  tx: Tx,
  actor: Actor,
  block: { id: number; caseId: number },
  event: { verb: BlockVerb; text: string; details?: Record<string, unknown>; changes?: AuditInput['changes'] },
) {
  await recordCaseEvent(tx, actor, block.caseId, {
    kind: `block_${event.verb}`,
    text: event.text,
    details: { blockId: block.id, ...event.details },
  });
  await appendAudit(tx, actor, {
    action: `block.${event.verb}`,
    objectType: 'block',
    objectId: block.id,
    changes: event.changes ?? null,
    details: { caseId: block.caseId, ...event.details },
  });
}

export async function caseNumberOf(tx: Tx, caseId: number): Promise<string> {
  const [row] = await tx.select({ n: cases.incomingNumber }).from(cases).where(eq(cases.id, caseId));
  return row?.n ?? '';
}

/** The records a block holds, with their system and purpose (codes for events, names for people). */
export function heldRecordRows(db: Db | Tx, blockId: number) {
  return db
    .select({
      id: pdRecords.id,
      systemCode: processingSystems.code,
      system: processingSystems.name,
      purposeCode: processingPurposes.code,
      purpose: processingPurposes.name,
      externalId: pdRecords.externalId,
      state: pdRecords.state,
      dataFields: pdRecords.dataFields,
      blockedFields: blockRecords.fields,
    })
    .from(blockRecords)
    .innerJoin(pdRecords, eq(pdRecords.id, blockRecords.recordId))
    .innerJoin(processingSystems, eq(processingSystems.id, pdRecords.systemId))
    .innerJoin(processingPurposes, eq(processingPurposes.id, pdRecords.purposeId))
    .where(eq(blockRecords.blockId, blockId))
    .orderBy(asc(pdRecords.id));
}

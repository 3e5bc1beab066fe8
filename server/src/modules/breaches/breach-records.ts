import type { BreachEventKind } from '@pd-desk/shared/audit/audit-actions';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { breachEvents, breaches } from '../../db/schema/breaches';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { type AuditInput, appendAudit } from '../audit/audit.service';

/** Shared steps of every incident change: lock with a version check, then timeline + audit together. */

export type BreachRow = typeof breaches.$inferSelect;

export const breachNumber = (id: number) => `И-${String(id).padStart(4, '0')}`;

export async function lockBreach(tx: Tx, ref: { id: number; version?: number }): Promise<BreachRow> {
  const [row] = await tx.select().from(breaches).where(eq(breaches.id, ref.id)).for('update');
  if (!row) throw new DomainError('NOT_FOUND', msg('breaches.notFound'));
  if (ref.version !== undefined && row.version !== ref.version) {
    throw new DomainError('CONFLICT', msg('breaches.stale', { number: breachNumber(row.id) }), 'stale_version');
  }
  return row;
}

export async function assertBreachExists(db: Db | Tx, id: number): Promise<BreachRow> {
  const [row] = await db.select().from(breaches).where(eq(breaches.id, id));
  if (!row) throw new DomainError('NOT_FOUND', msg('breaches.notFound'));
  return row;
}

export function assertNotClosed(row: BreachRow, action: string): void {
  if (row.status !== 'closed') return;
  throw new DomainError(
    'BAD_REQUEST',
    msg('breaches.closed', { action, number: breachNumber(row.id), status: 'closed' }),
    'breach_closed',
  );
}

export async function saveBreach(tx: Tx, row: BreachRow, patch: Partial<BreachRow>): Promise<BreachRow> {
  const [saved] = await tx
    .update(breaches)
    .set({ ...patch, version: row.version + 1, updatedAt: new Date() })
    .where(eq(breaches.id, row.id))
    .returning();
  if (!saved) throw new Error('breach update returned nothing');
  return saved;
}

export type BreachEvent = {
  kind: BreachEventKind;
  text?: string | null;
  details?: Record<string, unknown> | null;
  changes?: AuditInput['changes'];
};

/** Timeline row and audit entry together. Free text stays out of the audit: it may name people. */
export async function recordBreachEvent(tx: Tx, actor: Actor, breachId: number, event: BreachEvent): Promise<void> {
  const details = event.changes ? { ...event.details, changes: event.changes } : (event.details ?? null);
  await tx
    .insert(breachEvents)
    .values({ breachId, actorId: actor.userId, kind: event.kind, text: event.text ?? null, details });
  await appendAudit(tx, actor, {
    action: `breach.${event.kind}`,
    objectType: 'breach',
    objectId: breachId,
    changes: event.changes ?? null,
    details: event.details ?? null,
  });
}

/**
 * A filing's time and portal reference beside an incident row, for lists that show the clocks. The outer
 * column is written out: drizzle leaves columns unqualified in a one-table select, and `id` would bind to `f`.
 */
export const filingJson = (kind: 'notice' | 'report') =>
  sql<{
    filedAt: string;
    portalReference: string;
  } | null>`(select json_build_object('filedAt', f.filed_at, 'portalReference', f.portal_reference) from breach_filings f where f.breach_id = breaches.id and f.kind = ${kind})`;

import type { AuditAction, AuditObjectType } from '@pd-desk/shared/audit/audit-actions';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { type AuditChanges, auditLog } from '../../db/schema/audit';
import type { Actor, ServiceContext } from '../../service-context';
import { auditEntryHash, GENESIS_HASH, KEYED_CHAIN } from './audit-hash';
import { auditKey } from './audit-key';

export type AuditInput = {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId?: string | number | null;
  changes?: AuditChanges | null;
  details?: Record<string, unknown> | null;
};

// Any fixed number: all writers of the chain take this lock, so "read last hash, append" is atomic
// across server instances on PostgreSQL (PGlite serialises transactions anyway).
const AUDIT_CHAIN_LOCK = 7_277_001;

/** Takes the chain lock (until the transaction ends) and reads the newest entry. */
export async function lockedAuditHead(tx: Tx | Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash, chainVersion: auditLog.chainVersion })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ?? null;
}

/** Appends one entry inside the caller's transaction, so the audit row and the change commit together. */
export async function appendAudit(tx: Tx | Db, actor: Actor, input: AuditInput): Promise<void> {
  await appendAuditEntries(tx, [{ actor, input }]);
}

/**
 * Appends several entries under one lock and one insert: the integration API collects the entries of concurrent
 * calls and commits them together (a group commit), so auditing each call does not serialise the API on the lock.
 */
export async function appendAuditEntries(
  tx: Tx | Db,
  entries: ReadonlyArray<{ actor: Actor; input: AuditInput }>,
): Promise<void> {
  if (entries.length === 0) return;
  const last = await lockedAuditHead(tx);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map(({ actor, input }) => {
    seq += 1;
    const fields = {
      seq,
      at: new Date().toISOString(),
      actorId: actor.userId,
      actorLogin: actor.login,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId == null ? null : String(input.objectId),
      changes: input.changes ?? null,
      details: input.details ?? null,
      ip: actor.ip,
      prevHash,
      chainVersion: KEYED_CHAIN,
    };
    const hash = auditEntryHash(fields, auditKey());
    prevHash = hash;
    return { ...fields, hash };
  });
  await tx.insert(auditLog).overridingSystemValue().values(rows);
}

/** Before/after of the fields that really changed; unchanged fields stay out of the trail. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}

export type AuditFilter = {
  actorId?: number | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: number | null | undefined;
};

/** A change record with each value passed through `mask(field, value)`: how PD stays out of the trail. */
export function maskChangeValues(
  changes: AuditChanges,
  mask: (field: string, value: unknown) => unknown,
): AuditChanges {
  return Object.fromEntries(
    Object.entries(changes).map(([field, { before, after }]) => [
      field,
      { before: mask(field, before), after: mask(field, after) },
    ]),
  );
}

/**
 * Entries about people (cases, subjects, their files, letters and imports). The admin runs the system, not
 * the people in it: for these the admin sees who did what to which object and when, not the details.
 */
const PERSONAL_OBJECT_TYPES = new Set(['case', 'case_attachment', 'case_letter', 'subject', 'subject_import_job']);

/** The list's filters as SQL (the cursor apart): the export counts with the same condition. */
export function auditWhere(filter: Omit<AuditFilter, 'cursor' | 'limit'>) {
  return and(
    filter.actorId !== undefined ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.objectType ? eq(auditLog.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditLog.objectId, filter.objectId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
  );
}

export async function listAudit({ db, actor }: ServiceContext, filter: AuditFilter) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(auditWhere(filter), filter.cursor ? lt(auditLog.seq, filter.cursor) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit + 1);
  return {
    items: rows.slice(0, filter.limit).map((row) => {
      const hidden = actor.role === 'admin' && PERSONAL_OBJECT_TYPES.has(row.objectType ?? '');
      return {
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorLogin: row.actorLogin,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        changes: hidden ? null : row.changes,
        details: hidden ? null : row.details,
        /** True when this role is not shown the details of an entry about people. */
        detailsHidden: hidden,
        ip: row.ip,
      };
    }),
    nextBeforeSeq: rows.length > filter.limit ? rows[filter.limit - 1]?.seq : undefined,
  };
}

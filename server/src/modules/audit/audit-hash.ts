import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedAuditFields = {
  seq: number;
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  changes: unknown;
  details: unknown;
  ip: string | null;
  prevHash: string;
};

/**
 * Canonical JSON (sorted keys) so the hash does not depend on how a driver orders jsonb keys.
 * `at` is normalised to an ISO instant because PostgreSQL prints timestamptz in the session zone.
 */
export function auditEntryHash(entry: HashedAuditFields): string {
  const canonical = canonicalJson({ ...entry, at: new Date(entry.at).toISOString() });
  return createHash('sha256').update(canonical).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

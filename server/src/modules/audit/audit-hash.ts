import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * 1: plain SHA-256, the entries written before the chain was keyed (verifiable by anyone, forgeable by
 * anyone who can write the table). 2: HMAC-SHA256 with the audit key (ADR 0009). Once a version-2 entry
 * exists, every later entry must be version 2.
 */
export const LEGACY_CHAIN = 1;
export const KEYED_CHAIN = 2;

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
 * A keyed entry's version is inside what the HMAC covers, so it cannot be relabelled as legacy.
 */
export function auditEntryHash(entry: HashedAuditFields & { chainVersion: number }, key: Buffer): string {
  const { chainVersion, ...fields } = entry;
  const normalised = { ...fields, at: new Date(entry.at).toISOString() };
  if (chainVersion === LEGACY_CHAIN) return createHash('sha256').update(canonicalJson(normalised)).digest('hex');
  return createHmac('sha256', key)
    .update(canonicalJson({ ...normalised, chainVersion }))
    .digest('hex');
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

import { bigint, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * Append-only, hash-chained: each row's hash covers its content and the previous row's hash,
 * so editing or deleting any row breaks verification from that row on. A trigger (migration
 * 0001) refuses UPDATE, DELETE and TRUNCATE. Since chain version 2 the hash is an HMAC with a key kept
 * outside the database, so a rewrite with recomputed hashes is caught too (ADR 0009).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    actorId: integer(),
    actorLogin: text(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    changes: jsonb().$type<AuditChanges>(),
    details: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /** 1 = plain SHA-256 (entries before the key), 2 = HMAC-SHA256; see audit.hash.ts. */
    chainVersion: smallint().notNull().default(1),
  },
  (t) => [index().on(t.actorId, t.seq), index().on(t.objectType, t.objectId), index().on(t.at)],
);

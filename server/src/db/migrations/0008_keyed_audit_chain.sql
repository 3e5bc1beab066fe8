-- Existing entries stay version 1 (plain SHA-256) and verify as before; new ones are written as
-- version 2 (HMAC-SHA256 with the audit key). ADD COLUMN with a constant default touches no row,
-- so the append-only trigger is not involved.
ALTER TABLE "audit_log" ADD COLUMN "chain_version" smallint DEFAULT 1 NOT NULL;

import { sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import type { Db, Tx } from '../db/client';
import { type AuditVerifyResult, type VerifyOptions, verifyAuditChain } from '../modules/audit/audit-verify';

/**
 * Tampers inside a transaction with the append-only trigger disabled (as a superuser could), verifies
 * what that transaction sees, and rolls everything back so each test starts from the intact trail.
 */
export async function verifyAfterTampering(
  db: Db,
  tamper: (tx: Tx) => Promise<unknown>,
  options: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  let result = null as AuditVerifyResult | null;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tamper(tx);
      result = await verifyAuditChain(tx, options);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  if (!result) throw new Error('the tampering transaction did not reach verification');
  return result;
}

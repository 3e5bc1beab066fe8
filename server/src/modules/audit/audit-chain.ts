import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import type { Config } from '../../env';
import type { Actor } from '../../service-context';
import { appendAudit, lockedAuditHead } from './audit.service';
import { auditEntryHash, LEGACY_CHAIN } from './audit-hash';
import { AuditKeyError, auditKey, auditKeySource } from './audit-key';

const SYSTEM: Actor = { userId: null, login: 'system', role: 'system', ip: null };

export type AuditHead = { seq: number; hash: string };

/** The newest entry: what an anchor records and a backup's manifest names. */
export async function auditHead(db: Db): Promise<AuditHead | null> {
  const [head] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return head ?? null;
}

export type ChainKeyState = 'empty' | 'keyed' | 'rekeyed' | 'wrong-key';

/**
 * Run when a process that writes opens the database. A trail written before the key existed gets one
 * keyed `audit.rekeyed` entry marking the boundary (its legacy entries still verify as plain SHA-256).
 * A keyed head that this key does not reproduce means the key is not the one the trail was written
 * with (or the head was forged): writing on would only bury the evidence, so callers refuse.
 */
export async function ensureKeyedChain(db: Db): Promise<ChainKeyState> {
  return db.transaction(async (tx) => {
    const head = await lockedAuditHead(tx);
    if (!head) return 'empty';
    if (head.chainVersion === LEGACY_CHAIN) {
      await appendAudit(tx, SYSTEM, {
        action: 'audit.rekeyed',
        objectType: 'audit',
        details: { legacyEntries: head.seq, algorithm: 'HMAC-SHA256' },
      });
      return 'rekeyed';
    }
    const [row] = await tx.select().from(auditLog).where(eq(auditLog.seq, head.seq));
    if (!row) return 'wrong-key';
    const { hash, ...fields } = row;
    return auditEntryHash(fields, auditKey()) === hash ? 'keyed' : 'wrong-key';
  });
}

/** ensureKeyedChain for a process about to write: a wrong key stops it with a message saying what to do. */
export async function requireKeyedChain(db: Db, config: Pick<Config, 'auditKeyHex' | 'auditKeyFile'>) {
  const state = await ensureKeyedChain(db);
  if (state === 'wrong-key') throw new AuditKeyError(wrongKeyMessage(auditKeySource(config)));
  return state;
}

function wrongKeyMessage(keySource: string): string {
  return (
    `Ключ журнала аудита (${keySource}) не подходит к последней записи журнала: ` +
    'журнал подписан другим ключом или последняя запись подделана. Новые записи не добавлены. ' +
    'Укажите прежний ключ (PD_DESK_AUDIT_KEY или PD_DESK_AUDIT_KEY_FILE) и проверьте журнал: pnpm pd-desk audit verify'
  );
}

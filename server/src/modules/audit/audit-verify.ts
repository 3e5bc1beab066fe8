import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { auditEntryHash, GENESIS_HASH } from './audit-hash';

export type AuditVerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: string };

const PAGE = 5000;

/** Walks the chain in pages (constant memory) and names the first entry whose hash or link is wrong. */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(checked, expectedSeq, `запись №${expectedSeq} отсутствует (следующая — №${row.seq})`);
      }
      if (row.prevHash !== prevHash) {
        return broken(checked, row.seq, 'ссылка на предыдущую запись не совпадает');
      }
      const { hash, ...fields } = row;
      if (auditEntryHash(fields) !== hash) {
        return broken(checked, row.seq, 'содержимое записи изменено (хеш не совпадает)');
      }
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < PAGE) return { ok: true, entries: checked, lastHash: prevHash };
  }
}

function broken(entries: number, firstBrokenSeq: number, reason: string): AuditVerifyResult {
  return { ok: false, entries, firstBrokenSeq, reason };
}

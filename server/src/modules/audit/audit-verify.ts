import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { auditEntryHash, GENESIS_HASH, KEYED_CHAIN, LEGACY_CHAIN } from './audit-hash';
import { auditKey } from './audit-key';

export type AuditVerifyResult =
  | {
      ok: true;
      entries: number;
      lastHash: string;
      /** Entries written before the chain was keyed (plain SHA-256, seq 1…legacyEntries). */
      legacyEntries: number;
      /** With an expected head: where it was found and how many entries came after it. */
      anchor?: { seq: number; laterEntries: number };
    }
  | { ok: false; entries: number; firstBrokenSeq: number | null; reason: string };

export type VerifyOptions = {
  /** A head hash recorded earlier (an anchor): it must still be in the chain. */
  expectHead?: string | undefined;
};

const PAGE = 5000;

/**
 * Walks the chain in pages (constant memory) and names the first entry whose hash or link is wrong.
 * A rewrite that recomputes later hashes is caught by the key; a removed tail, which leaves a valid
 * shorter chain, only by an anchor — hence `expectHead`.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<AuditVerifyResult> {
  const key = auditKey();
  const expectHead = options.expectHead?.toLowerCase();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let legacyEntries = 0;
  let keyed = false;
  let anchorSeq: number | null = null;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      const checked = expectedSeq - 1;
      if (row.seq !== expectedSeq) {
        return broken(checked, expectedSeq, `запись №${expectedSeq} отсутствует (следующая — №${row.seq})`);
      }
      if (row.prevHash !== prevHash) {
        return broken(checked, row.seq, 'ссылка на предыдущую запись не совпадает');
      }
      if (row.chainVersion !== KEYED_CHAIN && (keyed || row.chainVersion !== LEGACY_CHAIN)) {
        return broken(checked, row.seq, 'запись без подписи ключом после перехода журнала на ключ');
      }
      const { hash, ...fields } = row;
      if (auditEntryHash(fields, key) !== hash) {
        return broken(
          checked,
          row.seq,
          row.chainVersion === KEYED_CHAIN
            ? 'подпись записи не совпадает (запись изменена или ключ другой)'
            : 'содержимое записи изменено (хеш не совпадает)',
        );
      }
      keyed ||= row.chainVersion === KEYED_CHAIN;
      if (!keyed) legacyEntries++;
      if (hash === expectHead) anchorSeq = row.seq;
      prevHash = hash;
      expectedSeq++;
    }
    if (rows.length < PAGE) break;
  }
  const entries = expectedSeq - 1;
  if (expectHead === undefined) return { ok: true, entries, lastHash: prevHash, legacyEntries };
  if (anchorSeq === null) {
    return {
      ok: false,
      entries,
      firstBrokenSeq: null,
      reason: `ожидаемый хеш ${expectHead} не найден в журнале: последние записи удалены или журнал переписан`,
    };
  }
  return {
    ok: true,
    entries,
    lastHash: prevHash,
    legacyEntries,
    anchor: { seq: anchorSeq, laterEntries: entries - anchorSeq },
  };
}

function broken(entries: number, firstBrokenSeq: number, reason: string): AuditVerifyResult {
  return { ok: false, entries, firstBrokenSeq, reason };
}

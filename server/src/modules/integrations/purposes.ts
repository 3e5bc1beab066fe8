import { msg } from '@pd-desk/shared/messages/catalogue';
import type { LegalBasis } from '@pd-desk/shared/subjects/pd-records';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { processingPurposes, processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';

export type Purpose = { id: number; code: string; defaultLegalBasis: LegalBasis; active: boolean };

/** The catalogue changes a few times a year; a permissions check should not read it every time. */
const CACHE_MS = 10_000;
const cache = new Map<string, { purpose: Purpose | null; until: number }>();

/** The purpose by its catalogue code, or 404 `unknown_purpose`. */
export async function purposeByCode(db: Db | Tx, code: string): Promise<Purpose> {
  const now = Date.now();
  let hit = cache.get(code);
  if (!hit || hit.until <= now) {
    const [row] = await db
      .select({
        id: processingPurposes.id,
        code: processingPurposes.code,
        defaultLegalBasis: processingPurposes.defaultLegalBasis,
        active: processingPurposes.active,
      })
      .from(processingPurposes)
      .where(eq(processingPurposes.code, code));
    if (cache.size > 1000) cache.clear();
    hit = { purpose: row ?? null, until: now + CACHE_MS };
    cache.set(code, hit);
  }
  if (!hit.purpose) {
    throw new DomainError('BAD_REQUEST', msg('integrations.unknownPurpose', { code }), 'unknown_purpose');
  }
  return hit.purpose;
}

export async function systemByCode(db: Db | Tx, code: string) {
  const [row] = await db
    .select({ id: processingSystems.id, code: processingSystems.code, active: processingSystems.active })
    .from(processingSystems)
    .where(eq(processingSystems.code, code));
  if (!row) throw new DomainError('NOT_FOUND', msg('integrations.unknownSystem', { code }), 'unknown_system');
  return row;
}

import { createHash } from 'node:crypto';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { apiIdempotency } from '../../db/schema/integrations';
import { DomainError } from '../../errors';

export type Answer = { status: number; body: unknown };

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Runs a write once per Idempotency-Key of a system: the same key with the same body gets the first answer again
 * (a retried POST after a timeout registers nothing twice); the same key with another body is a 409. The answer is
 * stored in the write's own transaction, so a crash leaves either both or neither.
 */
export async function idempotent(
  db: Db,
  systemId: number,
  key: string,
  body: unknown,
  work: (tx: Tx) => Promise<Answer>,
): Promise<Answer> {
  const requestHash = createHash('sha256').update(canonical(body)).digest('hex');
  const replay = async (tx: Db | Tx): Promise<Answer | null> => {
    const [row] = await tx
      .select()
      .from(apiIdempotency)
      .where(and(eq(apiIdempotency.systemId, systemId), eq(apiIdempotency.key, key)));
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      throw new DomainError('CONFLICT', msg('integrations.idempotencyConflict'), 'idempotency_conflict');
    }
    return { status: row.status, body: row.response };
  };
  const first = await replay(db);
  if (first) return first;
  try {
    return await db.transaction(async (tx) => {
      const answer = await work(tx);
      await tx
        .insert(apiIdempotency)
        .values({ systemId, key, requestHash, status: answer.status, response: answer.body });
      return answer;
    });
  } catch (error) {
    // Two concurrent requests with one key: the loser's insert hits the primary key; it answers as the winner did.
    const again = await replay(db);
    if (again) return again;
    throw error;
  }
}

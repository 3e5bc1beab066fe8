import type { ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema/integrations';
import { processingSystems } from '../../db/schema/subject-records';

export type ApiKeyRow = {
  id: number;
  systemId: number;
  systemCode: string;
  scopes: ApiScope[];
  rateLimit: number;
  expiresAt: string | null;
  revokedAt: string | null;
};

/**
 * Keys by hash, kept for a few seconds: a lookup per request would double the cost of a permissions check. Revoking
 * in this process clears the cache at once; another instance stops accepting a revoked key within CACHE_MS.
 */
const CACHE_MS = 5_000;
/** last_used_at is written at most once a minute per key: a write per request would serialise the API. */
const LAST_USED_EVERY_MS = 60_000;

const cache = new Map<string, { row: ApiKeyRow | null; until: number }>();
const lastUsedWritten = new Map<number, number>();

export function forgetApiKeys(): void {
  cache.clear();
}

export async function findApiKey(db: Db, keyHash: string): Promise<ApiKeyRow | null> {
  const now = Date.now();
  const hit = cache.get(keyHash);
  if (hit && hit.until > now) return hit.row;
  const [row] = await db
    .select({
      id: apiKeys.id,
      systemId: apiKeys.systemId,
      systemCode: processingSystems.code,
      scopes: apiKeys.scopes,
      rateLimit: apiKeys.rateLimit,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(processingSystems, eq(processingSystems.id, apiKeys.systemId))
    .where(eq(apiKeys.keyHash, keyHash));
  // Unknown hashes are cached too (briefly), so guessing keys costs the database nothing; the map is bounded.
  if (cache.size > 10_000) cache.clear();
  cache.set(keyHash, { row: row ?? null, until: now + CACHE_MS });
  return row ?? null;
}

export async function touchApiKey(db: Db, keyId: number, at: Date): Promise<void> {
  const last = lastUsedWritten.get(keyId) ?? 0;
  if (at.getTime() - last < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(keyId, at.getTime());
  await db.update(apiKeys).set({ lastUsedAt: at.toISOString() }).where(sql`${apiKeys.id} = ${keyId}`);
}

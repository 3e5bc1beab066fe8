import { createHash, randomBytes } from 'node:crypto';
import { parseInstant } from '@pd-desk/shared/calendar/instant';
import { addDays } from '@pd-desk/shared/calendar/iso-date';
import { DEFAULT_RATE_LIMIT } from '@pd-desk/shared/integrations/api-scopes';
import type { CreateApiKeyInput } from '@pd-desk/shared/integrations/integrations.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema/integrations';
import { processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { forgetApiKeys } from './api-key-cache';

/** Keys look like `pdd_<43 base64url characters>`: 256 random bits, recognisable in a leaked log. */
const KEY_PREFIX = 'pdd_';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

function newKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Creates the system's key and returns it in clear text once; only its hash is stored. */
export async function createApiKey({ db, actor, clock }: ServiceContext, input: CreateApiKeyInput) {
  if (input.expiresOn && input.expiresOn < clock.today()) {
    throw new DomainError('BAD_REQUEST', msg('integrations.keyExpired'), 'expired');
  }
  // The key works through the whole last day in the operator's zone.
  const expiresAt = input.expiresOn
    ? parseInstant(`${addDays(input.expiresOn, 1)}T00:00`, clock.timeZone).toISOString()
    : null;
  const key = newKey();
  return db.transaction(async (tx) => {
    const [system] = await tx
      .select({ id: processingSystems.id, active: processingSystems.active, code: processingSystems.code })
      .from(processingSystems)
      .where(eq(processingSystems.id, input.systemId));
    if (!system?.active) throw new DomainError('BAD_REQUEST', msg('integrations.chooseSystem'), 'system');
    const [live] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.systemId, system.id), isNull(apiKeys.revokedAt)));
    if (live) {
      throw new DomainError('CONFLICT', msg('integrations.keyExists', { code: system.code }), 'key_exists');
    }
    const values = {
      systemId: system.id,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      keyHash: hashApiKey(key),
      scopes: [...new Set(input.scopes)],
      rateLimit: input.rateLimit ?? DEFAULT_RATE_LIMIT,
      expiresAt,
      createdById: actor.userId,
    };
    const [row] = await tx.insert(apiKeys).values(values).returning({ id: apiKeys.id });
    if (!row) throw new Error('api key insert returned nothing');
    const { keyHash: _hash, ...audited } = values;
    await appendAudit(tx, actor, {
      action: 'api_key.create',
      objectType: 'api_key',
      objectId: row.id,
      details: audited,
    });
    return { id: row.id, key, prefix: values.prefix, system: system.code };
  });
}

export async function listApiKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      systemId: apiKeys.systemId,
      systemCode: processingSystems.code,
      systemName: processingSystems.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      rateLimit: apiKeys.rateLimit,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(processingSystems, eq(processingSystems.id, apiKeys.systemId))
    .orderBy(desc(apiKeys.id));
}

export async function revokeApiKey({ db, actor, clock }: ServiceContext, keyId: number) {
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: clock.now().toISOString(), revokedById: actor.userId })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (!row) throw new DomainError('NOT_FOUND', msg('integrations.keyNotFound'), 'no_key');
    await appendAudit(tx, actor, { action: 'api_key.revoke', objectType: 'api_key', objectId: keyId });
    return row;
  });
  // This instance stops accepting the key at once; others within the cache's few seconds.
  forgetApiKeys();
  return revoked;
}

/** The system code a key belongs to, for the CLI's `api-key revoke --system`. */
export async function liveKeyOfSystem(db: Db, systemCode: string) {
  const [row] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .innerJoin(processingSystems, eq(processingSystems.id, apiKeys.systemId))
    .where(and(eq(processingSystems.code, systemCode), isNull(apiKeys.revokedAt)));
  return row?.id ?? null;
}

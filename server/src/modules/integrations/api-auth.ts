import type { ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { Actor } from '../../service-context';
import { type ApiKeyRow, findApiKey, touchApiKey } from './api-key-cache';
import { hashApiKey } from './api-keys.service';
import type { RateLimiter } from './rate-limit';

export type ApiCaller = { key: ApiKeyRow; actor: Actor };

/** A refusal of the key itself: 401 (who are you?) or 403 (not allowed), 429 with a retry time. */
export class ApiAuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

function presentedKey(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1] ?? null;
  }
  const alt = req.headers['x-api-key'];
  return typeof alt === 'string' && alt.length > 0 ? alt : null;
}

/** The key from `Authorization: Bearer …`, checked for existence, revocation, expiry, scope and rate. */
export async function authenticate(
  db: Db,
  limiter: RateLimiter,
  req: FastifyRequest,
  scope: ApiScope,
  now: Date,
): Promise<ApiCaller> {
  const key = presentedKey(req);
  if (!key) throw new ApiAuthError(401, 'missing_key', 'Нужен ключ API: заголовок Authorization: Bearer <ключ>');
  if (key.length > 200) throw new ApiAuthError(401, 'invalid_key', 'Ключ API не найден');
  const row = await findApiKey(db, hashApiKey(key));
  if (!row) throw new ApiAuthError(401, 'invalid_key', 'Ключ API не найден');
  if (row.revokedAt) throw new ApiAuthError(401, 'revoked_key', 'Ключ API отозван');
  if (row.expiresAt && new Date(row.expiresAt) <= now) {
    throw new ApiAuthError(401, 'expired_key', 'Срок действия ключа API истёк');
  }
  if (!row.scopes.includes(scope)) {
    throw new ApiAuthError(403, 'insufficient_scope', `Ключу API не разрешено это действие (нужна область ${scope})`);
  }
  const wait = limiter.take(row.id, row.rateLimit, now.getTime());
  if (wait !== null) {
    throw new ApiAuthError(429, 'rate_limited', `Превышен лимит запросов ключа (${row.rateLimit} в минуту)`, wait);
  }
  void touchApiKey(db, row.id, now).catch(() => {});
  return { key: row, actor: { userId: null, login: `api:${row.systemCode}`, role: 'api', ip: req.ip } };
}

/** The key's own system: a system writes only its own records. */
export function assertOwnSystem(caller: ApiCaller, systemCode: string): void {
  if (caller.key.systemCode !== systemCode) {
    throw new DomainError(
      'FORBIDDEN',
      msg('integrations.foreignSystem', { keySystem: caller.key.systemCode, systemCode }),
      'foreign_system',
    );
  }
}

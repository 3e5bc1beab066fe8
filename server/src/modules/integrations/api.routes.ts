import { Readable } from 'node:stream';
import type { ConsentInput, RecordInput, RequestInput } from '@pd-desk/shared/integrations/api.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { safeString } from '@pd-desk/shared/schema-fields';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { AuditQueue } from '../audit/audit-queue';
import { type ApiCaller, assertOwnSystem, authenticate } from './api-auth';
import { renderApiDocs } from './api-docs';
import { apiErrorHandler } from './api-errors';
import { API_OPERATIONS, type ApiOperation } from './api-spec';
import { registerConsent, registerRequest, upsertRecord } from './api-writes.service';
import { contactOf } from './contact';
import { type Answer, idempotent } from './idempotency';
import { buildOpenApiDocument } from './openapi';
import { checkPermission } from './permissions.service';
import { purposeByCode } from './purposes';
import type { RateLimiter } from './rate-limit';
import { suppressedContacts, suppressionVersion } from './suppression.service';
import { suppressionBody } from './suppression-format';

export type ApiDeps = { db: Db; clock: Clock; audit: AuditQueue; limiter: RateLimiter };

type Handler = (
  caller: ApiCaller,
  input: { query: unknown; params: unknown; body: unknown },
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>;

const idempotencyKey = safeString().trim().min(1).max(200, 'Idempotency-Key не длиннее 200 символов');

/** Route config that tells the CSRF guard (http/csrf.ts) to skip a route: it authenticates by key, never by cookie. */
export const KEY_AUTHENTICATED = { csrf: false } as const;

function handlers({ db, clock, audit }: ApiDeps): Record<ApiOperation['operationId'], Handler> {
  const write = (
    caller: ApiCaller,
    req: FastifyRequest,
    required: boolean,
    work: (ctx: Parameters<typeof registerConsent>[0]) => Promise<Answer>,
  ) => {
    const header = req.headers['idempotency-key'];
    const base = { db, actor: caller.actor, clock, systemCode: caller.key.systemCode };
    if (header === undefined) {
      if (required)
        throw new DomainError('BAD_REQUEST', msg('integrations.idempotencyKeyRequired'), 'idempotency_key_required');
      return db.transaction((tx) => work({ ...base, tx }));
    }
    const key = idempotencyKey.parse(String(header));
    return idempotent(db, caller.key.systemId, key, req.body, (tx) => work({ ...base, tx }));
  };
  const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.status).send(answer.body);

  return {
    async checkPermission(caller, { query }) {
      const q = query as { phone?: string; email?: string; purpose: string };
      const contact = contactOf(q);
      const purpose = await purposeByCode(db, q.purpose);
      const { subjectIds, ...answer } = await checkPermission(db, contact, purpose);
      // The trail names the people by id, never the contact itself.
      await audit.append(caller.actor, {
        action: 'api.permissions',
        objectType: subjectIds.length > 0 ? 'subject' : 'api',
        objectId: subjectIds[0] ?? null,
        details: { purpose: purpose.code, contact: contact.kind, subjectIds, ...answer },
      });
      return answer;
    },
    async suppressionList(caller, { query }, req, reply) {
      const q = query as { purpose: string; format: 'json' | 'csv' };
      const purpose = await purposeByCode(db, q.purpose);
      // Read before the rows: a change committed while the list streams bumps the number past this ETag.
      const version = await suppressionVersion(db);
      const etag = `"${version}-${q.format}"`;
      if (req.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
      await audit.append(caller.actor, {
        action: 'api.suppression_list',
        objectType: 'purpose',
        objectId: purpose.id,
        details: { purpose: purpose.code, format: q.format, version },
      });
      return reply
        .header('etag', etag)
        .header('cache-control', 'private, no-cache')
        .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .send(Readable.from(suppressionBody(q.format, purpose.code, version, suppressedContacts(db, purpose))));
    },
    async registerConsent(caller, { body }, req, reply) {
      const answer = await write(caller, req, true, async (ctx) => ({
        status: 201,
        body: await registerConsent(ctx, body as ConsentInput),
      }));
      return send(reply, answer);
    },
    async registerRequest(caller, { body }, req, reply) {
      const answer = await write(caller, req, false, async (ctx) => ({
        status: 201,
        body: await registerRequest(ctx, body as RequestInput),
      }));
      return send(reply, answer);
    },
    async putRecord(caller, { params, body }, _req, reply) {
      const p = params as { system: string; externalId: string };
      assertOwnSystem(caller, p.system);
      const result = await db.transaction((tx) =>
        upsertRecord(
          { db, actor: caller.actor, clock, systemCode: caller.key.systemCode, tx },
          p.externalId,
          body as RecordInput,
        ),
      );
      return reply.code(result.created ? 201 : 200).send(result);
    },
  };
}

/** /api/v1 for the clinic's other systems, its OpenAPI document and the reference page at /api/docs. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps) {
  const byId = handlers(deps);
  void app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      // JSON only: a text/plain body is a 415, not a string for the schema to puzzle over.
      api.removeContentTypeParser('text/plain');
      api.setNotFoundHandler((_req, reply) =>
        reply.code(404).send({ code: 'not_found', message: 'Нет такого адреса в API PD Desk (см. /api/docs)' }),
      );
      for (const op of API_OPERATIONS) {
        api.route({
          method: op.method,
          url: op.path.replace(/\{(\w+)\}/g, ':$1'),
          config: KEY_AUTHENTICATED,
          handler: async (req, reply) => {
            const caller = await authenticate(deps.db, deps.limiter, req, op.scope, deps.clock.now());
            const input = {
              query: op.query ? op.query.parse(req.query ?? {}) : undefined,
              params: op.params ? op.params.parse(req.params) : undefined,
              body: op.body ? op.body.parse(req.body ?? {}) : undefined,
            };
            return byId[op.operationId](caller, input, req, reply);
          },
        });
      }
      api.get('/openapi.json', { config: KEY_AUTHENTICATED }, async () => buildOpenApiDocument());
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/docs', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocs(buildOpenApiDocument())),
  );
}

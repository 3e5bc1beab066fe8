import type { Readable } from 'node:stream';
import type { Role } from '@pd-desk/shared/auth/roles';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import type { Config } from '../env';
import { DomainError } from '../errors';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/sessions';
import { actorOf } from '../trpc/procedures';

const STATUS: Partial<Record<DomainError['code'], number>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
};

/**
 * What every plain Fastify route that serves or receives files needs: the same session and role
 * checks as the procedures, DomainError mapped to an HTTP status, and download headers.
 */
export function fileRouteHelpers(db: Db, config: Config) {
  async function actorFor(req: FastifyRequest, reply: FastifyReply, roles: readonly Role[]) {
    const token = req.cookies[SESSION_COOKIE];
    const user = token ? await resolveSession(db, config, token) : null;
    if (!user) {
      await reply.code(401).send({ error: 'Требуется вход в систему' });
      return null;
    }
    if (!roles.includes(user.role)) {
      await reply.code(403).send({ error: 'Недостаточно прав для этого действия' });
      return null;
    }
    return actorOf(user, req.ip);
  }

  async function answer(reply: FastifyReply, work: () => Promise<unknown>) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DomainError) || !STATUS[error.code]) throw error;
      const status = error.reason === 'attachment_too_large' ? 413 : (STATUS[error.code] as number);
      return reply.code(status).send({ error: error.message, reason: error.reason });
    }
  }

  async function send(
    reply: FastifyReply,
    file: () => Promise<{ body: Buffer | Readable | string; type: string; name: string; download?: boolean }>,
  ) {
    return answer(reply, async () => {
      const { body, type, name, download } = await file();
      return reply
        .header('content-type', type)
        .header(
          'content-disposition',
          `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    });
  }

  const idOf = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : null);

  return { actorFor, answer, send, idOf };
}

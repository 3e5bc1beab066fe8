import type { Role } from '@pd-desk/shared/auth/roles';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { DomainError } from '../../errors';
import { actorOf } from '../../trpc/procedures';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import { attachmentContent } from './attachments.service';
import { letterPdf } from './letters.service';

/**
 * Binary downloads stay plain GETs (a link the browser can open or save) but pass the same session
 * and role checks as the procedures; every download is audited by the service.
 */
export function registerCaseFileRoutes(app: FastifyInstance, db: Db, config: Config) {
  const clock = systemClock(config.timeZone);
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

  async function send(reply: FastifyReply, file: () => Promise<{ body: Buffer; type: string; name: string }>) {
    try {
      const { body, type, name } = await file();
      return reply
        .header('content-type', type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        return reply.code(404).send({ error: error.message });
      }
      throw error;
    }
  }

  const idOf = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : null);

  app.get<{ Params: { id: string } }>('/files/letters/:id.pdf', async (req, reply) => {
    const id = idOf(req.params.id);
    if (id === null) return reply.code(404).send({ error: 'Не найдено' });
    const actor = await actorFor(req, reply, ['officer', 'auditor']);
    if (!actor) return reply;
    return send(reply, async () => {
      const { pdf, fileName } = await letterPdf({ db, actor, clock }, id);
      return { body: pdf, type: 'application/pdf', name: fileName };
    });
  });

  app.get<{ Params: { id: string } }>('/files/attachments/:id', async (req, reply) => {
    const id = idOf(req.params.id);
    if (id === null) return reply.code(404).send({ error: 'Не найдено' });
    const actor = await actorFor(req, reply, ['officer', 'registrar', 'auditor']);
    if (!actor) return reply;
    return send(reply, async () => {
      const file = await attachmentContent({ db, actor, clock }, id);
      return { body: file.content, type: file.mimeType, name: file.fileName };
    });
  });
}

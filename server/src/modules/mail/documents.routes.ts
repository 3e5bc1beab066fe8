import { mailDocumentFormat } from '@pd-desk/shared/mail/documents.schemas';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { fileRouteHelpers } from '../../http/file-routes';
import { actFile, letterFile } from './documents/documents.service';

const READERS = ['officer', 'auditor'] as const;

/** Mail documents (PDF and DOCX of every letter and act): GETs, role-checked, audited. Register exports: http/exports.routes.ts. */
export function registerMailDocumentRoutes(app: FastifyInstance, db: Db, config: Config) {
  const clock = systemClock(config.timeZone);
  const { actorFor, send, idOf } = fileRouteHelpers(db, config);

  for (const format of mailDocumentFormat.options) {
    app.get<{ Params: { id: string } }>(`/files/mail/letters/:id.${format}`, async (req, reply) => {
      const id = idOf(req.params.id);
      if (id === null) return reply.code(404).send({ error: 'Не найдено' });
      const actor = await actorFor(req, reply, READERS);
      if (!actor) return reply;
      return send(reply, async () => ({ ...(await letterFile({ db, actor, clock }, id, format)), download: true }));
    });
    app.get<{ Params: { id: string } }>(`/files/mail/acts/:id.${format}`, async (req, reply) => {
      const id = idOf(req.params.id);
      if (id === null) return reply.code(404).send({ error: 'Не найдено' });
      const actor = await actorFor(req, reply, READERS);
      if (!actor) return reply;
      return send(reply, async () => ({ ...(await actFile({ db, actor, clock }, id, format)), download: true }));
    });
  }
}

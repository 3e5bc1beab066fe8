import { mailDocumentFormat } from '@pd-desk/shared/mail/documents.schemas';
import { MAIL_REGISTERS, mailExportFormat, REGISTER_FILTERS } from '@pd-desk/shared/mail/registers.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { DomainError, issueMessage } from '../../errors';
import { fileRouteHelpers } from '../../http/file-routes';
import { actFile, letterFile } from './documents/documents.service';
import { exportMailRegister } from './registers/register-export';

const READERS = ['officer', 'auditor'] as const;

/** Mail documents (PDF and DOCX of every letter and act) and register exports: GETs, role-checked, audited. */
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

  for (const register of MAIL_REGISTERS) {
    app.get<{ Params: { format: string }; Querystring: Record<string, string> }>(
      `/files/mail/registers/${register}.:format`,
      async (req, reply) => {
        const format = mailExportFormat.safeParse(req.params.format);
        if (!format.success) return reply.code(404).send({ error: 'Не найдено' });
        const actor = await actorFor(req, reply, READERS);
        if (!actor) return reply;
        return send(reply, async () => {
          const filters = REGISTER_FILTERS[register].safeParse(
            Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== '')),
          );
          if (!filters.success) {
            throw new DomainError('BAD_REQUEST', issueMessage(filters.error, msg('validation.badFilter')));
          }
          const file = await exportMailRegister({ db, actor, clock }, register, filters.data, format.data);
          return { ...file, download: true };
        });
      },
    );
  }
}

import fastifyMultipart from '@fastify/multipart';
import { listBreachesInput, registerExportFormat } from '@pd-desk/shared/breaches/breaches.schemas';
import { ATTACHMENT_MAX_BYTES } from '@pd-desk/shared/cases/case-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { required, text } from '@pd-desk/shared/schema-fields';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { DomainError, issueMessage } from '../../errors';
import { fileRouteHelpers } from '../../http/file-routes';
import { storeAttachmentFile } from '../cases/attachments.service';
import { receiveAttachment } from '../cases/files.routes';
import type { FileStore } from '../files/file-store';
import { addBreachAttachment, breachAttachmentContent } from './attachments.service';
import { letterBundle, subjectLetterPdf } from './letters.service';
import { exportRegister } from './register-export';

const WORKERS = ['officer', 'admin'] as const;
const READERS = ['officer', 'admin', 'auditor'] as const;

const breachUploadInput = z.object({
  breachId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'Не указан инцидент, к которому добавляется файл')
    .transform(Number),
  fileName: required(255, 'Укажите имя файла'),
  description: text(500).optional(),
});

const registerQuery = listBreachesInput.pick({ status: true, category: true, from: true, to: true });

/** Letters, the register's exports and attachments of incidents; the registrar has none of them. */
export function registerBreachFileRoutes(app: FastifyInstance, db: Db, config: Config, store: FileStore) {
  const clock = systemClock(config.timeZone);
  const { actorFor, answer, send, idOf } = fileRouteHelpers(db, config);

  app.get<{ Params: { id: string } }>('/files/breaches/:id/letters.pdf', async (req, reply) => {
    const id = idOf(req.params.id);
    if (id === null) return reply.code(404).send({ error: 'Не найдено' });
    const actor = await actorFor(req, reply, WORKERS);
    if (!actor) return reply;
    return send(reply, async () => {
      const bundle = await letterBundle({ db, actor, clock }, id);
      reply.header('x-letter-count', bundle.letters);
      return { body: bundle.stream, type: 'application/pdf', name: bundle.fileName };
    });
  });

  app.get<{ Params: { id: string; subjectId: string } }>(
    '/files/breaches/:id/letters/:subjectId.pdf',
    async (req, reply) => {
      const id = idOf(req.params.id);
      const subjectId = idOf(req.params.subjectId);
      if (id === null || subjectId === null) return reply.code(404).send({ error: 'Не найдено' });
      const actor = await actorFor(req, reply, WORKERS);
      if (!actor) return reply;
      return send(reply, async () => {
        const { pdf, fileName } = await subjectLetterPdf({ db, actor, clock }, id, subjectId);
        return { body: pdf, type: 'application/pdf', name: fileName };
      });
    },
  );

  app.get<{ Params: { format: string }; Querystring: Record<string, string> }>(
    '/files/breaches/register.:format',
    async (req, reply) => {
      const format = registerExportFormat.safeParse(req.params.format);
      if (!format.success) return reply.code(404).send({ error: 'Не найдено' });
      const actor = await actorFor(req, reply, READERS);
      if (!actor) return reply;
      return send(reply, async () => {
        const filters = registerQuery.safeParse(
          Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== '')),
        );
        if (!filters.success)
          throw new DomainError('BAD_REQUEST', issueMessage(filters.error, msg('validation.badFilter')));
        return { ...(await exportRegister({ db, actor, clock }, filters.data, format.data)), download: true };
      });
    },
  );

  app.get<{ Params: { id: string } }>('/files/breach-attachments/:id', async (req, reply) => {
    const id = idOf(req.params.id);
    if (id === null) return reply.code(404).send({ error: 'Не найдено' });
    const actor = await actorFor(req, reply, READERS);
    if (!actor) return reply;
    return send(reply, async () => {
      const file = await breachAttachmentContent({ db, actor, clock }, store, id);
      reply.header('content-length', file.size);
      return { body: file.stream, type: file.mimeType, name: file.fileName };
    });
  });

  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { files: 1, fields: 4, fieldSize: 4096, fileSize: ATTACHMENT_MAX_BYTES + 1, parts: 6 },
    });
    scope.post('/files/breach-attachments', async (req, reply) => {
      const actor = await actorFor(req, reply, WORKERS);
      if (!actor) return reply;
      return answer(reply, async () => {
        const created = await receiveAttachment(
          req,
          breachUploadInput,
          ['breachId', 'description'],
          async (input, file) =>
            addBreachAttachment({ db, actor, clock }, input, await storeAttachmentFile(store, file)),
        );
        return reply.code(201).send(created);
      });
    });
  });
}

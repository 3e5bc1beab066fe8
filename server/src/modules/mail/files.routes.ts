import fastifyMultipart from '@fastify/multipart';
import {
  MAIL_INTAKE_ROLES as INTAKE_ROLES,
  MAIL_READER_ROLES as MAIL_READERS,
  SCAN_MAX_BYTES,
} from '@pd-desk/shared/mail/mail-model';
import { safeString } from '@pd-desk/shared/schema-fields';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { fileRouteHelpers } from '../../http/file-routes';
import { receiveAttachment } from '../cases/files.routes';
import type { FileStore } from '../files/file-store';
import { scanPreview, storeScan } from './intake/scans.service';

const scanUploadInput = z.object({ fileName: safeString().trim().min(1, 'Нет имени файла').max(255) });

/** Scans stream into the file store (ADR 0012) outside tRPC; page previews are PNG images. */
export function registerMailFileRoutes(app: FastifyInstance, db: Db, config: Config, store: FileStore) {
  const clock = systemClock(config.timeZone);
  const { actorFor, answer, send, idOf } = fileRouteHelpers(db, config);

  app.get<{ Params: { id: string; page: string } }>('/files/mail/scans/:id/pages/:page', async (req, reply) => {
    const id = idOf(req.params.id);
    const page = idOf(req.params.page);
    if (id === null || page === null) return reply.code(404).send({ error: 'Не найдено' });
    const actor = await actorFor(req, reply, MAIL_READERS);
    if (!actor) return reply;
    return send(reply, async () => {
      const preview = await scanPreview({ db, actor, clock }, store, id, page);
      return { body: preview.body, type: preview.type, name: `scan-${id}-${page}.png` };
    });
  });

  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { files: 1, fields: 2, fieldSize: 4096, fileSize: SCAN_MAX_BYTES + 1, parts: 3 },
    });
    scope.post('/files/mail/scans', async (req, reply) => {
      const actor = await actorFor(req, reply, INTAKE_ROLES);
      if (!actor) return reply;
      return answer(reply, async () => {
        const created = await receiveAttachment(req, scanUploadInput, [], (input, file) =>
          storeScan({ db, actor, clock }, store, input, file),
        );
        return reply.code(201).send(created);
      });
    });
  });
}

import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import { ATTACHMENT_MAX_BYTES } from '@pd-desk/shared/cases/case-model';
import { attachmentUploadInput } from '@pd-desk/shared/cases/cases.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { DomainError, issueMessage } from '../../errors';
import { fileRouteHelpers } from '../../http/file-routes';
import type { FileStore } from '../files/file-store';
import {
  addAttachment,
  assertCaseTakesFiles,
  attachmentContent,
  attachmentRefusal,
  storeAttachmentFile,
} from './attachments.service';
import { letterPdf } from './letters.service';

/** Room for the multipart boundaries and the form fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Files travel outside tRPC: downloads are plain GETs (a link the browser can open or save), uploads a
 * streamed multipart POST whose bytes go to the file store, never through the database connection
 * (ADR 0012). Both pass the same session and role checks as the procedures and are audited.
 */
export function registerCaseFileRoutes(app: FastifyInstance, db: Db, config: Config, store: FileStore) {
  const clock = systemClock(config.timeZone);
  const { actorFor, answer, send, idOf } = fileRouteHelpers(db, config);

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
      const file = await attachmentContent({ db, actor, clock }, store, id);
      reply.header('content-length', file.size);
      return { body: file.stream, type: file.mimeType, name: file.fileName };
    });
  });

  // multipart parsing is registered for this route's scope only: tRPC and every other route keep
  // refusing multipart bodies.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // One byte over the limit is enough for the store to refuse the file.
      limits: { files: 1, fields: 4, fieldSize: 4096, fileSize: ATTACHMENT_MAX_BYTES + 1, parts: 6 },
    });
    scope.post('/files/attachments', async (req, reply) => {
      const actor = await actorFor(req, reply, ['officer', 'registrar']);
      if (!actor) return reply;
      return answer(reply, async () => {
        const created = await receiveAttachment(
          req,
          attachmentUploadInput,
          ['caseId', 'description'],
          async (input, file) => {
            await assertCaseTakesFiles({ db }, input.caseId);
            return addAttachment({ db, actor, clock }, input, await storeAttachmentFile(store, file));
          },
        );
        return reply.code(201).send(created);
      });
    });
  });
}

/**
 * Reads the form up to the file part: the fields (the record it belongs to, description) must come
 * before the file, so they are checked before a byte of the file is stored.
 */
export async function receiveAttachment<S extends z.ZodType, T>(
  req: FastifyRequest,
  schema: S,
  fieldNames: readonly string[],
  store: (input: z.output<S>, file: Readable) => Promise<T>,
): Promise<T> {
  // A browser states the size up front: a far too large upload is refused before it is read.
  if (Number(req.headers['content-length']) > ATTACHMENT_MAX_BYTES + FORM_OVERHEAD_BYTES)
    throw attachmentRefusal('too_large');
  const part = req.isMultipart() ? await req.file().catch(() => undefined) : undefined;
  if (!part) {
    throw new DomainError('BAD_REQUEST', msg('files.formExpected'), 'attachment_form');
  }
  const field = (name: string) => {
    const value = part.fields[name];
    return value && !Array.isArray(value) && value.type === 'field' ? String(value.value) : undefined;
  };
  const parsed = schema.safeParse({
    ...Object.fromEntries(fieldNames.map((name) => [name, field(name) ?? (name === 'description' ? undefined : '')])),
    fileName: part.filename,
  });
  if (!parsed.success) {
    part.file.resume();
    throw new DomainError('BAD_REQUEST', issueMessage(parsed.error, msg('validation.badForm')), 'attachment_form');
  }
  try {
    return await store(parsed.data, part.file);
  } catch (error) {
    // A refusal before the file was read (a closed case): drain it so the answer reaches the browser.
    part.file.resume();
    throw error;
  }
}

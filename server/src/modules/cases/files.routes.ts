import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { Role } from '@pd-desk/shared/auth/roles';
import { ATTACHMENT_MAX_BYTES } from '@pd-desk/shared/cases/case-model';
import { attachmentUploadInput } from '@pd-desk/shared/cases/cases.schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { systemClock } from '../../clock';
import type { Db } from '../../db/client';
import type { Config } from '../../env';
import { DomainError } from '../../errors';
import { actorOf } from '../../trpc/procedures';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
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

const STATUS: Partial<Record<DomainError['code'], number>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
};

/**
 * Files travel outside tRPC: downloads are plain GETs (a link the browser can open or save), uploads a
 * streamed multipart POST whose bytes go to the file store, never through the database connection
 * (ADR 0012). Both pass the same session and role checks as the procedures and are audited.
 */
export function registerCaseFileRoutes(app: FastifyInstance, db: Db, config: Config, store: FileStore) {
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
    file: () => Promise<{ body: Buffer | Readable; type: string; name: string }>,
  ) {
    return answer(reply, async () => {
      const { body, type, name } = await file();
      return reply
        .header('content-type', type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    });
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
        const created = await receiveAttachment(req, async (input, file) => {
          await assertCaseTakesFiles({ db }, input.caseId);
          return addAttachment({ db, actor, clock }, input, await storeAttachmentFile(store, file));
        });
        return reply.code(201).send(created);
      });
    });
  });
}

type AttachmentInput = ReturnType<typeof attachmentUploadInput.parse>;

/**
 * Reads the form up to the file part: the fields (case, description) must come before the file, so they
 * are checked before a byte of the file is stored.
 */
async function receiveAttachment<T>(
  req: FastifyRequest,
  store: (input: AttachmentInput, file: Readable) => Promise<T>,
): Promise<T> {
  // A browser states the size up front: a far too large upload is refused before it is read.
  if (Number(req.headers['content-length']) > ATTACHMENT_MAX_BYTES + FORM_OVERHEAD_BYTES)
    throw attachmentRefusal('too_large');
  const part = req.isMultipart() ? await req.file().catch(() => undefined) : undefined;
  if (!part) {
    throw new DomainError('BAD_REQUEST', 'Ожидается форма с файлом (multipart/form-data)', 'attachment_form');
  }
  const field = (name: string) => {
    const value = part.fields[name];
    return value && !Array.isArray(value) && value.type === 'field' ? String(value.value) : undefined;
  };
  const parsed = attachmentUploadInput.safeParse({
    caseId: field('caseId') ?? '',
    fileName: part.filename,
    description: field('description'),
  });
  if (!parsed.success) {
    part.file.resume();
    throw new DomainError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'Некорректная форма', 'attachment_form');
  }
  try {
    return await store(parsed.data, part.file);
  } catch (error) {
    // A refusal before the file was read (a closed case): drain it so the answer reaches the browser.
    part.file.resume();
    throw error;
  }
}

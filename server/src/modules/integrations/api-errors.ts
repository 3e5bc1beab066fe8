import { renderText } from '@pd-desk/shared/messages/catalogue';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError } from '../../errors';
import { ApiAuthError } from './api-auth';

const STATUS: Record<DomainError['code'], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/** Fastify's own refusals (bad JSON, wrong content type, too large) in Russian, by status. */
const FASTIFY_MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'invalid_json', message: 'Тело запроса — не корректный JSON' },
  413: { code: 'body_too_large', message: 'Тело запроса слишком большое' },
  415: { code: 'unsupported_media_type', message: 'Ожидается тело application/json' },
};

export type ApiErrorBody = { code: string; message: string; field?: string };

/**
 * Every /api/v1 failure as `{ code, message }`: a machine-readable code and a Russian message, a 4xx for anything the
 * caller can fix. Anything unexpected is a 500 with a generic message; its details go to the log, never to the caller.
 */
export function apiErrorHandler(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiAuthError) {
    if (error.retryAfter !== undefined) void reply.header('retry-after', String(error.retryAfter));
    return reply.code(error.status).send({ code: error.code, message: error.message } satisfies ApiErrorBody);
  }
  if (error instanceof DomainError) {
    return reply
      .code(STATUS[error.code])
      .send({ code: error.reason ?? error.code.toLowerCase(), message: error.message } satisfies ApiErrorBody);
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return reply.code(400).send({
      code: 'invalid_request',
      message: `${field ? `${field}: ` : ''}${renderText(issue?.message ?? 'Некорректный запрос', 'ru')}`,
      ...(field ? { field } : {}),
    } satisfies ApiErrorBody);
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const known = FASTIFY_MESSAGES[status] ?? { code: 'bad_request', message: 'Некорректный запрос' };
    return reply.code(status).send(known satisfies ApiErrorBody);
  }
  req.log.error({ err: error }, 'api request failed');
  return reply.code(500).send({ code: 'internal', message: 'Внутренняя ошибка сервера' } satisfies ApiErrorBody);
}

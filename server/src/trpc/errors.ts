import { TRPCError } from '@trpc/server';

type DomainErrorCode =
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED';

/**
 * Services throw DomainError with a message for people (Russian; the web may translate by `reason`)
 * and never import tRPC. Anything else that escapes is a bug: the client sees a generic message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

export function toTrpcError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Внутренняя ошибка сервера. Запрос не выполнен, данные не изменены.',
      cause: error,
    });
  }
  return error;
}

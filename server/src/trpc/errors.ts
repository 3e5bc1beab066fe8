import { TRPCError } from '@trpc/server';
import { DomainError } from '../errors';

/** Domain errors thrown by services become tRPC errors with the same code; other failures a generic 500. */
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

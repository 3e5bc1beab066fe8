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
 * and know nothing of the transport: trpc/errors.ts and the REST routes map it to their codes.
 * Anything else that escapes is a bug: the client sees a generic message.
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

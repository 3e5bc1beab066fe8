import { decodeMessage, type MessageRef, renderMessage } from '@pd-desk/shared/messages/catalogue';
import type { z } from 'zod';

type DomainErrorCode =
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED';

/**
 * Services throw DomainError with a message for people and know nothing of the transport: trpc/errors.ts and
 * the REST routes map it to their codes. The message is a catalogue ref, `msg('cases.notFound')`
 * (shared/src/messages): `message` is its Russian text (REST, CLI, logs) and `ref` goes to the web, which shows
 * it in the reader's language. A plain string still works but stays Russian in English mode; a test
 * (errors.catalogue.test.ts) refuses new ones. Anything else that escapes is a bug: the client sees a generic message.
 */
export class DomainError extends Error {
  readonly ref: MessageRef | undefined;

  constructor(
    readonly code: DomainErrorCode,
    message: string | MessageRef,
    readonly reason?: string,
  ) {
    super(typeof message === 'string' ? message : renderMessage(message, 'ru'));
    this.ref = typeof message === 'string' ? undefined : message;
  }
}

/** The first issue of a refused REST input (query, form) as a message the client can translate. */
export function issueMessage(error: z.ZodError, fallback: MessageRef): MessageRef | string {
  const first = error.issues[0]?.message;
  if (first === undefined) return fallback;
  return decodeMessage(first) ?? first;
}

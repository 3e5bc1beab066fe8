import type { Role } from '@pd-desk/shared/auth/roles';
import { decodeMessage, renderMessage } from '@pd-desk/shared/messages/catalogue';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { DomainError } from '../errors';
import type { Context } from './context';
import { toTrpcError } from './errors';

/** Every procedure must say who may call it; a test walks the router and fails on a missing declaration. */
export type ProcedureMeta = { roles: readonly Role[] | 'public' };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const zodIssues =
        error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError
          ? error.cause.issues.map((issue) => {
              // Schema messages are catalogue refs: Russian here, the ref for the web to show in its language.
              const ref = decodeMessage(issue.message);
              return { path: issue.path.join('.'), message: ref ? renderMessage(ref, 'ru') : issue.message, ref };
            })
          : null;
      // A domain refusal's catalogue ref (key + params): the web renders it in the reader's language.
      const messageRef = error.cause instanceof DomainError ? (error.cause.ref ?? null) : null;
      // Stack traces stay in the server log; the browser gets the code and a message meant for people.
      const { stack: _stack, ...data } = shape.data;
      // A refused input answers in the schemas' own Russian words, not zod's JSON dump of the issues.
      const message = zodIssues ? [...new Set(zodIssues.map((issue) => issue.message))].join('; ') : shape.message;
      return { ...shape, message, data: { ...data, zodIssues, messageRef } };
    },
  });

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown by services become tRPC codes here, once. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTrpcError(result.error);
  return result;
});

export const baseProcedure = t.procedure.use(mapErrors);

import type { Role } from '@pd-desk/shared/auth/roles';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { systemClock } from '../clock';
import type { Db } from '../db/client';
import type { Config } from '../env';
import { DomainError, issueMessage } from '../errors';
import type { ServiceContext } from '../service-context';
import { fileRouteHelpers } from './file-routes';

type ExportFile = Awaited<ReturnType<Parameters<ReturnType<typeof fileRouteHelpers>['send']>[1]>>;

/** The query string as the filter schema reads it: empty values are absent, a bad value is a 400 with its reason. */
export function queryFilters<T extends z.ZodType>(schema: T, query: Record<string, unknown>): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new DomainError('BAD_REQUEST', issueMessage(parsed.error, msg('validation.badFilter')));
  }
  return parsed.data;
}

/**
 * Every export is a GET `<path>.<format>?<filters>`: the session cookie, the route's roles, the filters read
 * from the query string, and the file (streamed) as an attachment with its UTF-8 name (RFC 5987).
 */
export function exportRoutes(app: FastifyInstance, db: Db, config: Config) {
  const clock = systemClock(config.timeZone);
  const { actorFor, send } = fileRouteHelpers(db, config);
  return function exportRoute<F extends string>(
    path: string,
    spec: {
      roles: readonly Role[];
      formats: readonly F[];
      file: (ctx: ServiceContext, format: F, query: Record<string, string>) => Promise<ExportFile>;
    },
  ) {
    app.get<{ Params: { format: string }; Querystring: Record<string, string> }>(
      `${path}.:format`,
      async (req, reply) => {
        const format = spec.formats.find((f) => f === req.params.format);
        if (!format) return reply.code(404).send({ error: 'Не найдено' });
        const actor = await actorFor(req, reply, spec.roles);
        if (!actor) return reply;
        return send(reply, async () => ({
          ...(await spec.file({ db, actor, clock }, format, req.query)),
          download: true,
        }));
      },
    );
  };
}

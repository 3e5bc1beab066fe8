import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { systemClock } from './clock';
import type { DatabaseHandle } from './db/client';
import type { Config } from './env';
import { registerCsrfGuard } from './http/csrf';
import { registerExportRoutes } from './http/exports.routes';
import { registerSecurityHeaders } from './http/security-headers';
import { logSafeError } from './log-safe-error';
import { auditQueueOf } from './modules/audit/audit-queue';
import { resolveSession, SESSION_COOKIE } from './modules/auth/sessions';
import { BreachJobRunner, setBreachJobRunner } from './modules/breaches/breach-jobs';
import { registerBreachFileRoutes } from './modules/breaches/files.routes';
import { createMailer } from './modules/breaches/mailer';
import { registerCaseFileRoutes } from './modules/cases/files.routes';
import { FileStore } from './modules/files/file-store';
import { registerApiRoutes } from './modules/integrations/api.routes';
import { RateLimiter } from './modules/integrations/rate-limit';
import { setWebhookDispatcher, WebhookDispatcher } from './modules/integrations/webhook-dispatcher';
import { registerMailDocumentRoutes } from './modules/mail/documents.routes';
import { registerMailFileRoutes } from './modules/mail/files.routes';
import { MailOcrRunner, setMailOcrRunner } from './modules/mail/intake/ocr-jobs';
import { type Context, createContextInner } from './trpc/context';
import { type AppRouter, appRouter } from './trpc/router';

export type ServerOptions = {
  config: Config;
  database: DatabaseHandle;
  /** Where log lines go instead of stdout (tests read them to check that no personal data is logged). */
  logStream?: { write(line: string): void };
};

/** A factory, not a side-effecting module: tests and e2e start it on a free port with their own database. */
export function createServer({ config, database, logStream }: ServerOptions) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      // Personal data never reaches the log: no query strings (tRPC GET inputs carry search text),
      // no bodies, no cookies, no query parameters inside errors.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
        err: logSafeError,
      },
    },
    bodyLimit: 25 * 1024 * 1024,
    trustProxy: false,
  });

  registerCsrfGuard(app);
  registerSecurityHeaders(app, config.secureCookies);
  void app.register(fastifyCookie);

  void app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req, res }): Promise<Context> => {
        const token = req.cookies[SESSION_COOKIE];
        const user = token ? await resolveSession(database.db, config, token) : null;
        return createContextInner({
          db: database.db,
          config,
          user,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          http: { req, res },
        });
      },
      onError: ({ path: procedure, error }) => {
        // Codes and paths only: inputs may hold personal data.
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ procedure, err: error.cause ?? error }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  const store = new FileStore(config.filesDir);
  registerCaseFileRoutes(app, database.db, config, store);
  registerBreachFileRoutes(app, database.db, config, store);
  registerMailFileRoutes(app, database.db, config, store);
  registerMailDocumentRoutes(app, database.db, config);
  registerExportRoutes(app, database.db, config);
  // Scans queued or interrupted before a restart are read again at start.
  const mailOcr = new MailOcrRunner(database.db, store, undefined, (error) =>
    app.log.warn({ err: error }, 'mail OCR failed'),
  );
  // Breach jobs (adding subjects, notifying them) resume from their last committed chunk at start.
  const breachJobs = new BreachJobRunner(
    { db: database.db, clock: systemClock(config.timeZone) },
    createMailer(config),
    (error) => app.log.error({ err: error }, 'breach job failed'),
  );
  const clock = systemClock(config.timeZone);
  registerApiRoutes(app, {
    db: database.db,
    clock,
    audit: auditQueueOf(database.db),
    limiter: new RateLimiter(),
  });
  // Webhooks to the clinic's other systems: the outbox is sent from inside the server, retried until acknowledged.
  const webhooks = new WebhookDispatcher({
    db: database.db,
    ...(database.pglite
      ? { listen: { pglite: database.pglite } }
      : database.pool
        ? { listen: { pool: database.pool } }
        : {}),
    onError: (error) => app.log.error({ err: error }, 'webhook dispatch failed'),
  });
  app.addHook('onClose', async () => {
    setWebhookDispatcher(null);
    await webhooks.stop();
  });
  registerWebApp(app, config.webDist);

  return {
    app,
    async start() {
      await app.listen({ port: config.port, host: config.host });
      setBreachJobRunner(breachJobs);
      void breachJobs.kick();
      setMailOcrRunner(mailOcr);
      void mailOcr.kick();
      setWebhookDispatcher(webhooks);
      await webhooks.start();
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return { url: `http://${config.host}:${port}` };
    },
    /** Stops accepting connections, lets running requests finish, then closes the database. */
    async stop() {
      setBreachJobRunner(null);
      setMailOcrRunner(null);
      await app.close();
      await database.close();
    },
  };
}

function registerWebApp(app: FastifyInstance, webDist: string) {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    app.get('/', async () => ({ message: 'Веб-интерфейс не собран: выполните pnpm build' }));
    return;
  }
  void app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  // Client-side routes (/subjects/42) get the SPA; unknown API-like paths stay 404.
  app.setNotFoundHandler((req, reply) => {
    if (
      req.method === 'GET' &&
      !req.url.startsWith('/trpc/') &&
      !req.url.startsWith('/api/') &&
      !path.extname(req.url.split('?')[0] ?? '')
    ) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Не найдено' });
  });
}

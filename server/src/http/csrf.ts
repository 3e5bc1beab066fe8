import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

/** The custom header every call from our web client carries; a cross-site form or a simple fetch cannot set it. */
export const CSRF_HEADER = 'x-pd-desk';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_REFUSAL = 'Запрос отклонён: нет защиты от подделки межсайтовых запросов (CSRF)';

/**
 * Attaches the CSRF check to every route as it is registered, so it runs on the request Fastify actually
 * routed — never on a guess from the raw URL, which `/%74rpc/…`, `//trpc/…` or other spellings slip past.
 * Every state-changing method is checked, whatever its content type (JSON, a multipart form, plain text).
 * Must be added before any route is registered.
 */
export function registerCsrfGuard(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    // Routes that authenticate by an API key (/api/v1) say so with `config: { csrf: false }`: they never read the
    // session cookie, so a cross-site request gains nothing a key-less caller does not have.
    if ((route.config as { csrf?: boolean } | undefined)?.csrf === false) return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [csrfGuard, ...existing] as onRequestHookHandler[];
  });
}

async function csrfGuard(req: FastifyRequest, reply: FastifyReply) {
  if (SAFE_METHODS.has(req.method)) return;
  if (req.headers[CSRF_HEADER] !== '1' || !isSameOrigin(req)) {
    await reply.code(403).send({ error: CSRF_REFUSAL });
  }
}

function isSameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  // Non-browser clients (CLI, tests) send no Origin; the header check above still applies to them.
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage are foreign
  }
}

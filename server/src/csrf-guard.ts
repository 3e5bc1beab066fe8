import type { FastifyReply, FastifyRequest } from 'fastify';

/** The custom header every state-changing call from our web client carries; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-pd-desk';

/**
 * An onRequest hook for every state-changing route, attached to the route itself so it applies to the
 * request as routed (whatever the raw URL looked like): refuses a request without the custom header or
 * from a foreign Origin, before any body is read.
 */
export async function refuseCrossSiteRequest(req: FastifyRequest, reply: FastifyReply) {
  if (isSameOrigin(req) && req.headers[CSRF_HEADER] === '1') return;
  return reply.code(403).send({ error: 'Запрос отклонён: нет защиты от подделки межсайтовых запросов (CSRF)' });
}

function isSameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // non-browser clients (CLI, tests) send no Origin; the header check still applies
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

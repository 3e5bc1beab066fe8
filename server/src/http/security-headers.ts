import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Browser-side defences for every response, through @fastify/helmet rather than hand-written headers.
 * Scripts only from our own origin (the Vite build has no inline script); styles may be inline because
 * Mantine injects <style> tags and style attributes at run time — a style cannot run code. QR codes
 * arrive as data: images. No page may frame us (clickjacking), and no URL with an id leaks as a referrer.
 * HSTS and upgrade-insecure-requests only behind HTTPS: on plain http://clinic-host they would break the app.
 */
export function registerSecurityHeaders(app: FastifyInstance, behindHttps: boolean) {
  void app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(behindHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: behindHttps ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });

  // Personal data must not stay in a browser or proxy cache (a shared reception computer): everything is
  // no-store unless a route chose otherwise — only the static web app (no personal data) sets its own.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

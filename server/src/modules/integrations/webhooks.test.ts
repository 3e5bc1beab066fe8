import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IntegrationEventPayload } from '@pd-desk/shared/integrations/integration-events';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { auditEntries, callerFor, serviceContext } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { emitIntegrationEvent } from './outbox';
import { systemByCode } from './purposes';
import { WebhookDispatcher } from './webhook-dispatcher';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from './webhook-signature';
import { createWebhook, listDeliveries } from './webhooks.service';

type Received = { body: string; signature: string; timestamp: string };

/** A booking system's webhook endpoint: answers `status()` and records what came. */
async function receiver(status: () => number = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const code = status();
      if (code < 300) {
        received.push({
          body,
          signature: String(req.headers[SIGNATURE_HEADER]),
          timestamp: String(req.headers[TIMESTAMP_HEADER]),
        });
      }
      res.writeHead(code).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { received, url: `http://127.0.0.1:${port}/hooks/pd-desk`, close: () => new Promise((r) => server.close(r)) };
}

const PAYLOAD: IntegrationEventPayload = {
  subjectId: 42,
  caseNumber: '15',
  records: [{ system: 'booking_site', externalId: 'B-7', purpose: 'online_booking' }],
  purposes: ['online_booking'],
  fields: ['phone'],
  contacts: { phones: ['79120001122'], emails: [] },
};

const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('webhooks', () => {
  const database = useTestDatabase('test');
  const dispatchers: WebhookDispatcher[] = [];
  const closers: Array<() => Promise<unknown>> = [];

  afterEach(async () => {
    for (const d of dispatchers.splice(0)) await d.stop();
    for (const c of closers.splice(0)) await c();
  });

  function dispatcher() {
    const d = new WebhookDispatcher({
      db: database.db,
      baseDelayMs: 40,
      maxDelayMs: 200,
      pollMs: 30,
      leaseMs: 30_000,
      // Generous: on a loaded machine a slow answer must not count as a failure (it would be sent again, at least once).
      timeoutMs: 10_000,
    });
    dispatchers.push(d);
    return d;
  }

  async function subscribe(url: string, eventTypes: Array<'block.created' | 'block.lifted'> = ['block.created']) {
    const { id } = await systemByCode(database.db, 'booking_site');
    return createWebhook(serviceContext(database.db), { systemId: id, url, eventTypes });
  }

  const emit = (type: 'block.created' | 'block.lifted' = 'block.created') =>
    database.db.transaction((tx) => emitIntegrationEvent(tx, type, PAYLOAD));

  test('a committed event reaches the subscriber signed over timestamp.body; other types are not sent', async () => {
    const r = await receiver();
    closers.push(r.close);
    const { secret } = await subscribe(r.url);
    await dispatcher().start();
    const { eventId } = await emit();
    await emit('block.lifted');
    await until(() => r.received.length === 1);
    const [got] = r.received;
    if (!got) throw new Error('nothing received');
    expect(JSON.parse(got.body)).toMatchObject({ id: eventId, type: 'block.created', data: PAYLOAD });
    expect(got.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, got, got.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhook('whsec_wrong', got, got.body, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifyWebhook(secret, got, `${got.body} `, Math.floor(Date.now() / 1000))).toBe(false);
    await new Promise((res) => setTimeout(res, 200));
    expect(r.received).toHaveLength(1);
  });

  test('a receiver that is down at first gets the event once it answers 2xx; the log shows the attempts', async () => {
    let up = false;
    const r = await receiver(() => (up ? 200 : 503));
    closers.push(r.close);
    await subscribe(r.url);
    await dispatcher().start();
    await emit();
    await until(async () => ((await listDeliveries(database.db, 10))[0]?.attempts ?? 0) >= 3);
    const failing = (await listDeliveries(database.db, 10))[0];
    expect(failing).toMatchObject({ lastStatus: 503, lastError: 'HTTP 503', deliveredAt: null });
    up = true;
    await until(async () => (await listDeliveries(database.db, 10))[0]?.deliveredAt != null);
    expect(r.received).toHaveLength(1);
    const [delivered] = await listDeliveries(database.db, 10);
    expect(delivered?.attempts).toBeGreaterThanOrEqual(3);
  });

  test('state lives in the database: a restarted dispatcher delivers what the stopped one could not', async () => {
    const closed = await receiver();
    const deadUrl = closed.url;
    await closed.close(); // nothing listens there now
    const sub = await subscribe(deadUrl);
    const first = dispatcher();
    await first.start();
    await emit();
    await until(async () => ((await listDeliveries(database.db, 10))[0]?.attempts ?? 0) >= 1);
    await first.stop();
    const [pending] = await listDeliveries(database.db, 10);
    expect(pending?.deliveredAt).toBeNull();
    expect(pending?.lastError).toBeTruthy();

    // The receiver comes back on a new address; the subscription is pointed there (as an admin would fix it).
    const r = await receiver();
    closers.push(r.close);
    await database.db.execute(sql`update webhook_subscriptions set url = ${r.url} where id = ${sub.id}`);
    await dispatcher().start();
    await until(() => r.received.length === 1);
  });

  test('«Повторить» sends a delivered event again and is audited; only the admin may', async () => {
    const r = await receiver();
    closers.push(r.close);
    await subscribe(r.url);
    await dispatcher().start();
    await emit();
    await until(() => r.received.length === 1);
    const [delivery] = await listDeliveries(database.db, 10);
    if (!delivery) throw new Error('no delivery');
    const officer = await callerFor(database.db, 'officer');
    await expect(officer.integrations.retryDelivery({ id: delivery.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await callerFor(database.db, 'admin');
    await admin.integrations.retryDelivery({ id: delivery.id });
    await until(() => r.received.length === 2);
    expect(r.received[1]?.body).toBe(r.received[0]?.body);
    expect((await auditEntries(database.db, 'webhook.retry')).map((e) => e.objectId)).toEqual([String(delivery.id)]);
  });

  test('two dispatchers over one database deliver each event once', async () => {
    const r = await receiver();
    closers.push(r.close);
    await subscribe(r.url);
    await Promise.all([dispatcher().start(), dispatcher().start()]);
    for (let i = 0; i < 10; i++) await emit();
    await until(() => r.received.length >= 10);
    await new Promise((res) => setTimeout(res, 300));
    const ids = r.received.map((x) => (JSON.parse(x.body) as { id: string }).id);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toHaveLength(10);
  });
});

import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/client';
import { selectRows } from '../subjects/sql-arrays';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

export type DispatcherOptions = {
  db: Db;
  /** Where commits of new events are announced (trigger in migration 0014); without one, polling alone. */
  listen?: { pglite: PGlite } | { pool: pg.Pool };
  /** First retry after this; doubles each attempt up to maxDelayMs (a receiver down for an hour gets a try every 5 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Fallback poll (another instance's events on a PGlite-less setup, due retries). */
  pollMs?: number;
  /** A claimed delivery is not retried by anyone else for this long; a crashed instance's claim then expires. */
  leaseMs?: number;
  timeoutMs?: number;
  onError?: (error: unknown) => void;
};

type Due = {
  id: number;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  occurred_at: string;
  payload: unknown;
};

const BATCH = 20;

/**
 * Sends the outbox to the subscribed systems: fans each new event out to one delivery per subscription, then POSTs
 * the due deliveries, signed, and retries failures with exponential backoff until the receiver answers 2xx. All the
 * state is in the database, so a restart (or another instance) carries on where this one stopped; claims use
 * FOR UPDATE SKIP LOCKED so several instances over one PostgreSQL never send a delivery twice at once.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly o: Required<Omit<DispatcherOptions, 'listen'>> & Pick<DispatcherOptions, 'listen'>;

  constructor(options: DispatcherOptions) {
    this.o = {
      baseDelayMs: 5_000,
      maxDelayMs: 300_000,
      pollMs: 2_000,
      leaseMs: 60_000,
      timeoutMs: 10_000,
      onError: () => {},
      ...options,
    };
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.subscribe().catch((error) => {
      this.o.onError(error);
      return null;
    });
    this.schedule();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    await this.running;
  }

  /** Runs a pass now (or right after the current one). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.schedule();
    }, this.o.pollMs);
    this.timer.unref();
  }

  private async subscribe(): Promise<(() => Promise<void>) | null> {
    const listen = this.o.listen;
    if (!listen) return null;
    if ('pglite' in listen) return listen.pglite.listen('integration_outbox', () => this.wake());
    const client = await listen.pool.connect();
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.o.onError(error));
    await client.query('LISTEN integration_outbox');
    return async () => {
      await client.query('UNLISTEN integration_outbox').catch(() => {});
      client.release();
    };
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await fanOut(this.o.db);
        while (!this.stopped) {
          const due = await this.claim();
          if (due.length === 0) break;
          await Promise.all(due.map((d) => this.deliver(d)));
        }
      } catch (error) {
        this.o.onError(error);
      }
    } while (this.again && !this.stopped);
  }

  private claim(): Promise<Due[]> {
    return selectRows<Due>(
      this.o.db,
      sql`with claimed as (
            update webhook_deliveries d
            set next_attempt_at = now() + ${`${this.o.leaseMs} milliseconds`}::interval,
                attempts = d.attempts + 1, last_attempt_at = now()
            where d.id in (
              select w.id from webhook_deliveries w
              join webhook_subscriptions s on s.id = w.subscription_id and s.active
              where w.delivered_at is null and w.next_attempt_at <= now()
              order by w.next_attempt_at limit ${BATCH}
              for update of w skip locked)
            returning d.id, d.attempts, d.subscription_id, d.outbox_id)
          select c.id, c.attempts, s.url, s.secret, o.event_id, o.type, o.occurred_at, o.payload
          from claimed c
          join webhook_subscriptions s on s.id = c.subscription_id
          join integration_outbox o on o.id = c.outbox_id`,
    );
  }

  private async deliver(d: Due): Promise<void> {
    const body = JSON.stringify({
      id: d.event_id,
      type: d.type,
      occurredAt: new Date(d.occurred_at).toISOString(),
      data: d.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
          [TIMESTAMP_HEADER]: String(timestamp),
          'user-agent': 'PD-Desk-Webhooks/1',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel().catch(() => {});
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    }
    if (error === null) {
      await this.o.db.execute(
        sql`update webhook_deliveries set delivered_at = now(), last_status = ${status}, last_error = null where id = ${d.id}`,
      );
      return;
    }
    const delay = retryDelayMs(d.attempts, this.o.baseDelayMs, this.o.maxDelayMs);
    await this.o.db.execute(
      sql`update webhook_deliveries
          set next_attempt_at = now() + ${`${delay} milliseconds`}::interval, last_status = ${status},
              last_error = ${error.slice(0, 500)}
          where id = ${d.id}`,
    );
  }
}

/** base·2^(attempt−1), capped, with ±20% jitter so receivers coming back are not hit by every sender at once. */
export function retryDelayMs(attempt: number, base: number, max: number): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}

/**
 * One delivery per active subscription wanting the event's type, for events not fanned out yet. The outbox rows
 * are locked (SKIP LOCKED) so two instances never fan out one event; the dispatch mark commits with the deliveries.
 */
export async function fanOut(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const events = await selectRows<{ id: number; type: string }>(
      tx,
      sql`select o.id, o.type from integration_outbox o
          where not exists (select 1 from integration_outbox_dispatch d where d.outbox_id = o.id)
          order by o.id limit 500
          for update of o skip locked`,
    );
    if (events.length === 0) return;
    const ids = events.map((e) => Number(e.id));
    await tx.execute(
      sql`insert into webhook_deliveries (subscription_id, outbox_id)
          select s.id, o.id from integration_outbox o
          join webhook_subscriptions s on s.active and s.event_types ? o.type
          where o.id = any(${sql.param(ids)}::bigint[])
          on conflict do nothing`,
    );
    await tx.execute(
      sql`insert into integration_outbox_dispatch (outbox_id) select unnest(${sql.param(ids)}::bigint[]) on conflict do nothing`,
    );
  });
}

// The running server's dispatcher, so an admin's «Повторить» is sent at once rather than at the next poll.
let current: WebhookDispatcher | null = null;

export function setWebhookDispatcher(dispatcher: WebhookDispatcher | null): void {
  current = dispatcher;
}

export function wakeWebhookDispatcher(): void {
  current?.wake();
}

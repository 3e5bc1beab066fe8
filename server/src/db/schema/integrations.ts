import type { ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import type { IntegrationEventPayload, IntegrationEventType } from '@pd-desk/shared/integrations/integration-events';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { processingSystems } from './subject-records';
import { users } from './users';

/**
 * Transactional outbox: a block, withdrawal or stop writes its event here in the same transaction as the change, so an
 * event exists exactly when the change committed. The webhook dispatcher (modules/integrations) fans it out to every
 * subscribed system and retries until each acknowledges.
 */
export const integrationOutbox = pgTable(
  'integration_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Sent to receivers so they can drop a repeated delivery. */
    eventId: uuid().notNull().unique().defaultRandom(),
    type: text().$type<IntegrationEventType>().notNull(),
    payload: jsonb().$type<IntegrationEventPayload>().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index().on(t.occurredAt)],
);

/** Marks an outbox row as fanned out to the subscriptions that existed then (its deliveries are in the table below). */
export const integrationOutboxDispatch = pgTable('integration_outbox_dispatch', {
  outboxId: bigint({ mode: 'number' })
    .primaryKey()
    .references(() => integrationOutbox.id),
  dispatchedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * A key another system calls /api/v1 with. Only the SHA-256 of the key is kept (ADR 0014: the key is 256 random bits,
 * so a fast hash is as safe as a slow one and keeps every request cheap); the prefix lets people tell keys apart.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    systemId: integer()
      .notNull()
      .references(() => processingSystems.id),
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    scopes: jsonb().$type<ApiScope[]>().notNull(),
    /** Requests a minute; 0 = no limit (a nightly sync, a load test). */
    rateLimit: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'string' }),
    lastUsedAt: timestamp({ withTimezone: true, mode: 'string' }),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true, mode: 'string' }),
    revokedById: integer().references(() => users.id),
  },
  // One key per system: a new key for a system is refused until the old one is revoked.
  (t) => [uniqueIndex('api_keys_one_live_per_system').on(t.systemId).where(sql`revoked_at is null`)],
);

/** Where a system wants to hear about blocks, withdrawals and stops. The secret signs each POST (HMAC-SHA256). */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  systemId: integer()
    .notNull()
    .references(() => processingSystems.id),
  url: text().notNull(),
  /** Kept as it is: the server must sign with it. Shown once when created. */
  secret: text().notNull(),
  eventTypes: jsonb().$type<IntegrationEventType[]>().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** One event to one subscription, retried with backoff until the receiver answers 2xx. The state is here, not in memory. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: integer()
      .notNull()
      .references(() => webhookSubscriptions.id),
    outboxId: bigint({ mode: 'number' })
      .notNull()
      .references(() => integrationOutbox.id),
    attempts: integer().notNull().default(0),
    /** When the next attempt is due; a claimed delivery gets a lease here, so a crashed instance's work comes back. */
    nextAttemptAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true, mode: 'string' }),
    lastStatus: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true, mode: 'string' }),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    unique('webhook_deliveries_subscription_outbox').on(t.subscriptionId, t.outboxId),
    index('webhook_deliveries_due').on(t.nextAttemptAt).where(sql`delivered_at is null`),
  ],
);

/** The first answer to each Idempotency-Key of a system, with a hash of the body it answered. */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    systemId: integer()
      .notNull()
      .references(() => processingSystems.id),
    key: text().notNull(),
    requestHash: text().notNull(),
    status: integer().notNull(),
    response: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.key] })],
);

/**
 * One row whose number triggers bump on every statement that changes who may be contacted (records, consents,
 * contacts, merges). The suppression list's ETag is this number: a conditional GET costs one primary-key read.
 */
export const integrationChangeCounter = pgTable('integration_change_counter', {
  id: smallint().primaryKey(),
  version: bigint({ mode: 'number' }).notNull(),
});

import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import type { Actor } from '../../service-context';
import { type AuditInput, appendAuditEntries } from './audit.service';

type Pending = { actor: Actor; input: AuditInput; done: (error?: unknown) => void };

/** More than this many entries wait for the next transaction: keeps one insert statement small. */
const MAX_BATCH = 500;

/**
 * Group commit for the entries of reads (a search, a page opened, an API lookup): what was shown is already
 * decided, so the entry does not need the reader's transaction. Each caller waits until the transaction holding
 * its entry has committed — no answer leaves before its trace is in the database (docs/decisions/0023). While
 * one batch commits, the entries arriving meanwhile gather into the next: under load one chain lock, one insert
 * and one commit (one WAL flush) serve dozens of readers instead of each queueing on the lock. Idle, a batch is
 * one entry and leaves at once, so a lone reader waits no longer than before.
 *
 * The chain stays strictly ordered: batches are committed one after another from this queue, and each takes the
 * chain lock like every other writer (other instances, changes appended inside their own transactions).
 */
export class AuditQueue {
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  append(actor: Actor, input: AuditInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ actor, input, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.db.transaction((tx) => appendAuditEntries(tx, batch));
          for (const entry of batch) entry.done();
        } catch (error) {
          // The callers fail: a read whose trace could not be written is not answered.
          for (const entry of batch) entry.done(error ?? new Error('audit batch failed'));
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/** One queue per database handle, so every path that reads personal data shares its batches. */
const queues = new WeakMap<Db, AuditQueue>();

export function auditQueueOf(db: Db): AuditQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new AuditQueue(db);
    queues.set(db, queue);
  }
  return queue;
}

/**
 * Audits a view of personal data through the group commit; resolves once the entry is committed. Changes do not
 * come here: they append inside their own transaction (appendAudit), so the change and its entry commit together.
 */
export function auditView(db: Db, actor: Actor, input: AuditInput): Promise<void> {
  // On PGlite (one connection) the queue's transaction waits for the caller's to end, which waits for the queue.
  if (db instanceof PgTransaction) throw new Error('auditView is called outside a transaction (it commits its own)');
  return auditQueueOf(db).append(actor, input);
}

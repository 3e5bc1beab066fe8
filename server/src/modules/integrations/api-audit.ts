import type { Db } from '../../db/client';
import type { Actor } from '../../service-context';
import { type AuditInput, appendAuditEntries } from '../audit/audit.service';

type Pending = { actor: Actor; input: AuditInput; done: (error?: unknown) => void };

/** More than this many entries wait for the next transaction: keeps one insert statement small. */
const MAX_BATCH = 500;

/**
 * The audit trail of API reads (permissions, suppression list). Every call waits until its entry has committed
 * before it answers, so no answer leaves without its trace; while one batch commits, the calls arriving meanwhile
 * gather into the next one (group commit). With 50 concurrent callers a batch holds ~50 entries: one chain lock,
 * one insert, one commit for all of them, instead of fifty transactions queued on the lock.
 */
export class AuditBatcher {
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
          // The callers answer 500: a read whose trace could not be written is not answered.
          for (const entry of batch) entry.done(error ?? new Error('audit batch failed'));
        }
      }
    } finally {
      this.running = false;
    }
  }
}

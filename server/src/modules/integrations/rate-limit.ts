/**
 * Requests a minute per key, counted in this process (a fixed one-minute window). Several instances behind a balancer
 * each allow the limit; the limit stops a runaway loop, it is not a quota (ADR 0014).
 */
export class RateLimiter {
  private windows = new Map<number, { start: number; count: number }>();

  /** null when the call may go ahead, else the seconds until the window resets. */
  take(keyId: number, limitPerMinute: number, now = Date.now()): number | null {
    if (limitPerMinute === 0) return null;
    const start = now - (now % 60_000);
    let window = this.windows.get(keyId);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(keyId, window);
    }
    if (window.count >= limitPerMinute) return Math.ceil((start + 60_000 - now) / 1000);
    window.count += 1;
    return null;
  }
}

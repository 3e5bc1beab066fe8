/** Where a background task reports: the server's logger (pino) or anything shaped like it. */
export type BackgroundLog = { info(o: object, m: string): void; error(o: object, m: string): void };

/**
 * Runs `task` at once and then every `everyMs`. Housekeeping, not a request: a failure is logged and the next round
 * tries again, never fatal, and the timer does not keep the process alive. Returns the stop function.
 */
export function repeatInBackground(
  name: string,
  everyMs: number,
  task: () => Promise<object>,
  log: BackgroundLog,
): () => void {
  const run = () =>
    task().then(
      (result) => log.info(result, `${name}: done`),
      (err: unknown) => log.error({ err }, `${name}: failed`),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The HTTP callers of a concurrent benchmark, in a process of their own (bench/search.bench.ts forks it): a real
 * server does not share its event loop and its core with the people calling it, so neither should the measured one.
 * Receives one job over IPC, answers with autocannon's summary and every response time, then exits.
 */
import autocannon from 'autocannon';

export type LoadJob = {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** Requested in turn, round and round. */
  paths: string[];
};

export type LoadResult = {
  average: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Every response time in ms, for an exact p95 (autocannon's summary stops at p90 and p97.5). */
  times: number[];
};

async function run(job: LoadJob): Promise<LoadResult> {
  let i = 0;
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    headers: job.headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: job.paths[i++ % job.paths.length] }) }],
    // A loaded machine stretches answers past autocannon's 10 s default: count them as slow, not as lost.
    timeout: 120,
    // Without a callback the instance is also the promise of the result (the types only know the promise).
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  const times: number[] = [];
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const result = await instance;
  return {
    average: result.requests.average,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    times,
  };
}

process.once('message', (job: LoadJob) => {
  void run(job).then((result) => process.send?.(result, () => process.exit(0)));
});

/**
 * Subject search at scale: 1M demo subjects in a file-backed PGlite under bench/.data/search (seeded once, reused
 * by later runs), and in PostgreSQL when DATABASE_URL is set. For a mixed set of realistic queries (every kind of
 * shared/src/demo/search-query-set.ts) it prints p50/p95 of
 *   - search:  the real path (searchSubjects: parse, dictionary, probes, ranking, masking, audit entry);
 *   - find:    the same without the audit entry (findSubjects);
 *   - raw SQL: the very statements `find` sent, replayed straight to the driver (no parsing, no ranking, no ORM);
 *   - ILIKE:   a naive '%word%' scan of names, phones and e-mails (on a sample: each costs a full scan);
 * with the ratios, and recall@5 at this scale. Run with `pnpm bench:search` (BENCH_SUBJECTS to change the size,
 * BENCH_ONLY=postgres to skip PGlite).
 *
 * `--clients 50`: instead, a real server (this process, as bench:api) answers GET /trpc/subjects.search for 50
 * concurrent HTTP callers signed in as an officer (session, role check, search, audit entry through the group commit,
 * JSON); printed against two floors from the same run and load: the search's own SQL replayed by 50 callers straight
 * to the driver, and GET /healthz (one `select 1` over the same HTTP stack). The callers run in a child process
 * (bench/http-load.ts), so the server's CPU per search is its own; PostgreSQL's is read from /proc for its backends
 * (docs/decisions/0029). BENCH_CPU_PROFILE=file.cpuprofile profiles the server over the search run.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { type DatabaseHandle, type Db, openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { loadConfig } from '../server/src/env';
import { useAuditKey } from '../server/src/modules/audit/audit-key';
import { createSession, SESSION_COOKIE } from '../server/src/modules/auth/sessions';
import { DEMO_SUBJECT_SEED, seedDemoSubjects } from '../server/src/modules/demo/demo-subjects';
import { findSubjects, searchSubjects } from '../server/src/modules/subjects/search.service';
import { createServer } from '../server/src/server';
import type { ServiceContext } from '../server/src/service-context';
// Relative imports only: bench/ has no node_modules of its own, packages resolve from server/ and shared/.
import { generateSubjects } from '../shared/src/demo/demo-subjects';
import { buildQuerySet, QUERY_KINDS, type SearchQuery } from '../shared/src/demo/search-query-set';
import type { LoadJob, LoadResult } from './http-load';
import { percentile, timed } from './stats';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const QUERY_SEED = 11;
const WARMUP = 40;
/** ILIKE scans the table for every query: a sample per kind keeps the run in minutes. */
const ILIKE_PER_KIND = 3;
const BENCH_ACTOR = { userId: null, login: 'bench', role: 'system', ip: null };
const benchContext = (db: Db): ServiceContext => ({ db, actor: BENCH_ACTOR, clock: systemClock('Asia/Yekaterinburg') });
const dataDir = path.join(import.meta.dirname, '.data', 'search');
const clientsArg = process.argv.indexOf('--clients');
/** 0: the sequential benchmark; otherwise this many concurrent HTTP callers. */
const CLIENTS = clientsArg > 0 ? Number(process.argv[clientsArg + 1]) : 0;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const log = (line = '') => process.stdout.write(`${line}\n`);

/** A drizzle statement, as search hands it to `execute`. */
type SQL = Parameters<Db['execute']>[0];
type Dialect = { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } };

type RawClient = { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

async function main() {
  // searchSubjects appends an audit entry, which needs the chain's key; a throwaway one for bench data.
  useAuditKey(Buffer.alloc(32, 7));
  log(`Subject search benchmark: ${SUBJECTS.toLocaleString('en')} subjects`);
  const people = [...generateSubjects({ seed: DEMO_SUBJECT_SEED, count: SUBJECTS })];
  const { queries } = buildQuerySet(people, { seed: QUERY_SEED });
  people.length = 0;
  log(`${queries.length} queries, ${QUERY_KINDS.length} kinds`);

  // BENCH_ONLY=postgres re-measures PostgreSQL alone (PGlite takes minutes per run on two cores).
  if (process.env.BENCH_ONLY !== 'postgres') {
    fs.mkdirSync(dataDir, { recursive: true });
    await benchmark('PGlite', await openDatabase({ dataDir, command: 'bench search' }), queries);
  }
  if (process.env.DATABASE_URL) {
    await benchmark(
      'PostgreSQL',
      await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', command: '' }),
      queries,
    );
  }
}

async function benchmark(name: string, handle: DatabaseHandle, queries: readonly SearchQuery[]) {
  log(
    `\n== ${name} (${handle.location}); load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  try {
    await runMigrations(handle);
    await ensureSeeded(handle);
    const db = handle.db;
    const client = (db as unknown as { $client: RawClient }).$client;
    // The query builder's own compiler: the replayed text and parameters are exactly what the driver got.
    const dialect = (db as unknown as { dialect: Dialect }).dialect;

    if (CLIENTS > 0) {
      await concurrent(handle, queries);
      return;
    }
    for (const q of queries.slice(0, WARMUP)) await searchSubjects(benchContext(db), { query: q.query });

    const search: number[] = [];
    const find: number[] = [];
    const raw: number[] = [];
    const hit: boolean[] = [];
    for (const q of queries) {
      // An untimed run first notes the statements and warms the cache, so the three timings below read the same
      // pages: none of them is flattered by the one before it.
      const statements: SQL[] = [];
      const { found } = await findSubjects(recording(db, statements), { query: q.query, limit: 20 });
      hit.push(found.slice(0, 5).some((f) => f.candidate.externalId === q.expectedExternalId));
      const compiled = statements.map((s) => dialect.sqlToQuery(s));
      search.push(await timed(() => searchSubjects(benchContext(db), { query: q.query, limit: 20 })));
      find.push(await timed(() => findSubjects(db, { query: q.query, limit: 20 })));
      raw.push(
        await timed(async () => {
          for (const c of compiled) await client.query(c.sql, c.params);
        }),
      );
    }

    const sample = QUERY_KINDS.flatMap((kind) => queries.filter((q) => q.kind === kind).slice(0, ILIKE_PER_KIND));
    const ilike: number[] = [];
    const searchOnSample: number[] = [];
    for (const q of sample) {
      ilike.push(await timed(() => naiveScan(client, q.query)));
      searchOnSample.push(await timed(() => searchSubjects(benchContext(db), { query: q.query, limit: 20 })));
    }

    const row = (label: string, xs: number[]) =>
      `  ${label.padEnd(34)} p50 ${fmt(percentile(xs, 0.5))}  p95 ${fmt(percentile(xs, 0.95))}  (${xs.length} queries)`;
    log(row('search (real path, audited)', search));
    log(row('find (same, without audit entry)', find));
    log(row('raw indexed SQL (same statements)', raw));
    log(row(`naive ILIKE scan (sample)`, ilike));
    log(row(`search on the ILIKE sample`, searchOnSample));
    const ratio = (a: number[], b: number[], p: number) => (percentile(a, p) / percentile(b, p)).toFixed(2);
    log(`  search / raw SQL: p50 ×${ratio(search, raw, 0.5)}, p95 ×${ratio(search, raw, 0.95)}`);
    log(`  find / raw SQL:   p50 ×${ratio(find, raw, 0.5)}, p95 ×${ratio(find, raw, 0.95)}`);
    log(`  ILIKE / search:   p50 ×${ratio(ilike, searchOnSample, 0.5)}, p95 ×${ratio(ilike, searchOnSample, 0.95)}`);
    const found = hit.filter(Boolean).length;
    log(`  recall@5 at this size: ${(found / queries.length).toFixed(3)} (${found}/${queries.length})`);
    log('  per kind: search p50 / p95, recall@5');
    for (const kind of QUERY_KINDS) {
      const of = (i: number) => queries[i]?.kind === kind;
      const xs = search.filter((_, i) => of(i));
      const kindHits = hit.filter((h, i) => of(i) && h).length;
      log(
        `    ${kind.padEnd(26)} ${fmt(percentile(xs, 0.5))} / ${fmt(percentile(xs, 0.95))}   ${kindHits}/${xs.length}`,
      );
    }
  } finally {
    await handle.close();
  }
}

/** The search over HTTP with CLIENTS callers at once, its two floors, and recall@5 of the same queries. */
async function concurrent(handle: DatabaseHandle, queries: readonly SearchQuery[]) {
  const db = handle.db;
  const client = (db as unknown as { $client: RawClient }).$client;
  const dialect = (db as unknown as { dialect: Dialect }).dialect;
  const hits: boolean[] = [];
  const compiled: { sql: string; params: unknown[] }[][] = [];
  for (const q of queries) {
    const statements: SQL[] = [];
    const { found } = await findSubjects(recording(db, statements), { query: q.query, limit: 20 });
    hits.push(found.slice(0, 5).some((f) => f.candidate.externalId === q.expectedExternalId));
    compiled.push(statements.map((s) => dialect.sqlToQuery(s)));
  }
  const config = {
    ...loadConfig({
      PORT: '0',
      PD_DESK_LOG_LEVEL: 'info',
      PD_DESK_DATA: path.join(os.tmpdir(), 'pd-desk-bench-search'),
    }),
    webDist: path.join(os.tmpdir(), 'pd-desk-bench-no-web'),
  };
  await client.query(
    `insert into users (login, display_name, role, password_hash) values ('bench-search-officer', 'Офицер', 'officer', 'x')
     on conflict (login) do nothing`,
  );
  const { rows } = await client.query(`select id from users where login = 'bench-search-officer'`);
  const userId = Number((rows[0] as { id: number }).id);
  const { token } = await createSession(db, config, userId, { ip: '127.0.0.1', userAgent: 'bench' });
  // The server logs as in production (info, one line per request) into the void: logging is part of the cost.
  const server = createServer({ config, database: handle, logStream: { write() {} } });
  const { url } = await server.start();
  try {
    const paths = queries.map(
      (q) => `/trpc/subjects.search?input=${encodeURIComponent(JSON.stringify({ query: q.query, limit: 20 }))}`,
    );
    const headers = { cookie: `${SESSION_COOKIE}=${token}` };
    const run = (load: string[], seconds: number) =>
      callers({ url, connections: CLIENTS, seconds, headers, paths: load });
    await run(paths, 3); // warm-up: plans, caches, JIT
    // The transport floor first: after the search run the server may still be draining its backlog.
    const health = await run(['/healthz'], Math.max(5, SECONDS / 4));
    const before = await client.query(`select count(*)::int as n from audit_log where action = 'subject.search'`);
    const database = await databaseCpu(client);
    const profile = await startProfile();
    const statements = countStatements(handle);
    const cpu = process.cpuUsage();
    const search = await run(paths, SECONDS);
    const used = process.cpuUsage(cpu);
    await profile.stop();
    const sent = statements.stop();
    const databaseMs = await database.used();
    const after = await client.query(`select count(*)::int as n from audit_log where action = 'subject.search'`);
    const audited = (after.rows[0] as { n: number }).n - (before.rows[0] as { n: number }).n;
    log(`  ${CLIENTS} concurrent clients, ${SECONDS} s; load average ${loadAverage()}`);
    log(httpRow('GET subjects.search (HTTP, audited)', search));
    const perSearch = (ms: number) => (ms / search.total).toFixed(2);
    log(
      `    CPU per search: server process ${perSearch((used.user + used.system) / 1000)} ms` +
        `${databaseMs === null ? '' : `, PostgreSQL backends ${perSearch(databaseMs)} ms`} (callers in their own process); ` +
        `audit entries written ${audited.toLocaleString('en')} for ${search.ok.toLocaleString('en')} answered`,
    );
    log(`    statements sent per search ${(sent / search.total).toFixed(2)} (session, search, audit batches)`);
    log(httpRow('floor: GET /healthz (HTTP, select 1)', health));
    await sqlFloor(client, compiled);
    log(`  load average after ${loadAverage()}`);
  } finally {
    await server.app.close();
  }
  const found = hits.filter(Boolean).length;
  log(`  recall@5 at this size: ${(found / queries.length).toFixed(3)} (${found}/${queries.length})`);
}

/** The search's own statements, replayed straight to the driver by CLIENTS callers at once. */
async function sqlFloor(client: RawClient, compiled: { sql: string; params: unknown[] }[][]) {
  const latencies: number[] = [];
  const database = await databaseCpu(client);
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const statements = compiled[n++ % compiled.length] ?? [];
      const started = performance.now();
      for (const c of statements) await client.query(c.sql, c.params);
      latencies.push(performance.now() - started);
    }
  };
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  const used = process.cpuUsage(cpu);
  const databaseMs = await database.used();
  const perSearch = (ms: number) => (ms / latencies.length).toFixed(2);
  log(
    `  ${'floor: the same SQL, driver'.padEnd(38)} p50 ${fmt(percentile(latencies, 0.5))}  p95 ${fmt(percentile(latencies, 0.95))}  ${Math.round(latencies.length / SECONDS).toLocaleString('en')} searches/s`,
  );
  log(
    `    CPU per search: driver ${perSearch((used.user + used.system) / 1000)} ms` +
      `${databaseMs === null ? '' : `, PostgreSQL backends ${perSearch(databaseMs)} ms`}; ` +
      `statements per search ${(compiled.flat().length / compiled.length).toFixed(2)}`,
  );
}

function httpRow(label: string, { average, total, non2xx, errors, times }: LoadResult): string {
  return (
    `  ${label.padEnd(38)} p50 ${fmt(percentile(times, 0.5))}  p95 ${fmt(percentile(times, 0.95))}  p99 ${fmt(percentile(times, 0.99))}  ` +
    `${Math.round(average).toLocaleString('en')} req/s  (${total.toLocaleString('en')}, ${non2xx} non-2xx, ${errors} errors)`
  );
}

/** Counts the statements the pool's clients send from now until stop(): what a search costs in round trips. */
function countStatements(handle: DatabaseHandle): { stop(): number } {
  const proto = (
    handle.pool as unknown as { Client: { prototype: { query: (...args: unknown[]) => unknown } } } | undefined
  )?.Client.prototype;
  if (!proto) return { stop: () => Number.NaN };
  const query = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n += 1;
    return query.apply(this, args);
  };
  return {
    stop() {
      proto.query = query;
      return n;
    },
  };
}

/** BENCH_CPU_PROFILE=file.cpuprofile: the server's CPU profile over the search run, for DevTools or a summary. */
async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return { async stop() {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Runs the HTTP callers in a child process (bench/http-load.ts), so they do not take the server's CPU. */
function callers(job: LoadJob): Promise<LoadResult> {
  // The child inherits this process's tsx loader (execArgv).
  const child = fork(path.join(import.meta.dirname, 'http-load.ts'));
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

/**
 * CPU time of this database's PostgreSQL backends (the pool's connections) over a run, from /proc: the cluster is
 * on this machine in the benchmark. Null on PGlite or when /proc cannot be read.
 */
async function databaseCpu(client: RawClient): Promise<{ used(): Promise<number | null> }> {
  const backends = async () => {
    const { rows } = await client.query(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return rows.map((r) => (r as { pid: number }).pid);
  };
  const ticks = (pid: number): number => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name).
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return Number.NaN;
    }
  };
  const pids = await backends().catch(() => [] as number[]);
  const start = new Map(pids.map((pid) => [pid, ticks(pid)]));
  return {
    async used() {
      if (pids.length === 0) return null;
      let total = 0;
      for (const pid of await backends()) total += ticks(pid) - (start.get(pid) ?? 0);
      // Linux reports clock ticks of 10 ms (USER_HZ 100).
      return Number.isNaN(total) ? null : total * 10;
    },
  };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function ensureSeeded(handle: DatabaseHandle) {
  const client = (handle.db as unknown as { $client: RawClient }).$client;
  const { rows } = await client.query(`select count(*)::int as n from subjects where external_id like 'DEMO-%'`);
  const have = (rows[0] as { n: number } | undefined)?.n ?? 0;
  if (have >= SUBJECTS) {
    log(`  reusing ${have.toLocaleString('en')} seeded subjects`);
    return;
  }
  log(`  seeding ${SUBJECTS.toLocaleString('en')} subjects (have ${have.toLocaleString('en')})…`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let lastReport = 0;
  await seedDemoSubjects(benchContext(handle.db), SUBJECTS, (done, phase) => {
    if (done - lastReport < SUBJECTS / 20 && phase === 'rows') return;
    lastReport = done;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stderr.write(
      `  ${phase === 'rows' ? `${done.toLocaleString('en')} rows` : 'building indexes'} at ${seconds} s\n`,
    );
  });
  const seeded = (performance.now() - started) / 1000;
  // PGlite runs inside this process: its CPU time is the work itself, whatever else the machine was doing.
  const { user, system } = process.cpuUsage(cpu);
  const analyzeStarted = performance.now();
  await client.query('vacuum analyze');
  log(
    `  seeded in ${seeded.toFixed(1)} s (${Math.round((SUBJECTS - have) / seeded).toLocaleString('en')} rows/s, ` +
      `${((user + system) / 1e6).toFixed(0)} s of CPU in this process); ` +
      `vacuum analyze ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`,
  );
}

/**
 * What search is measured against: each word as '%word%', names on subjects, digits on phones and addresses on
 * e-mails as they were written; an identifier-only query scans its own table.
 */
async function naiveScan(client: RawClient, query: string) {
  const words = query.split(/[\s,]+/).filter((w) => w.length > 1);
  const like = (ws: string[]) => ws.map((w) => `%${w.replace(/[%_\\]/g, '\\$&')}%`);
  const emails = like(words.filter((w) => w.includes('@')));
  const digits = like(words.filter((w) => !w.includes('@') && /^[\d()+.-]+$/.test(w)));
  const names = like(words.filter((w) => !w.includes('@') && !/^[\d()+.-]+$/.test(w)));
  const columns = 's.id, s.external_id, s.last_name, s.first_name, s.middle_name, s.birth_date, s.category';
  const phoneMatch = 'p.raw ilike any ($2::text[])';
  const emailMatch = 'e.raw ilike any ($3::text[])';
  if (names.length > 0) {
    await client.query(
      `select ${columns} from subjects s
       where concat_ws(' ', s.last_name, s.first_name, s.middle_name, s.birth_date::text) ilike all ($1::text[])
         and ($2::text[] = '{}' or exists (select 1 from subject_phones p where p.subject_id = s.id and ${phoneMatch}))
         and ($3::text[] = '{}' or exists (select 1 from subject_emails e where e.subject_id = s.id and ${emailMatch}))
       limit 20`,
      [names, digits, emails],
    );
  } else if (digits.length > 0) {
    await client.query(
      `select ${columns} from subject_phones p join subjects s on s.id = p.subject_id
       where $1::text[] is not null and ${phoneMatch} and $3::text[] is not null limit 20`,
      [names, digits, emails],
    );
  } else {
    await client.query(
      `select ${columns} from subject_emails e join subjects s on s.id = e.subject_id
       where $1::text[] is not null and $2::text[] is not null and ${emailMatch} limit 20`,
      [names, digits, emails],
    );
  }
}

/** The database with every raw statement noted: search only talks to it through `execute`. */
function recording(db: Db, statements: SQL[]): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return (query: SQL) => {
          statements.push(query);
          return target.execute(query);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function fmt(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`.padStart(10);
}

await main();

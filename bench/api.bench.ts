/**
 * The integration API under load (issue 10 targets): 1M demo subjects (the same seed as bench:search), autocannon with
 * 50 connections on loopback against GET /api/v1/permissions (real path: key check, normalisation, lookup, audited by
 * group commit), and in the same run the raw SQL of the lookup replayed straight to the driver with 50 concurrent
 * callers as the floor. Then the suppression list for ~100k suppressed contacts: time to the last byte and the
 * process's peak RSS (the server runs in this process) against the RSS before.
 * PGlite in bench/.data/api (seeded once, reused); PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) is set.
 * `pnpm bench:api` (BENCH_SUBJECTS for a smaller size, BENCH_ONLY=postgres|pglite, BENCH_SECONDS per load run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { systemClock } from '../server/src/clock';
import { type DatabaseHandle, type Db, openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { loadConfig } from '../server/src/env';
import { useAuditKey } from '../server/src/modules/audit/audit-key';
import { seedDemoSubjects } from '../server/src/modules/demo/demo-subjects';
import { createApiKey } from '../server/src/modules/integrations/api-keys.service';
import { isContactBlocked } from '../server/src/modules/integrations/block-source';
import { subjectFactsQuery } from '../server/src/modules/integrations/permissions.service';
import { purposeByCode, systemByCode } from '../server/src/modules/integrations/purposes';
import { createServer } from '../server/src/server';
import type { ServiceContext } from '../server/src/service-context';
import { fmt, percentile } from './stats';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 50;
const SUPPRESSED_SUBJECTS = Number(process.env.BENCH_SUPPRESSED ?? 60_000);
const SAMPLE = 5_000;
const BENCH_ACTOR = { userId: null, login: 'bench', role: 'system', ip: null };
const ctx = (db: Db): ServiceContext => ({ db, actor: BENCH_ACTOR, clock: systemClock('Asia/Yekaterinburg') });
const dataDir = path.join(import.meta.dirname, '.data', 'api');
const log = (line = '') => process.stdout.write(`${line}\n`);

type RawClient = { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> };
type Dialect = { sqlToQuery(sql: Parameters<Db['execute']>[0]): { sql: string; params: unknown[] } };

async function main() {
  useAuditKey(Buffer.alloc(32, 7));
  log(
    `Integration API benchmark: ${SUBJECTS.toLocaleString('en')} subjects, ${CONNECTIONS} connections, ${SECONDS} s a run`,
  );
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (process.env.BENCH_ONLY !== 'postgres') {
    fs.mkdirSync(dataDir, { recursive: true });
    await benchmark('PGlite', await openDatabase({ dataDir, command: 'bench api' }));
  }
  if (url && process.env.BENCH_ONLY !== 'pglite') {
    await benchmark('PostgreSQL', await openDatabase({ databaseUrl: url, dataDir: '', command: '' }));
  }
}

async function benchmark(name: string, handle: DatabaseHandle) {
  log(
    `\n== ${name} (${handle.location}); load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const client = (handle.db as unknown as { $client: RawClient }).$client;
  await runMigrations(handle);
  await ensureSeeded(handle, client);
  const phones = (
    (await client.query(`select digits from subject_phones order by subject_id desc limit ${SAMPLE}`)).rows as Array<{
      digits: string;
    }>
  ).map((r) => r.digits);
  const { id: systemId } = await systemByCode(handle.db, 'booking_site');
  await client.query(`update api_keys set revoked_at = now() where system_id = $1 and revoked_at is null`, [systemId]);
  const { key } = await createApiKey(ctx(handle.db), {
    systemId,
    scopes: ['permissions:read', 'suppression:read'],
    rateLimit: 0,
  });
  const config = {
    ...loadConfig({
      PORT: '0',
      PD_DESK_LOG_LEVEL: 'silent',
      PD_DESK_DATA: path.join(os.tmpdir(), 'pd-desk-bench-api'),
    }),
    webDist: path.join(os.tmpdir(), 'pd-desk-bench-no-web'),
  };
  const server = createServer({ config, database: handle });
  const { url } = await server.start();
  try {
    // Vary the phone format as real callers do: the normalisation is part of the path.
    const formats = [
      (d: string) => `+${d}`,
      (d: string) => `8${d.slice(1)}`,
      (d: string) => `+7 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`,
    ];
    let i = 0;
    const nextPath = () => {
      const d = phones[i % phones.length] as string;
      const phone = (formats[i % formats.length] as (d: string) => string)(d);
      i += 1;
      return `/api/v1/permissions?phone=${encodeURIComponent(phone)}&purpose=online_booking`;
    };
    const warm = await load(url, key, nextPath, 3); // warm-up: caches, plans, JIT
    log(
      `  warm-up: ${warm.requests.total} requests, p50 ${fmt(warm.latency.p50)}, ${warm.errors} errors, ${warm.timeouts} timeouts`,
    );
    const result = await load(url, key, nextPath, SECONDS);
    log(
      `  GET /api/v1/permissions (HTTP, audited)  p50 ${fmt(result.latency.p50)}  p95 ${fmt(percentile95(result))}  p99 ${fmt(result.latency.p99)}  ${Math.round(result.requests.average).toLocaleString('en')} req/s  (${result.requests.total.toLocaleString('en')} requests, ${result.non2xx} non-2xx, ${result.errors} errors)`,
    );
    await rawFloor(handle, phones);
    await suppression(url, key);
  } finally {
    await server.app.close();
    await handle.close();
  }
}

function load(url: string, key: string, nextPath: () => string, duration: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { authorization: `Bearer ${key}` },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) }],
  });
}

/** autocannon reports p97.5 and p99 but no p95: the nearest it has is p90 and p97.5; print p97.5 as the upper bound. */
function percentile95(result: autocannon.Result): number {
  return (result.latency as unknown as { p97_5: number }).p97_5;
}

/** The lookup's own statements, straight to the driver, 50 callers at once: what no HTTP layer can beat. */
async function rawFloor(handle: DatabaseHandle, phones: string[]) {
  const client = (handle.db as unknown as { $client: RawClient }).$client;
  const dialect = (handle.db as unknown as { dialect: Dialect }).dialect;
  const purpose = await purposeByCode(handle.db, 'online_booking');
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const contact = { kind: 'phone' as const, value: phones[n++ % phones.length] as string };
      const q = dialect.sqlToQuery(subjectFactsQuery(contact, purpose.id));
      const started = performance.now();
      await Promise.all([client.query(q.sql, q.params), isContactBlocked(handle.db, contact, purpose)]);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  log(
    `  raw SQL floor (same statements, driver)  p50 ${fmt(percentile(latencies, 0.5))}  p95 ${fmt(percentile(latencies, 0.95))}  p99 ${fmt(percentile(latencies, 0.99))}  ${Math.round(latencies.length / SECONDS).toLocaleString('en')} lookups/s`,
  );
}

async function suppression(url: string, key: string) {
  for (const format of ['csv', 'json']) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/suppression-list?purpose=newsletter&format=${format}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    let bytes = 0;
    let lines = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      // Contacts: lines of the CSV (less its header), objects of the JSON.
      for (const b of value) if (b === (format === 'csv' ? 10 : 123)) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const etag = response.headers.get('etag') ?? '';
    const again = await fetch(`${url}/api/v1/suppression-list?purpose=newsletter&format=${format}`, {
      headers: { authorization: `Bearer ${key}`, 'if-none-match': etag },
    });
    const count = lines - 1;
    log(
      `  suppression list ${format.padEnd(4)} ${count.toLocaleString('en')} contacts, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; RSS ${mb(before)} → peak ${mb(peak)} (+${mb(peak - before)}); If-None-Match → ${again.status}`,
    );
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function ensureSeeded(handle: DatabaseHandle, client: RawClient) {
  const { rows } = await client.query(`select count(*)::int as n from subjects where external_id like 'DEMO-%'`);
  const have = (rows[0] as { n: number } | undefined)?.n ?? 0;
  if (have < SUBJECTS) {
    log(`  seeding ${SUBJECTS.toLocaleString('en')} subjects (have ${have.toLocaleString('en')})…`);
    const started = performance.now();
    await seedDemoSubjects(ctx(handle.db), SUBJECTS);
    log(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const marked = await client.query(`select count(*)::int as n from pd_records where source = 'bench:api'`);
  if (((marked.rows[0] as { n: number } | undefined)?.n ?? 0) > 0) return;
  log('  adding booking records, consents and withdrawn newsletter consents…');
  // A booking record on consent for every tenth subject, half of them with a consent in force; newsletter consents
  // withdrawn by SUPPRESSED_SUBJECTS people with a phone or an e-mail: the suppression list's ~100k contacts.
  await client.query(`
    insert into pd_records (subject_id, system_id, purpose_id, legal_basis, data_fields, source, collected_on)
    select s.id, (select id from processing_systems where code = 'booking_site'),
      (select id from processing_purposes where code = 'online_booking'), 'consent', '["full_name","phone"]', 'bench:api', '2026-01-15'
    from subjects s where s.id % 10 = 0`);
  await client.query(`
    insert into consents (subject_id, purpose_id, method, form, checkbox_text, policy_version, given_at)
    select s.id, (select id from processing_purposes where code = 'online_booking'), 'web_checkbox', 'booking', 'Согласен', '2026-01', '2026-01-15'
    from subjects s where s.id % 20 = 0`);
  await client.query(`
    insert into consents (subject_id, purpose_id, method, form, checkbox_text, policy_version, given_at, withdrawn_at, withdrawal_channel)
    select s.id, (select id from processing_purposes where code = 'newsletter'), 'web_checkbox', 'newsletter', 'Согласен', '2026-01',
      '2026-01-15', '2026-06-01', 'email'
    from subjects s
    where exists (select 1 from subject_phones p where p.subject_id = s.id) or exists (select 1 from subject_emails e where e.subject_id = s.id)
    order by s.id limit ${SUPPRESSED_SUBJECTS}`);
  await client.query('analyze');
}

await main();

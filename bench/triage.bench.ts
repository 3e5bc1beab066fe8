/**
 * Triage queue at scale: 100k cases (10k open) over 1M subjects, in a file-backed PGlite under
 * bench/.data (seeded once, reused by later runs), and in PostgreSQL when BENCH_DATABASE_URL is set
 * (BENCH_ONLY=postgres skips PGlite). Prints p50/p95 of the real service (triageList: page, count, block
 * steps, drizzle mapping, working days left per row) against its floor measured in the same run: the page
 * query alone, without names, sent straight to the driver. Run with `pnpm bench:triage`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { type DatabaseHandle, openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { triageList } from '../server/src/modules/triage/triage.service';
import type { ServiceContext } from '../server/src/service-context';
import { generateSubjects } from '../shared/src/demo/demo-subjects';
// Relative imports only: bench/ has no node_modules of its own, packages resolve from server/ and shared/.
import { triageListInput } from '../shared/src/triage/triage.schemas';

const SUBJECTS = 1_000_000;
const CASES = 100_000;
const OPEN = 10_000;
const WARMUP = 30;
const RUNS = 300;
const TIME_ZONE = 'Asia/Yekaterinburg';
const dataDir = path.join(import.meta.dirname, '.data', 'triage');

const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** The driver under the drizzle handle (PGlite or a pg Pool): the floor talks to it directly. */
type RawClient = {
  query<T>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
};

async function open(databaseUrl: string | undefined) {
  fs.mkdirSync(dataDir, { recursive: true });
  const handle = await openDatabase({ databaseUrl, dataDir, command: 'bench triage' });
  await runMigrations(handle);
  const client = (handle.db as unknown as { $client: RawClient }).$client;
  return { handle, client, db: handle.db };
}

/** Several statements in one go: PGlite's exec, or pg's simple protocol (a query without parameters). */
async function exec(handle: DatabaseHandle, client: RawClient, sql: string) {
  if (handle.pglite) await handle.pglite.exec(sql);
  else await client.query(sql);
}

async function count(client: RawClient, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]?.n ?? 0;
}

const csvField = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);

const SUBJECT_COLUMNS =
  'external_id, last_name, first_name, middle_name, birth_date, category, last_stem, first_stem, middle_stem';

async function seedSubjects(handle: DatabaseHandle, client: RawClient) {
  const started = performance.now();
  const rows: (string | null)[][] = [];
  for (const s of generateSubjects({ seed: 20261125, count: SUBJECTS })) {
    const fields = [s.externalId, s.lastName, s.firstName, s.middleName, s.birthDate, s.category];
    // Stems only matter to subject search; lower case is enough for the queue.
    const stems = [s.lastName.toLowerCase(), s.firstName.toLowerCase(), s.middleName?.toLowerCase() ?? null];
    rows.push([...fields, ...stems]);
  }
  if (handle.pglite) {
    await client.query(`copy subjects (${SUBJECT_COLUMNS}) from '/dev/blob' with (format csv)`, [], {
      blob: new Blob([rows.map((r) => r.map(csvField).join(',')).join('\n')]),
    });
  } else {
    // pg has no COPY without another package: columns as arrays, unnested, a batch at a time.
    const BATCH = 50_000;
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const columns = SUBJECT_COLUMNS.split(', ').map((_, c) => batch.map((r) => r[c] ?? null));
      await client.query(
        `insert into subjects (${SUBJECT_COLUMNS})
         select e, l, f, m, b::date, c, ls, fs, ms
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           as t(e, l, f, m, b, c, ls, fs, ms)`,
        columns,
      );
    }
  }
  log(`  ${SUBJECTS.toLocaleString('ru')} субъектов за ${((performance.now() - started) / 1000).toFixed(1)} с`);
}

/**
 * Cases in SQL: a year and a half of history, closed ones behind, the open tenth due within about
 * five weeks either side of today, three officers, one subject each.
 */
async function seedCases(handle: DatabaseHandle, client: RawClient) {
  const started = performance.now();
  await exec(
    handle,
    client,
    `
    insert into users (login, display_name, role, password_hash)
    select 'bench-officer-' || i, 'Офицер ' || i, 'officer', 'x' from generate_series(1, 3) i
    on conflict (login) do nothing;
    insert into cases (incoming_number, type, rule, channel, requester_kind, requester_name, rkn_inquiry_number,
                       received_on, registered_on, due_on, due_provisional, status, assignee_id, version)
    select 'ВХ-' || extract(year from r)::int || '-' || lpad(i::text, 6, '0'),
           (array['access','rectification','blocking','consent_withdrawal','stop_processing','destruction',
                  'rkn_inquiry','medical_records_copy','other'])[1 + i % 9],
           (array['access','rectify','stop-unlawful','withdrawal','stop-demand','destroy-unneeded',
                  'rkn-inquiry','medical-records-copy','access'])[1 + i % 9],
           (array['post','email','in_person','web_form','rkn'])[1 + (i / 9) % 5],
           case when i % 9 = 6 then 'rkn' else 'subject' end,
           'Заявитель ' || i, case when i % 9 = 6 then 'Б-' || i end, r, r, r + 14, false,
           case when i % ${CASES / OPEN} = 0 then (array['new','identity_check','in_work'])[1 + (i / 10) % 3]
                else (array['closed','answered','rejected'])[1 + i % 3] end,
           (select id from users where login = 'bench-officer-' || (1 + i % 3)),
           1
    from generate_series(1, ${CASES}) i,
         lateral (select case when i % ${CASES / OPEN} = 0
                              then current_date - 40 + (i * 7919) % 70
                              else current_date - 560 + (i * 7919) % 540 end as r) d;
    insert into case_subjects (case_id, subject_id)
    select c.id, 1 + (c.id * 104729) % ${SUBJECTS} from cases c;
    analyze;
  `,
  );
  log(`  ${CASES.toLocaleString('ru')} обращений за ${((performance.now() - started) / 1000).toFixed(1)} с`);
}

/** The floor: the page query alone, without the people's names, sent straight to the driver. */
const PAGE_SQL = `
  select c.id, c.version, c.incoming_number, c.type, c.channel, c.status, c.received_on, c.due_on,
         c.due_provisional, c.due_on_day_off, c.extended, c.requester_kind, c.requester_name, c.assignee_id,
         u.display_name
  from cases c left join users u on u.id = c.assignee_id
  where c.status in ('new', 'identity_check', 'in_work') %FILTER%
  order by c.due_on, c.id limit 100 offset 0`;
const COUNT_SQL = `select count(*)::int from cases c where c.status in ('new', 'identity_check', 'in_work') %FILTER%`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Both sides in one loop, alternating which goes first: the machine is shared, and a burst of load
 * then hits the service and the raw SQL alike instead of skewing the ratio.
 */
async function measurePair(service: () => Promise<unknown>, raw: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) {
    await service();
    await raw();
  }
  const times = { service: [] as number[], raw: [] as number[] };
  const timed = async (run: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      await timed(service, times.service);
      await timed(raw, times.raw);
    } else {
      await timed(raw, times.raw);
      await timed(service, times.service);
    }
  }
  const stats = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };
  return { service: stats(times.service), raw: stats(times.raw) };
}

async function main() {
  if (process.env.BENCH_ONLY !== 'postgres') await benchmark('PGlite', undefined);
  const url = process.env.BENCH_DATABASE_URL;
  if (url) await benchmark('PostgreSQL', url);
}

async function benchmark(name: string, databaseUrl: string | undefined) {
  const { handle, client, db } = await open(databaseUrl);
  log(`\n== ${name} (${handle.location}); load average ${load()}`);
  if ((await count(client, 'subjects')) < SUBJECTS) {
    log('Заполнение: субъекты (один раз)…');
    await exec(handle, client, 'truncate case_subjects, cases, subjects restart identity cascade');
    await seedSubjects(handle, client);
  }
  if ((await count(client, 'cases')) < CASES) {
    log('Заполнение: обращения (один раз)…');
    await exec(handle, client, 'truncate case_subjects, cases restart identity cascade');
    await seedCases(handle, client);
  }
  // PostgreSQL's autovacuum keeps the visibility map current; PGlite has none, so the bench does it once.
  await exec(handle, client, 'vacuum analyze cases, case_subjects, subjects');
  const openCount = await count(client, "cases where status in ('new', 'identity_check', 'in_work')");
  log(
    `Данные: ${await count(client, 'subjects')} субъектов, ${await count(client, 'cases')} обращений, открытых ${openCount}`,
  );

  const { rows } = await client.query<{ id: number }>("select id from users where login = 'bench-officer-1'");
  const officerId = Number(rows[0]?.id ?? 0);
  const officer: ServiceContext = {
    db,
    actor: { userId: officerId, login: 'bench-officer-1', role: 'officer', ip: null },
    clock: systemClock(TIME_ZONE),
  };
  const filteredInput = {
    types: ['access', 'rkn_inquiry'] as const,
    channels: ['post', 'email'] as const,
    assignee: 'me' as const,
  };
  const filteredSql = `and c.type in ('access', 'rkn_inquiry') and c.channel in ('post', 'email') and c.assignee_id = ${officerId}`;

  const pages = [
    { name: 'очередь по умолчанию (100 строк)', input: {}, filter: '' },
    { name: 'фильтр: тип + канал + «мои»', input: filteredInput, filter: filteredSql },
  ];
  log('');
  log(
    '| запрос | сервис p50 / p95, мс | пол: страница без имён p50 / p95, мс | счёт p50 / p95, мс | отношение p50 / p95 | строк / всего | load |',
  );
  log('|---|---|---|---|---|---|---|');
  for (const page of pages) {
    const service = () => triageList(officer, triageListInput.parse(page.input));
    const first = await service();
    const floor = () => client.query(PAGE_SQL.replace('%FILTER%', page.filter));
    const counting = () => client.query(COUNT_SQL.replace('%FILTER%', page.filter));
    const { service: s, raw: f } = await measurePair(service, floor);
    const { raw: c } = await measurePair(async () => {}, counting);
    log(
      `| ${page.name} | ${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} | ${f.p50.toFixed(2)} / ${f.p95.toFixed(2)} | ` +
        `${c.p50.toFixed(2)} / ${c.p95.toFixed(2)} | ${(s.p50 / f.p50).toFixed(2)}× / ${(s.p95 / f.p95).toFixed(2)}× | ` +
        `${first.items.length} / ${first.total} | ${load()} |`,
    );
  }
  for (const [label, statement] of [
    ['страница', PAGE_SQL.replace('%FILTER%', '')],
    ['счёт с фильтром', COUNT_SQL.replace('%FILTER%', filteredSql)],
  ] as const) {
    const plan = await client.query<{ 'QUERY PLAN': string }>(`explain analyze ${statement}`);
    log('');
    log(`План (${label}):`);
    for (const row of plan.rows) log(`  ${row['QUERY PLAN']}`);
  }
  await handle.close();
}

await main();

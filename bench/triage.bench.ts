/**
 * Triage queue at scale: 100k cases (10k open) over 1M subjects, in a file-backed PGlite under
 * bench/.data (seeded once, reused by later runs). Prints p50/p95 of the real service
 * (triageList: two queries + drizzle mapping + working days left per row) against the same SQL sent
 * straight to the driver, in the same run. Run with `pnpm bench:triage`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { openDatabase } from '../server/src/db/client';
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

/** The PGlite instance under the drizzle handle: the "raw SQL" side talks to it directly. */
type RawClient = {
  query<T>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
};

async function open() {
  fs.mkdirSync(dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir, command: 'bench triage' });
  await runMigrations(handle);
  const client = (handle.db as unknown as { $client: RawClient }).$client;
  return { handle, client, db: handle.db };
}

async function count(client: RawClient, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]?.n ?? 0;
}

const csvField = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);

async function seedSubjects(client: RawClient) {
  const started = performance.now();
  const lines: string[] = [];
  for (const s of generateSubjects({ seed: 20261125, count: SUBJECTS })) {
    const fields = [s.externalId, s.lastName, s.firstName, s.middleName, s.birthDate, s.category];
    // Stems only matter to subject search; lower case is enough for the queue.
    const stems = [s.lastName.toLowerCase(), s.firstName.toLowerCase(), s.middleName?.toLowerCase() ?? null];
    lines.push([...fields, ...stems].map(csvField).join(','));
  }
  await client.query(
    `copy subjects (external_id, last_name, first_name, middle_name, birth_date, category, last_stem, first_stem, middle_stem)
     from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([lines.join('\n')]) },
  );
  log(`  ${SUBJECTS.toLocaleString('ru')} субъектов за ${((performance.now() - started) / 1000).toFixed(1)} с`);
}

/**
 * Cases in SQL: a year and a half of history, closed ones behind, the open tenth due within about
 * five weeks either side of today, three officers, one subject each.
 */
async function seedCases(client: RawClient) {
  const started = performance.now();
  await client.exec(`
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
  `);
  log(`  ${CASES.toLocaleString('ru')} обращений за ${((performance.now() - started) / 1000).toFixed(1)} с`);
}

const PAGE_SQL = `
  select c.id, c.version, c.incoming_number, c.type, c.channel, c.status, c.received_on, c.due_on,
         c.due_provisional, c.due_on_day_off, c.extended, c.requester_kind, c.requester_name, c.assignee_id,
         u.display_name,
         (select array_agg(s.last_name || ' ' || s.first_name || coalesce(' ' || s.middle_name, '') order by s.id)
            from case_subjects cs join subjects s on s.id = cs.subject_id where cs.case_id = c.id) as subject_names
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
  const { handle, client, db } = await open();
  if ((await count(client, 'subjects')) < SUBJECTS) {
    log(`Заполнение ${dataDir}: субъекты (один раз)…`);
    await client.exec('truncate case_subjects, cases, subjects restart identity cascade');
    await seedSubjects(client);
  }
  if ((await count(client, 'cases')) < CASES) {
    log('Заполнение: обращения (один раз)…');
    await client.exec('truncate case_subjects, cases restart identity cascade');
    await seedCases(client);
  }
  // PostgreSQL's autovacuum keeps the visibility map current; PGlite has none, so the bench does it once.
  await client.exec('vacuum analyze cases, case_subjects, subjects');
  const openCount = await count(client, "cases where status in ('new', 'identity_check', 'in_work')");
  log(
    `Данные: ${await count(client, 'subjects')} субъектов, ${await count(client, 'cases')} обращений, открытых ${openCount}`,
  );

  const { rows } = await client.query<{ id: number }>("select id from users where login = 'bench-officer-1'");
  const officerId = rows[0]?.id ?? 0;
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

  const cases = [
    {
      name: 'очередь по умолчанию (100 строк)',
      service: () => triageList(officer, triageListInput.parse({})),
      filter: '',
    },
    {
      name: 'фильтр: тип + канал + «мои»',
      service: () => triageList(officer, triageListInput.parse(filteredInput)),
      filter: filteredSql,
    },
  ];
  log('');
  log('| запрос | сервис p50 / p95, мс | SQL p50 / p95, мс | отношение p50 / p95 | строк / всего |');
  log('|---|---|---|---|---|');
  for (const c of cases) {
    const page = await c.service();
    const raw = async () => {
      await client.query(PAGE_SQL.replace('%FILTER%', c.filter));
      await client.query(COUNT_SQL.replace('%FILTER%', c.filter));
    };
    const { service: serviceTimes, raw: sqlTimes } = await measurePair(c.service, raw);
    log(
      `| ${c.name} | ${serviceTimes.p50.toFixed(2)} / ${serviceTimes.p95.toFixed(2)} | ${sqlTimes.p50.toFixed(2)} / ${sqlTimes.p95.toFixed(2)} | ` +
        `${(serviceTimes.p50 / sqlTimes.p50).toFixed(2)}× / ${(serviceTimes.p95 / sqlTimes.p95).toFixed(2)}× | ${page.items.length} / ${page.total} |`,
    );
  }
  const plan = await client.query<{ 'QUERY PLAN': string }>(`explain ${PAGE_SQL.replace('%FILTER%', '')}`);
  log('');
  log('План страницы по умолчанию:');
  for (const row of plan.rows) log(`  ${row['QUERY PLAN']}`);
  await handle.close();
}

await main();

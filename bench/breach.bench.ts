/**
 * Breach register at scale, in a file-backed PGlite under bench/.data/breach (seeded once, reused):
 * 1M subjects, each with a record in the MIS and every tenth also in the leaked mailing system.
 *  1. «everyone with a record in the mailing system» added to an incident: 100k subjects through the
 *     real job (startAddByCriteria + the runner's chunks), target ≤ 10 s;
 *  2. 10k notification letters: the notify job, then the printable bundle streamed to nowhere, with
 *     the heap sampled every 50 ms (flat memory), target ≤ 60 s.
 * Run with `pnpm bench:breach`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemClock } from '../server/src/clock';
import { openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { loadAuditKey, useAuditKey } from '../server/src/modules/audit/audit-key';
import { startAddByCriteria, startNotification } from '../server/src/modules/breaches/affected.service';
import { BreachJobRunner } from '../server/src/modules/breaches/breach-jobs';
import { createBreach } from '../server/src/modules/breaches/incidents.service';
import { letterBundle } from '../server/src/modules/breaches/letters.service';
import { createMailer } from '../server/src/modules/breaches/mailer';
import { type ServiceContext, SYSTEM_ACTOR } from '../server/src/service-context';
import { generateSubjects } from '../shared/src/demo/demo-subjects';

const SUBJECTS = 1_000_000;
const AFFECTED = 100_000;
const LETTERS = 10_000;
const dataDir = path.join(import.meta.dirname, '.data', 'breach');
const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} с`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} МБ`;

type RawClient = {
  query<T>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
};

const csvField = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);

async function seed(client: RawClient) {
  const started = performance.now();
  await client.exec('truncate breaches, pd_records, subjects restart identity cascade');
  const lines: string[] = [];
  for (const s of generateSubjects({ seed: 20261201, count: SUBJECTS })) {
    const stems = [s.lastName.toLowerCase(), s.firstName.toLowerCase(), s.middleName?.toLowerCase() ?? null];
    lines.push(
      [s.externalId, s.lastName, s.firstName, s.middleName, s.birthDate, s.category, ...stems].map(csvField).join(','),
    );
  }
  await client.query(
    `copy subjects (external_id, last_name, first_name, middle_name, birth_date, category, last_stem, first_stem, middle_stem)
     from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([lines.join('\n')]) },
  );
  await client.exec(`
    insert into processing_systems (code, name) values ('bench_mis', 'МИС'), ('bench_mailing', 'Рассылка')
      on conflict (code) do nothing;
    insert into pd_records (subject_id, system_id, purpose_id, legal_basis, data_fields, collected_on)
    select s.id, (select id from processing_systems where code = 'bench_mis'), (select min(id) from processing_purposes),
           'contract', '["full_name","phone"]', date '2024-01-01' + (s.id % 700)::int from subjects s;
    insert into pd_records (subject_id, system_id, purpose_id, legal_basis, data_fields, collected_on)
    select s.id, (select id from processing_systems where code = 'bench_mailing'), (select min(id) from processing_purposes),
           'consent', '["full_name","email"]', date '2025-01-01' + (s.id % 300)::int from subjects s where s.id % 10 = 0;
  `);
  await client.exec('vacuum analyze subjects, pd_records');
  log(`  заполнено за ${seconds(performance.now() - started)}`);
}

const incident = {
  category: 'misdirected' as const,
  foundBy: 'bench',
  foundHow: '',
  description: 'Рассылка ушла не тому списку',
  dataCategories: ['full_name' as const, 'email' as const],
  systemIds: [],
  subjectsEstimate: AFFECTED,
  causes: '',
  harm: '',
  measures: 'Рассылка остановлена',
  rknContact: { name: 'Смирнова О. В.', position: '', phone: '', email: '' },
};

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  // The bench's own key file beside its data, as a server keeps one beside its data folder.
  useAuditKey(loadAuditKey({ auditKeyHex: undefined, auditKeyFile: path.join(dataDir, '..', 'breach-audit.key') }));
  const handle = await openDatabase({ dataDir, command: 'bench breach' });
  await runMigrations(handle);
  const client = (handle.db as unknown as { $client: RawClient }).$client;
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from subjects');
  if ((rows[0]?.n ?? 0) < SUBJECTS) {
    log(`Заполнение ${dataDir} (один раз)…`);
    await seed(client);
  }
  await client.exec('truncate breaches restart identity cascade');
  const ctx: ServiceContext = { db: handle.db, actor: SYSTEM_ACTOR, clock: systemClock('Asia/Yekaterinburg') };
  const runner = new BreachJobRunner(
    ctx,
    createMailer({ smtpUrl: undefined, mailFrom: undefined, outboxDir: path.join(dataDir, 'outbox') }),
    (e) => {
      throw e;
    },
  );
  const [{ id: mailing } = { id: 0 }] = (
    await client.query<{ id: number }>("select id from processing_systems where code = 'bench_mailing'")
  ).rows;

  // 1. 100k affected subjects by criteria.
  const first = await createBreach(ctx, { ...incident, establishedAt: '2026-11-30T23:30', systemIds: [mailing] });
  let started = performance.now();
  const job = await startAddByCriteria(ctx, { breachId: first.id, criteria: { kind: 'system', systemId: mailing } });
  await runner.kick();
  const addMs = performance.now() - started;
  const [added] = (
    await client.query<{ added: number; state: string }>(`select added, state from breach_jobs where id = ${job.id}`)
  ).rows;

  // 2. 10k letters: the notify job, then the bundle streamed out while the heap is sampled.
  const second = await createBreach(ctx, { ...incident, establishedAt: '2026-11-30T23:30', subjectsEstimate: LETTERS });
  await client.exec(
    `insert into breach_subjects (breach_id, subject_id, added_via) select ${second.id}, id, 'csv' from subjects where id % 100 = 1 limit ${LETTERS}`,
  );
  global.gc?.();
  const heap = { start: process.memoryUsage().heapUsed, peak: 0, rssPeak: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    heap.peak = Math.max(heap.peak, m.heapUsed);
    heap.rssPeak = Math.max(heap.rssPeak, m.rss);
  }, 50);
  started = performance.now();
  await startNotification(ctx, { breachId: second.id });
  await runner.kick();
  const notifyMs = performance.now() - started;
  const bundle = await letterBundle(ctx, second.id);
  let bytes = 0;
  await pipeline(
    bundle.stream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const lettersMs = performance.now() - started;
  clearInterval(sampler);

  log('');
  log('| замер | результат | цель |');
  log('|---|---|---|');
  log(
    `| добавить ${AFFECTED.toLocaleString('ru')} субъектов по критерию (из ${SUBJECTS.toLocaleString('ru')}) | ${seconds(addMs)} (добавлено ${added?.added}, ${added?.state}) | ≤ 10 с |`,
  );
  log(`| задание уведомления ${LETTERS.toLocaleString('ru')} субъектов | ${seconds(notifyMs)} | — |`);
  log(
    `| ${bundle.letters.toLocaleString('ru')} писем: уведомление + пакет PDF (${mb(bytes)}) | ${seconds(lettersMs)} | ≤ 60 с |`,
  );
  log(`| куча: в начале / пик; RSS пик | ${mb(heap.start)} / ${mb(heap.peak)}; ${mb(heap.rssPeak)} | плоская |`);
  await handle.close();
}

await main();

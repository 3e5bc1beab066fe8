/**
 * The subject page (subjects.byId) for a person with 50 PD records, 20 consents, 3 representatives and 20 cases
 * with a letter each, among BENCH_BACKGROUND demo subjects that have their own records (default 20 000). Runs the
 * real tRPC procedure as an officer — role check, the one-statement load, masking and the audit entry — on a fresh
 * file-backed PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) is set (there it adds to whatever
 * the database holds). Prints p50/p95 of the page against its floor in the same run — the one statement that loads
 * the person (loadSubjectTree) — and, for scale, the audit entry through the group commit alone. Target: p95 ≤ 15 ms.
 * Run: pnpm bench:subject-page
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { type DatabaseHandle, type Db, openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { caseLetters, caseSubjects, cases } from '../server/src/db/schema/cases';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectRepresentatives,
} from '../server/src/db/schema/subject-records';
import { subjects } from '../server/src/db/schema/subjects';
import { users } from '../server/src/db/schema/users';
import { loadConfig } from '../server/src/env';
import { useAuditKey } from '../server/src/modules/audit/audit-key';
import { auditView } from '../server/src/modules/audit/audit-queue';
import { seedSubjectRecords } from '../server/src/modules/demo/demo-records';
import { seedDemoSubjects } from '../server/src/modules/demo/demo-subjects';
import { createSubject } from '../server/src/modules/subjects/edit.service';
import { loadSubjectTree } from '../server/src/modules/subjects/page.service';
import type { ServiceContext } from '../server/src/service-context';
import { createContextInner } from '../server/src/trpc/context';
import { createCaller } from '../server/src/trpc/router';
import type { AuditAction } from '../shared/src/audit/audit-actions';
import { fmt, percentile, timed } from './stats';

const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 20_000);
const WARMUP = 20;
const RUNS = 200;
const SYSTEM = { userId: null, login: 'bench', role: 'system', ip: null };
const benchContext = (db: Db): ServiceContext => ({ db, actor: SYSTEM, clock: systemClock('Asia/Yekaterinburg') });

const log = (line = '') => process.stdout.write(`${line}\n`);

async function main() {
  useAuditKey(Buffer.alloc(32, 7));
  log(`Subject page benchmark: 50 records, 20 consents, 20 cases; ${BACKGROUND.toLocaleString('en')} other subjects`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-desk-bench-page-'));
  try {
    await benchmark('PGlite', await openDatabase({ dataDir: dir, command: 'bench subject-page' }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) await benchmark('PostgreSQL', await openDatabase({ databaseUrl: url, dataDir: '', command: '' }));
}

async function benchmark(name: string, handle: DatabaseHandle) {
  log(`\n== ${name} (${handle.location}); load average ${loadAverage()}`);
  try {
    await runMigrations(handle);
    const db = handle.db;
    let t = performance.now();
    const [have] = await db.select({ id: subjects.id }).from(subjects).limit(1);
    if (!have) {
      await seedDemoSubjects(benchContext(db), BACKGROUND);
      const ids = (await db.select({ id: subjects.id }).from(subjects)).map((r) => r.id);
      await db.transaction((tx) => seedSubjectRecords(tx, ids));
      log(`  seeded ${BACKGROUND} background subjects in ${Math.round(performance.now() - t)} ms`);
    }
    t = performance.now();
    const subjectId = await seedTarget(db);
    log(`  target subject ${subjectId} seeded in ${Math.round(performance.now() - t)} ms`);

    // A registry at rest, as the triage bench has it: statistics and the visibility map current. On PostgreSQL
    // autovacuum would otherwise analyze the freshly seeded tables in the middle of the measurement; PGlite has none.
    await (handle.pglite ? handle.pglite.exec('vacuum analyze') : handle.pool?.query('vacuum analyze'));
    const caller = await officerCaller(db);
    const page = await caller.subjects.byId({ subjectId });
    log(`  page: ${page.records.length} records, ${page.consents.length} consents, ${page.cases.length} cases`);
    for (let i = 0; i < WARMUP; i++) await caller.subjects.byId({ subjectId });

    const byId: number[] = [];
    const floor: number[] = [];
    const audit: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      byId.push(await timed(() => caller.subjects.byId({ subjectId })));
      floor.push(await timed(() => loadSubjectTree(db, subjectId)));
      audit.push(
        await timed(() => auditView(db, SYSTEM, { action: 'bench.noop' as AuditAction, objectType: 'audit' })),
      );
    }
    const line = (label: string, xs: number[]) =>
      log(
        `  ${label.padEnd(28)} p50 ${fmt(percentile(xs, 0.5))}  p95 ${fmt(percentile(xs, 0.95))}  (${xs.length} runs)`,
      );
    line('subjects.byId (full path)', byId);
    line('floor: loadSubjectTree', floor);
    line('audit entry (group commit)', audit);
    log(`  target p95 ≤ 15 ms: ${percentile(byId, 0.95) <= 15 ? 'met' : 'NOT met'}; load average ${loadAverage()}`);
  } finally {
    await handle.close();
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** One person with everything the page shows, written the way the app writes it (hand creation, then rows). */
async function seedTarget(db: Db): Promise<number> {
  const { id } = await createSubject(benchContext(db), {
    lastName: 'Бенчмаркова',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '1985-03-12',
    category: 'patient',
    phone: '+7 912 345-67-89',
    email: 'bench@mail.ru',
    address: '620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2',
    source: 'бенчмарк',
  });
  const systemIds = (await db.select({ id: processingSystems.id }).from(processingSystems)).map((r) => r.id);
  const purposeIds = (await db.select({ id: processingPurposes.id }).from(processingPurposes)).map((r) => r.id);
  const at = (i: number, list: number[]) => list[i % list.length] as number;
  const given = await db
    .insert(consents)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        subjectId: id,
        purposeId: at(i, purposeIds),
        method: 'web_checkbox' as const,
        form: 'Онлайн-запись на приём',
        checkboxText: 'Я даю согласие на обработку моих персональных данных',
        policyVersion: 'ред. от 01.09.2025',
        givenAt: '2025-10-01T08:00:00Z',
        ip: '5.165.10.20',
      })),
    )
    .returning({ id: consents.id });
  await db.insert(pdRecords).values(
    Array.from({ length: 50 }, (_, i) => ({
      subjectId: id,
      systemId: at(i, systemIds),
      purposeId: at(i, purposeIds),
      legalBasis: 'consent' as const,
      consentId: given[i % given.length]?.id ?? null,
      dataFields: ['full_name' as const, 'phone' as const],
      collectedOn: '2024-01-01',
    })),
  );
  await db.insert(subjectRepresentatives).values(
    Array.from({ length: 3 }, (_, i) => ({
      subjectId: id,
      kind: 'attorney' as const,
      fullName: `Представитель Номер ${i}`,
      authorityDocument: `Доверенность 66 АА ${1000000 + i}`,
    })),
  );
  for (let i = 0; i < 20; i++) {
    const [c] = await db
      .insert(cases)
      .values({
        incomingNumber: `BENCH-${id}-${i}`,
        type: 'access',
        rule: 'access',
        channel: 'post',
        requesterKind: 'subject',
        requesterName: 'Бенчмаркова Мария Петровна',
        receivedOn: '2026-10-01',
        registeredOn: '2026-10-01',
        dueOn: '2026-10-15',
        dueProvisional: false,
      })
      .returning({ id: cases.id });
    if (!c) throw new Error('case insert returned nothing');
    await db.insert(caseSubjects).values({ caseId: c.id, subjectId: id });
    await db.insert(caseLetters).values({
      caseId: c.id,
      kind: 'answer',
      outgoingNumber: `BENCH-OUT-${id}-${i}`,
      content: {} as never,
    });
  }
  return id;
}

async function officerCaller(db: Db) {
  const login = `bench-officer-${Date.now()}`;
  const [user] = await db
    .insert(users)
    .values({ login, displayName: 'Бенчмарк', role: 'officer', passwordHash: 'x' })
    .returning({ id: users.id });
  if (!user) throw new Error('user insert returned nothing');
  const config = loadConfig({ PD_DESK_LOG_LEVEL: 'silent' });
  const sessionUser = { id: user.id, login, displayName: 'Бенчмарк', role: 'officer' as const, sessionId: 'bench' };
  return createCaller(createContextInner({ db, config, user: sessionUser, ip: '127.0.0.1' }));
}

await main();

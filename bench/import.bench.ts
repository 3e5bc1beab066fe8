/**
 * Subject import at scale: a CSV of N demo subjects (the demo generator, as `pnpm pd-desk seed` makes them, written
 * the way old systems export them: shared/src/demo/demo-csv.ts) imported into an empty registry, against two floors
 * measured in the same run on the same database:
 * - a plain COPY of the same file into a bare table of text columns (what the database's bulk path costs at all);
 * - the import's own database part alone: the same statements the import runs into an empty registry (lock, drop the
 *   keys and indexes, COPY subjects, phones and e-mails, name words, keys and indexes back, analyze, commit), fed with
 *   the exact COPY text the import's reading pass makes, read into memory beforehand and not timed. No reading, no
 *   checking: what this schema costs the database for these rows, the most any faster reading could reach.
 * With BENCH_LIVE_KEYS=1 also that database part with nothing dropped: the rows go into live keys and indexes, as they
 * would if the builds were to overlap the reading instead of following it.
 *
 * The import side calls importSubjects exactly as `pnpm pd-desk import subjects FILE` does (the same file stream,
 * the same options; without the CLI's process start, migrations and progress bar), on a fresh migrated database.
 * PGlite in a file-backed folder under bench/.data/import (as the CLI uses it); PostgreSQL when BENCH_DATABASE_URL
 * (or DATABASE_URL) is set: a database of its own is created on that server for each run and dropped after.
 *
 *   pnpm bench:import                        # 1M rows, PGlite (+ PostgreSQL with BENCH_DATABASE_URL)
 *   BENCH_SUBJECTS=200000 BENCH_RUNS=3 pnpm bench:import
 *   BENCH_ONLY=postgres pnpm bench:import    # skip PGlite
 *   BENCH_LOG_STATEMENTS=1 …                 # PostgreSQL: log every statement's duration (server log; own db only)
 *   BENCH_LIVE_KEYS=1 …                      # also the database part into live keys and indexes
 *
 * Prints seconds (p50 of BENCH_RUNS, default 1), rows/s, the ratio to the floor, this process's CPU seconds (all of
 * PGlite's work; on PostgreSQL only the client's) and the load average: the machine is shared, say how busy it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { type DatabaseHandle, type DatabaseSession, openDatabase, withSession } from '../server/src/db/client';
import { copyFrom } from '../server/src/db/copy';
import { runMigrations } from '../server/src/db/migrate';
import { useAuditKey } from '../server/src/modules/audit/audit-key';
import { DEMO_SUBJECT_SEED } from '../server/src/modules/demo/demo-subjects';
import { importSubjects } from '../server/src/modules/subjects/import.service';
import { FileReading } from '../server/src/modules/subjects/import-read';
import {
  beginStraightImport,
  commitStraightImport,
  copyIntoRegistry,
  type StraightImport,
} from '../server/src/modules/subjects/import-registry';
import { registerNameWords } from '../server/src/modules/subjects/search-index';
import { SYSTEM_ACTOR } from '../server/src/service-context';
// Relative imports only: bench/ has no node_modules of its own, packages resolve from server/ and shared/.
import { IMPORT_CSV_HEADER, toImportCsvLine } from '../shared/src/demo/demo-csv';
import { generateSubjects } from '../shared/src/demo/demo-subjects';
import { percentile } from './stats';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const dataRoot = path.join(import.meta.dirname, '.data', 'import');

const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

type Usage = { seconds: number; cpu: number; serverCpu: number | null };
/** A moment's clock and CPU counters (this process; the database server when it runs here), for Usage between two. */
type Sample = { at: number; cpu: NodeJS.CpuUsage; server: number | null };
type Measured = Usage & {
  loadBefore: string;
  loadAfter: string;
  /** From the moment the last row was in (the reading ended) to the end: keys, indexes, analyze, commit. */
  tail: Usage | null;
};
/** Called by a measured step when the last row is in: what follows is the database's work alone. */
type MarkLastRow = () => void;
type Target = {
  name: string;
  open(run: string): Promise<DatabaseHandle & { drop(): Promise<void> }>;
  /** CPU seconds the database server has used so far, when it runs on this machine (PostgreSQL). */
  serverCpu?: () => Promise<number | null>;
};

async function main() {
  // The audit chain needs a key; a bench database is thrown away, any fixed key does.
  useAuditKey(Buffer.alloc(32, 7));
  const file = await csvFile();
  log(`Subject import benchmark: ${SUBJECTS.toLocaleString('en')} rows, ${RUNS} run(s) each; ${file}`);
  const targets: Target[] = [];
  if (process.env.BENCH_ONLY !== 'postgres') targets.push(pgliteTarget());
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) targets.push(postgresTarget(url));
  for (const target of targets) await benchmark(target, file);
}

async function benchmark(target: Target, file: string) {
  log(`\n== ${target.name}`);
  const imports: Measured[] = [];
  const floors: Measured[] = [];
  const databaseParts: Measured[] = [];
  const liveParts: Measured[] = [];
  for (let run = 1; run <= RUNS; run++) {
    floors.push(await onFreshDatabase(target, `floor-${run}`, (handle) => plainCopy(handle, file)));
    imports.push(
      await onFreshDatabase(target, `import-${run}`, async (handle, markLastRow) => {
        const outcome = await importSubjects(
          { db: handle.db, actor: SYSTEM_ACTOR, clock: systemClock('Asia/Yekaterinburg') },
          () => fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
          {
            fileName: path.basename(file),
            skipInvalid: false,
            // The write phase is reported once the reading ended and every row is COPYd.
            onProgress: (phase) => (phase === 'write' ? markLastRow() : undefined),
          },
        );
        if (outcome.created !== SUBJECTS) throw new Error(`imported ${outcome.created} of ${SUBJECTS}`);
      }),
    );
    // After the import: the text read ahead (~200 MB at 1M rows) must not weigh on the import's heap.
    const read = await readAhead(file);
    databaseParts.push(
      await onFreshDatabase(target, `database-${run}`, (handle, markLastRow) =>
        databasePart(handle, read, markLastRow),
      ),
    );
    if (process.env.BENCH_LIVE_KEYS) {
      // Read again: the COPY above took the contacts' text out of the first reading.
      const again = await readAhead(file);
      liveParts.push(
        await onFreshDatabase(target, `live-${run}`, (handle, markLastRow) =>
          databasePart(handle, again, markLastRow, { live: true }),
        ),
      );
    }
  }
  const p50 = (xs: (Usage | null)[], key: keyof Usage) =>
    percentile(
      xs.map((x) => x?.[key] ?? Number.NaN),
      0.5,
    );
  const cpus = (xs: (Usage | null)[]) =>
    `CPU here ${p50(xs, 'cpu').toFixed(1)} s${xs[0]?.serverCpu == null ? '' : `, server ${p50(xs, 'serverCpu').toFixed(1)} s`}`;
  const row = (label: string, xs: Measured[]) => {
    const seconds = p50(xs, 'seconds');
    log(
      `  ${label.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s  ${Math.round(SUBJECTS / seconds)
        .toLocaleString('en')
        .padStart(9)} rows/s  ${cpus(xs)}  load ${xs.map((x) => `${x.loadBefore} → ${x.loadAfter}`).join('; ')}`,
    );
    const tails = xs.map((x) => x.tail);
    if (tails.every((t) => t !== null))
      log(
        `  ${'  of which after the last row'.padEnd(34)} ${p50(tails, 'seconds').toFixed(1).padStart(7)} s  ${cpus(tails)}`,
      );
  };
  row('import (pd-desk import subjects)', imports);
  row('floor: plain COPY into a bare table', floors);
  row("floor: the import's database part", databaseParts);
  if (liveParts.length > 0) row('  the same into live keys, indexes', liveParts);
  log(`  import / plain COPY: ×${(p50(imports, 'seconds') / p50(floors, 'seconds')).toFixed(2)}`);
  log(`  import / its database part: ×${(p50(imports, 'seconds') / p50(databaseParts, 'seconds')).toFixed(2)}`);
}

async function onFreshDatabase(
  target: Target,
  run: string,
  fn: (handle: DatabaseHandle, markLastRow: MarkLastRow) => Promise<void>,
): Promise<Measured> {
  const handle = await target.open(run);
  try {
    await runMigrations(handle);
    const loadBefore = load();
    const usage = async (): Promise<Sample> => ({
      at: performance.now(),
      cpu: process.cpuUsage(),
      server: (await target.serverCpu?.()) ?? null,
    });
    const since = (from: Sample, to: Sample): Usage => ({
      seconds: (to.at - from.at) / 1000,
      cpu: (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1e6,
      serverCpu: from.server === null || to.server === null ? null : to.server - from.server,
    });
    const start = await usage();
    let lastRow: Promise<Sample> | null = null;
    await fn(handle, () => {
      lastRow ??= usage();
    });
    const end = await usage();
    const tail = lastRow === null ? null : since(await lastRow, end);
    return { ...since(start, end), loadBefore, loadAfter: load(), tail };
  } finally {
    await handle.close();
    await handle.drop();
  }
}

/** The floor: the file as it is, into text columns, by the database's own bulk path. Nothing checked or normalised. */
async function plainCopy(handle: DatabaseHandle, file: string) {
  const columns = IMPORT_CSV_HEADER.split(',')
    .map((c) => `${c} text`)
    .join(', ');
  await handle.db.execute(`create table bench_plain_copy (${columns})`);
  await withSession(handle.db, (session) =>
    // PGlite reads the header option at the start of each blob: it gets the file in one piece.
    copyFrom(
      session,
      'bench_plain_copy',
      session.kind === 'pglite' ? [fs.readFileSync(file)] : fs.createReadStream(file),
      'with (format csv, header true)',
    ),
  );
}

/** First ids of a fresh registry: the import into it numbers its rows from these. */
const FRESH_IDS = { subject: 1, phone: 1, email: 1 };

type ReadAhead = { reading: FileReading; subjects: Buffer[] };

/** The reading pass the import makes for an empty registry, run to the end with its COPY text kept in memory. */
async function readAhead(file: string): Promise<ReadAhead> {
  const reading = new FileReading({
    today: systemClock('Asia/Yekaterinburg').today(),
    skipInvalid: false,
    maxProblems: 1_000,
    firstIds: FRESH_IDS,
  });
  const subjects: Buffer[] = [];
  for await (const piece of reading.copyText(fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })))
    subjects.push(piece);
  if (reading.invalidRows > 0) throw new Error(`${reading.invalidRows} invalid rows in ${file}`);
  return { reading, subjects };
}

/** The straight import's database statements alone, fed with text read beforehand (import.service's importStraight). */
async function databasePart(
  handle: DatabaseHandle,
  { reading, subjects }: ReadAhead,
  markLastRow: MarkLastRow,
  { live } = { live: false },
) {
  await withSession(handle.db, async (session) => {
    const straight = live ? await beginLive(session) : await beginStraightImport(session);
    if (!straight || JSON.stringify(straight.firstIds) !== JSON.stringify(FRESH_IDS))
      throw new Error(`not a fresh registry: ${JSON.stringify(straight?.firstIds)}`);
    // One segment: the subjects' COPY as a single statement, then the contacts (the import interleaves them).
    const text = (async function* () {
      yield* subjects;
    })();
    await copyIntoRegistry(session, reading, text, Number.POSITIVE_INFINITY);
    markLastRow();
    await registerNameWords(session.db, reading.words);
    await commitStraightImport(session, straight);
  });
}

/** The straight import's transaction with nothing dropped: its lock, and the first ids of a fresh registry. */
async function beginLive(session: DatabaseSession): Promise<StraightImport> {
  await session.db.execute('begin');
  await session.db.execute('lock table subjects, subject_phones, subject_emails in access exclusive mode');
  return { firstIds: FRESH_IDS, indexes: [], constraints: [] };
}

function pgliteTarget(): Target {
  return {
    name: 'PGlite (file-backed, as the CLI uses it)',
    async open(run) {
      const dataDir = path.join(dataRoot, `pglite-${run}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const handle = await openDatabase({ dataDir, command: 'bench import' });
      return { ...handle, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
    },
  };
}

function postgresTarget(url: string): Target {
  /** One statement on the server's own connection (not a bench database's); its rows. */
  const admin = async <Row>(statement: string): Promise<Row[]> => {
    const server = await openDatabase({ databaseUrl: url, dataDir: '', command: '' });
    try {
      return ((await server.db.execute(statement)) as unknown as { rows: Row[] }).rows;
    } finally {
      await server.close();
    }
  };
  const askDataDirectory = async () =>
    (await admin<{ data_directory: string }>('show data_directory'))[0]?.data_directory ?? '';
  let dataDirectory: Promise<string> | undefined;
  return {
    name: `PostgreSQL (${new URL(url).host})`,
    // Asked once: the last row's mark reads the CPU in the middle of an import, without a connection of its own.
    serverCpu: async () => {
      dataDirectory ??= askDataDirectory();
      return postgresCpuSeconds(await dataDirectory);
    },
    async open(run) {
      const name = `pd_desk_bench_import_${run.replace('-', '_')}`;
      await admin(`drop database if exists ${name}`);
      await admin(`create database ${name}`);
      // Per statement, where the seconds go: on the run's own database only, never the whole shared server.
      if (process.env.BENCH_LOG_STATEMENTS) await admin(`alter database ${name} set log_min_duration_statement = 0`);
      const databaseUrl = new URL(url);
      databaseUrl.pathname = `/${name}`;
      const handle = await openDatabase({ databaseUrl: databaseUrl.toString(), dataDir: '', command: '' });
      return {
        ...handle,
        drop: async () => {
          await admin(`drop database if exists ${name} with (force)`);
        },
      };
    },
  };
}

/**
 * CPU seconds of a PostgreSQL server on this machine: the postmaster with its reaped children (closed sessions) and
 * the live ones. Null when the server is elsewhere or /proc is not readable.
 */
function postgresCpuSeconds(dataDirectory: string): number | null {
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const stat = (pid: string) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields after the command: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime (clock ticks).
    const ticks = (f: string[], from: number, to: number) => f.slice(from, to + 1).reduce((a, b) => a + Number(b), 0);
    let total = ticks(stat(String(postmaster)), 11, 14);
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const f = stat(pid);
        if (Number(f[1]) === postmaster) total += ticks(f, 11, 12);
      } catch {
        // The process ended while we looked.
      }
    }
    return total / 100;
  } catch {
    return null;
  }
}

/** The CSV of N demo subjects, written once and reused (the generator is deterministic). */
async function csvFile(): Promise<string> {
  const file = path.join(dataRoot, `subjects-${SUBJECTS}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dataRoot, { recursive: true });
  const out = fs.createWriteStream(`${file}.partial`);
  let lines = [IMPORT_CSV_HEADER];
  for (const s of generateSubjects({ seed: DEMO_SUBJECT_SEED, count: SUBJECTS })) {
    lines.push(toImportCsvLine(s));
    if (lines.length >= 10_000) {
      if (!out.write(`${lines.join('\r\n')}\r\n`)) await new Promise((r) => out.once('drain', () => r(null)));
      lines = [];
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '');
  await new Promise((r) => out.once('finish', () => r(null)));
  fs.renameSync(`${file}.partial`, file);
  return file;
}

await main();

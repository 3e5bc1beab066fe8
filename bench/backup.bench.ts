/**
 * Online backup at scale: 1M demo subjects in a file-backed PGlite under bench/.data/backup (seeded once,
 * reused by later runs). Takes the copy the way the running server does (backupPglite: checkpoint and
 * dump under the connection's mutex, gzip after), while a probe sends `select 1` every 20 ms, and prints
 * the total time, how long other requests had to wait, and the archive size. Run with `pnpm bench:backup`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { type DatabaseHandle, openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { requireKeyedChain } from '../server/src/modules/audit/audit-chain';
import { loadAuditKey, useAuditKey } from '../server/src/modules/audit/audit-key';
import { backupPglite, writeFileAtomically } from '../server/src/modules/backup/backup.service';
import { seedDemoSubjects } from '../server/src/modules/demo/demo-subjects';
import type { Actor } from '../server/src/service-context';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const PROBE_EVERY_MS = 20;
const root = path.join(import.meta.dirname, '.data');
const dataDir = path.join(root, 'backup');
// The bench's own key file beside its data, as a server keeps one beside its data folder.
const keyConfig = { auditKeyHex: undefined, auditKeyFile: path.join(root, 'backup-audit.key') };
const BENCH_ACTOR: Actor = { userId: null, login: 'bench', role: 'system', ip: null };

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  useAuditKey(loadAuditKey(keyConfig));
  const handle = await openDatabase({ dataDir, command: 'bench backup' });
  try {
    await runMigrations(handle);
    await requireKeyedChain(handle.db, keyConfig);
    await ensureSeeded(handle);
    log(`data folder: ${(folderBytes(path.join(dataDir, 'pgdata')) / 2 ** 20).toFixed(0)} MiB on disk`);
    await measure(handle);
  } finally {
    await handle.close();
  }
}

async function ensureSeeded(handle: DatabaseHandle) {
  const { rows } = await pgliteOf(handle).query<{ n: number }>('select count(*)::int as n from subjects');
  const have = rows[0]?.n ?? 0;
  if (have >= SUBJECTS) {
    log(`reusing ${have.toLocaleString('en')} seeded subjects`);
    return;
  }
  log(`seeding ${SUBJECTS.toLocaleString('en')} subjects (have ${have.toLocaleString('en')})…`);
  const started = performance.now();
  await seedDemoSubjects({ db: handle.db, actor: BENCH_ACTOR, clock: systemClock('Asia/Yekaterinburg') }, SUBJECTS);
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Relative imports only: bench/ has no node_modules of its own, so queries go to PGlite directly.
function pgliteOf(handle: DatabaseHandle) {
  if (!handle.pglite) throw new Error('the backup bench needs the embedded database');
  return handle.pglite;
}

async function measure(handle: DatabaseHandle) {
  const pglite = pgliteOf(handle);
  // From when a probe was due to when it was answered: covers both the mutex and a blocked event loop
  // (PGlite copies the files synchronously, so during the copy nothing else in the process runs).
  const waits: number[] = [];
  let probing = true;
  const probe = (async () => {
    let due = performance.now();
    while (probing) {
      await pglite.query('select 1');
      const answered = performance.now();
      waits.push(answered - due);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
      due = answered + PROBE_EVERY_MS;
    }
  })();
  const started = performance.now();
  const { archive, lockedMs } = await backupPglite(pglite, null);
  const tookMs = performance.now() - started;
  const out = path.join(root, 'backup-bench.tar');
  const writeStarted = performance.now();
  writeFileAtomically(out, archive);
  const writeMs = performance.now() - writeStarted;
  probing = false;
  await probe;
  fs.rmSync(out, { force: true });

  waits.sort((a, b) => a - b);
  const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))] ?? 0;
  log(`online backup of ${SUBJECTS.toLocaleString('en')} subjects:`);
  log(`  total ${(tookMs / 1000).toFixed(1)} s (database held for ${(lockedMs / 1000).toFixed(1)} s, gzip after)`);
  log(
    `  archive ${(archive.length / 2 ** 20).toFixed(1)} MiB, written and fsynced in ${(writeMs / 1000).toFixed(1)} s`,
  );
  log(
    `  a concurrent "select 1" every ${PROBE_EVERY_MS} ms: ${waits.length} probes, late by p50 ${at(0.5).toFixed(1)} ms, ` +
      `max ${(at(1) / 1000).toFixed(2)} s (the stall while the data directory is copied)`,
  );
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = fs.statSync(path.join(dir, entry));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

await main();

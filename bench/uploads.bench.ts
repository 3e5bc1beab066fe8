/**
 * Do uploads stall everyone? Starts the real HTTP server on a fresh file-backed PGlite (the default install),
 * signs in as the demo officer and times `cases.create` over HTTP: first alone, then while UPLOADERS clients
 * upload 5 MB PDFs in a loop. Prints p50/p95 of both phases, their ratio and the upload time.
 * Target (issue 9 item 10): the uploads move cases.create's p95 by no more than 2×.
 * Run: pnpm bench:uploads
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../server/src/clock';
import { openDatabase } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import { loadConfig } from '../server/src/env';
import { CSRF_HEADER } from '../server/src/http/csrf';
import { createDemoUsersIfEmpty, DEMO_USERS } from '../server/src/modules/demo/demo-users';
import { createServer } from '../server/src/server';
import { SYSTEM_ACTOR } from '../server/src/service-context';
import { fmt, percentile, timed } from './stats';

const UPLOADERS = Number(process.env.BENCH_UPLOADERS ?? 2);
const FILE_BYTES = 5 * 1024 * 1024;
const WARMUP = 20;
const RUNS = 200;
const MIN_UPLOADS = 10 * UPLOADERS;

const log = (line = '') => process.stdout.write(`${line}\n`);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-desk-bench-uploads-'));
  // The file store lives in the data folder, as in a default install.
  const config = loadConfig({ PORT: '0', PD_DESK_DATA: dataDir, PD_DESK_LOG_LEVEL: 'silent' });
  const database = await openDatabase({ dataDir, command: 'bench uploads' });
  const server = createServer({ config, database });
  try {
    await runMigrations(database);
    await createDemoUsersIfEmpty({ db: database.db, actor: SYSTEM_ACTOR, clock: systemClock(config.timeZone) });
    const { url } = await server.start();
    const api = await signedIn(url);
    const caseId = await api.createCase();

    log(`Uploads benchmark: cases.create over HTTP, alone and beside ${UPLOADERS} uploaders of 5 MB PDFs`);
    for (let i = 0; i < WARMUP; i++) await api.createCase();
    const alone = await timedRuns(api.createCase);

    let running = true;
    const uploadTimes: number[] = [];
    let fileNo = 0;
    const uploader = async () => {
      while (running) {
        const file = pdfOf(FILE_BYTES, ++fileNo);
        uploadTimes.push(await timed(() => api.upload(caseId, file)));
      }
    };
    const uploaders = Array.from({ length: UPLOADERS }, uploader);
    // Let the first uploads get going so every measured create competes with one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // At least RUNS creates, and for as long as it takes the uploaders to finish MIN_UPLOADS files.
    const beside: number[] = [];
    while (beside.length < RUNS || uploadTimes.length < MIN_UPLOADS) beside.push(await timed(api.createCase));
    running = false;
    await Promise.all(uploaders);

    const line = (label: string, xs: number[]) =>
      log(
        `  ${label.padEnd(34)} p50 ${fmt(percentile(xs, 0.5))}  p95 ${fmt(percentile(xs, 0.95))}  (${xs.length} runs)`,
      );
    line('cases.create, no uploads', alone);
    line(`cases.create, ${UPLOADERS} uploaders`, beside);
    line('upload of 5 MB', uploadTimes);
    const p50Ratio = percentile(beside, 0.5) / percentile(alone, 0.5);
    const p95Ratio = percentile(beside, 0.95) / percentile(alone, 0.95);
    log(`  ratio with/without uploads: p50 ${p50Ratio.toFixed(2)}×, p95 ${p95Ratio.toFixed(2)}×`);
    log(`  target p95 ratio ≤ 2×: ${p95Ratio <= 2 ? 'met' : 'NOT met'}`);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signedIn(baseUrl: string) {
  const officer = DEMO_USERS.find((u) => u.role === 'officer');
  if (!officer) throw new Error('no demo officer');
  const signIn = await trpc(baseUrl, '', 'auth.signIn', { login: officer.login, password: officer.password });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  return {
    async createCase(): Promise<number> {
      const response = await trpc(baseUrl, cookie, 'cases.create', {
        type: 'access',
        channel: 'post',
        requester: { kind: 'subject', name: 'Бенчмаркова Мария Петровна' },
        receivedOn: '2026-11-20',
      });
      const body = (await response.json()) as { result: { data: { id: number } } };
      return body.result.data.id;
    },
    upload: (caseId: number, file: Buffer) => uploadAttachment(baseUrl, cookie, caseId, file),
  };
}

/**
 * The upload path under test: the streamed multipart route (ADR 0012). Before it, this was
 * `cases.addAttachment` with the file as base64 in tRPC JSON; its figures are in ADR 0012.
 */
async function uploadAttachment(baseUrl: string, cookie: string, caseId: number, file: Buffer): Promise<void> {
  const form = new FormData();
  form.append('caseId', String(caseId));
  form.append('file', new Blob([file]), 'скан.pdf');
  const response = await fetch(`${baseUrl}/files/attachments`, {
    method: 'POST',
    headers: { [CSRF_HEADER]: '1', cookie },
    body: form,
  });
  if (response.status !== 201) throw new Error(`upload: HTTP ${response.status} ${await response.text()}`);
}

async function trpc(baseUrl: string, cookie: string, procedure: string, input: unknown): Promise<Response> {
  const response = await fetch(`${baseUrl}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** A distinct file each time (a content-addressed store would otherwise write it once). */
function pdfOf(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size, seed % 251);
  bytes.write(`%PDF-1.7\n% upload ${seed}\n`);
  return bytes;
}

async function timedRuns(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(fn));
  return times;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * The subject import's reading pass alone (ADR 0027, 0031, 0032): CSV → checks and normalisers → COPY text, with no
 * database, over the file `pnpm bench:import` writes (run that once first for the size you want). Prints CPU ms per
 * 100k rows (start-up included) and a digest of every output — COPY text, contacts, name words, problem reports — so
 * that a change to the reading can show its output byte-identical: run it before and after and compare the digests.
 *
 *   BENCH_SUBJECTS=200000 pnpm bench:import-read           # both texts, in this thread, as the reading thread works
 *   BENCH_READ_FILE=/tmp/x.csv BENCH_SKIP_INVALID=1 …      # any file; keep going past bad rows
 *   BENCH_READ_THREAD=1 …                                  # through FileReading and its thread (CPU of both threads)
 *
 * `node --cpu-prof --import tsx ../bench/import-read.bench.ts` (from server/) gives the profile of the pass.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileReading } from '../server/src/modules/subjects/import-read';
import { type FromReader, type ReadingSettings, readChunks } from '../server/src/modules/subjects/import-reading';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const file = process.env.BENCH_READ_FILE ?? path.join(import.meta.dirname, '.data/import', `subjects-${SUBJECTS}.csv`);
const log = (line = '') => process.stdout.write(`${line}\n`);

function chunks() {
  return fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>;
}

/** The reading's messages: in this thread, posted as the reading thread posts them (the text's buffers moved). */
async function readHere(settings: ReadingSettings): Promise<FromReader[]> {
  const replies: FromReader[] = [];
  await readChunks(chunks(), settings, (m) => {
    const pieces = m.type === 'error' ? [] : [m.text, m.phones, m.emails].filter((p) => p.byteLength > 0);
    replies.push(structuredClone(m, { transfer: pieces.map((p) => p.buffer) }));
  });
  return replies;
}

/** The same through FileReading (the thread, as an import uses it), gathered into one message. */
async function readThreaded(settings: ReadingSettings): Promise<FromReader[]> {
  const reading = new FileReading(settings, 0);
  const text: Buffer[] = [];
  for await (const piece of reading.copyText(chunks())) text.push(piece);
  const { rows, invalidRows, problems, words } = reading;
  const [phones, emails] = [Buffer.concat(reading.phones), Buffer.concat(reading.emails)];
  return [{ type: 'end', text: Buffer.concat(text), phones, emails, rows, invalidRows, problems, words: words.roles }];
}

async function pass(label: string, settings: ReadingSettings) {
  const before = process.cpuUsage();
  const replies = await (process.env.BENCH_READ_THREAD ? readThreaded(settings) : readHere(settings));
  const { user, system } = process.cpuUsage(before);
  const digest = { text: createHash('sha256'), phones: createHash('sha256'), emails: createHash('sha256') };
  const reports = createHash('sha256');
  let rows = 0;
  let words = '';
  for (const reply of replies) {
    if (reply.type === 'error') throw new Error(reply.message);
    digest.text.update(reply.text);
    digest.phones.update(reply.phones);
    digest.emails.update(reply.emails);
    for (const p of reply.problems) reports.update(`${p.line}\t${p.field}\t${p.reason}\n`);
    rows = reply.rows;
    if (reply.type === 'end')
      words = createHash('sha256')
        .update(JSON.stringify([...reply.words]))
        .digest('hex');
  }
  const cpuMs = (user + system) / 1000;
  const short = (hash: { digest: (e: 'hex') => string }) => hash.digest('hex').slice(0, 16);
  log(
    `${label}: ${rows.toLocaleString('en')} rows, CPU ${cpuMs.toFixed(0)} ms = ${((cpuMs / rows) * 1e5).toFixed(0)} ms per 100k`,
  );
  log(
    `  sha256 text ${short(digest.text)} phones ${short(digest.phones)} emails ${short(digest.emails)} words ${words.slice(0, 16)} problems ${short(reports)}`,
  );
}

if (!fs.existsSync(file)) {
  log(
    `${file} is missing: run BENCH_SUBJECTS=${SUBJECTS} pnpm bench:import once (it writes the file), or set BENCH_READ_FILE`,
  );
  process.exit(1);
}
log(
  `Reading pass alone: ${file}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const common = { today: '2026-12-01', skipInvalid: process.env.BENCH_SKIP_INVALID === '1', maxProblems: 100_000 };
await pass('staging text ', common);
await pass('registry text', { ...common, firstIds: { subject: 1, phone: 1, email: 1 } });

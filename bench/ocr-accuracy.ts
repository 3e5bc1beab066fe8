/**
 * How well does OCR prefill the intake? Builds the ten test letters (server/src/test/ocr-letters.ts) as scans —
 * 300 dpi, rotated by 1–3°, noisy, as PNG, PDF, JPEG and TIFF in turn — runs recogniseLetter on each and prints
 * whether the sender's name, birth date and phone came out exactly, and the seconds per page.
 * Target (issue 11): name, birth date and phone all exact in at least 9 of 10 letters.
 * Run: pnpm bench:ocr   (BENCH_OCR_KEEP=1 keeps the scans and prints their folder)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ocrAvailability } from '../server/src/modules/mail/ocr/ocr-tools';
import { recogniseLetter } from '../server/src/modules/mail/ocr/recognise-letter';
import { TEST_LETTERS } from '../server/src/test/ocr-letters';
import { buildScan, type ScanFormat } from '../server/src/test/ocr-scans';

const TARGET = 9;
const ANGLES = [1, -2, 3, -1.5, 2.5, -3, 1.2, -2.2, 2, -1];
const FORMATS: readonly ScanFormat[] = ['png', 'pdf', 'jpeg', 'tiff'];
const KEEP = process.env.BENCH_OCR_KEEP === '1';

const log = (line = '') => process.stdout.write(`${line}\n`);
const mark = (ok: boolean) => (ok ? 'да ' : 'НЕТ');

async function main() {
  const availability = await ocrAvailability();
  if (!availability.available) {
    log(`OCR недоступно: ${availability.reason}`);
    process.exitCode = 1;
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-desk-bench-ocr-'));
  let allExact = 0;
  let seconds = 0;
  try {
    log('№   формат поворот  ФИО  дата тел.  с/стр  что прочитано (ФИО | дата | телефон)');
    for (const [i, letter] of TEST_LETTERS.entries()) {
      const format = FORMATS[i % FORMATS.length] ?? 'png';
      const degrees = ANGLES[i] ?? 0;
      const scan = await buildScan(letter, { dir, name: `letter-${i + 1}`, degrees, seed: 1000 + i, format });
      const started = performance.now();
      const { fields, withdrawal } = await recogniseLetter(scan);
      const took = (performance.now() - started) / 1000;
      seconds += took;
      const name = fields.fullName === letter.expected.fullName;
      const date = fields.birthDate === letter.expected.birthDate;
      const phone = fields.phone === letter.expected.phone;
      if (name && date && phone) allExact++;
      log(
        `${String(i + 1).padEnd(3)} ${format.padEnd(6)} ${`${degrees}°`.padStart(6)}   ${mark(name)}  ${mark(date)}  ${mark(phone)} ${took.toFixed(1).padStart(5)}  ${fields.fullName} | ${fields.birthDate} | ${fields.phone}${withdrawal ? '' : '  (отзыв не найден)'}`,
      );
    }
  } finally {
    if (KEEP) log(`Сканы: ${dir}`);
    else await fs.rm(dir, { recursive: true, force: true });
  }
  const total = TEST_LETTERS.length;
  log();
  log(`Все три поля точно: ${allExact} из ${total} (цель: не меньше ${TARGET})`);
  log(`Время: ${(seconds / total).toFixed(1)} с на страницу (${seconds.toFixed(1)} с на ${total} страниц)`);
  if (allExact < TARGET) process.exitCode = 1;
}

await main();

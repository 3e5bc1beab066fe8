import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_SUITE_TIMEOUT, runCli } from '../../../test/cli';
import { TEST_LETTERS } from '../../../test/ocr-letters';
import { buildScan, ocrForTests } from '../../../test/ocr-scans';

const availability = await ocrForTests('pd-desk ocr');

/** `pnpm pd-desk ocr FILE --json`: no database, only the file. */
describe('pd-desk ocr', { timeout: CLI_SUITE_TIMEOUT }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-desk-ocr-cli-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a missing file: exit 1 and a Russian message, nothing on stdout', async () => {
    const result = await runCli(['ocr', path.join(dir, 'absent.pdf'), '--json'], {});
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('Ошибка: Файл не найден:');
  });

  test('a file of another type, whatever its name says: exit 1', async () => {
    const file = path.join(dir, 'letter.png');
    await fs.writeFile(file, 'PK\u0003\u0004 a zip, not a scan');
    const result = await runCli(['ocr', file, '--json'], {});
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('Ошибка: Неподдерживаемый тип файла:');
  });

  test.skipIf(!availability.available)(
    'a scan: one JSON object with the text, the five fields and the withdrawal',
    { timeout: 300_000 },
    async () => {
      const letter = TEST_LETTERS[4];
      if (!letter) throw new Error('no test letter');
      const scan = await buildScan(letter, { dir, name: 'cli-letter', degrees: 1.5, seed: 9, format: 'jpeg' });
      const result = await runCli(['ocr', scan.path, '--json'], {});
      expect(result.code).toBe(0);
      const output = JSON.parse(result.stdout);
      expect(Object.keys(output)).toEqual(['text', 'fields', 'withdrawal']);
      expect(Object.keys(output.fields)).toEqual(['fullName', 'birthDate', 'phone', 'email', 'address']);
      expect(output.fields).toMatchObject({ ...letter.expected, email: null });
      expect(output.withdrawal).toBe(true);
      expect(output.text).toContain('Смирнов');
    },
  );
});

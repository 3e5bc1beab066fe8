import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_LETTERS } from '../../../test/ocr-letters';
import { buildScan, ocrForTests } from '../../../test/ocr-scans';
import { OcrError } from './ocr-tools';
import { recogniseLetter, tryRecogniseLetter } from './recognise-letter';

// CI installs tesseract-ocr, tesseract-ocr-rus and poppler-utils (.ci/run); a developer's machine may not have them.
const availability = await ocrForTests('recogniseLetter');

/** OCR of one page takes seconds alone, far more on a busy two-core machine. */
const OCR_TIMEOUT = 240_000;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-desk-ocr-test-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('recogniseLetter: refusals, typed, never a crash', () => {
  test('a type it does not read', async () => {
    const error = await recogniseLetter({ path: 'letter.docx', mimeType: 'application/msword' }).catch((e) => e);
    expect(error).toBeInstanceOf(OcrError);
    expect(error).toMatchObject({
      code: 'unsupported-type',
      message: 'Распознавание не поддерживает тип файла application/msword',
    });
  });

  test('a missing file', async () => {
    const result = await tryRecogniseLetter({ path: path.join(dir, 'absent.png'), mimeType: 'image/png' });
    expect(result).toMatchObject({ ok: false, error: { code: 'missing-file' } });
  });

  test.skipIf(!availability.available)(
    'a file that is not the image it claims to be',
    { timeout: OCR_TIMEOUT },
    async () => {
      const file = path.join(dir, 'broken.png');
      await fs.writeFile(file, 'not an image at all');
      const result = await tryRecogniseLetter({ path: file, mimeType: 'image/png' });
      expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
      const pdf = path.join(dir, 'broken.pdf');
      await fs.writeFile(pdf, '%PDF-1.4 truncated');
      expect(await tryRecogniseLetter({ path: pdf, mimeType: 'application/pdf' })).toMatchObject({ ok: false });
    },
  );
});

describe.skipIf(!availability.available)(
  `recogniseLetter on generated scans (tesseract)${availability.skipped}`,
  () => {
    test('a rotated, noisy PNG: the sender’s name, birth date and phone, and the withdrawal', {
      timeout: OCR_TIMEOUT,
    }, async () => {
      const letter = TEST_LETTERS[0];
      if (!letter) throw new Error('no test letter');
      const scan = await buildScan(letter, { dir, name: 'png-letter', degrees: 2, seed: 7, format: 'png' });
      const progress: number[] = [];
      const result = await recogniseLetter(scan, (fraction) => progress.push(fraction));
      expect(result.fields).toMatchObject(letter.expected);
      expect(result.fields.address).toContain('Малышева');
      expect(result.withdrawal).toBe(true);
      expect(result.text).toContain('ОТЗЫВ СОГЛАСИЯ');
      expect(progress).toEqual([0, 1]);
    });

    test('a scanner’s PDF: its page rendered and read, progress per page, the temporary page removed', {
      timeout: OCR_TIMEOUT,
    }, async () => {
      const letter = TEST_LETTERS[1];
      if (!letter) throw new Error('no test letter');
      const scan = await buildScan(letter, { dir, name: 'pdf-letter', degrees: -2, seed: 8, format: 'pdf' });
      const before = (await fs.readdir(os.tmpdir())).filter(
        (name) => name.startsWith('pd-desk-ocr-') && !name.startsWith('pd-desk-ocr-test-'),
      );
      const progress: number[] = [];
      const result = await recogniseLetter(scan, (fraction) => progress.push(fraction));
      expect(result.fields).toMatchObject(letter.expected);
      expect(result.withdrawal).toBe(true);
      expect(progress).toEqual([0, 1, 1]);
      const after = (await fs.readdir(os.tmpdir())).filter(
        (name) => name.startsWith('pd-desk-ocr-') && !name.startsWith('pd-desk-ocr-test-'),
      );
      expect(after.filter((name) => !before.includes(name))).toEqual([]);
    });
  },
);

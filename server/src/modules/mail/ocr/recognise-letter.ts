// Reads a scanned letter: the text of every page (tesseract, Russian), the sender's details found in it and whether
// it withdraws consent. The intake's background job and `pnpm pd-desk ocr` both call recogniseLetter.

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractLetterFields, type LetterFields } from '@pd-desk/shared/mail/letter-fields';
import { detectWithdrawal } from '@pd-desk/shared/mail/withdrawal-wording';
import { OCR_LANGUAGE, OcrError, PDFTOPPM, runTool, TESSERACT } from './ocr-tools';

export type RecognisedLetter = { text: string; fields: LetterFields; withdrawal: boolean };

export const OCR_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type OcrMimeType = (typeof OCR_MIME_TYPES)[number];

/** A letter is a page or two; a scan of hundreds of pages is not one, and would hold the job for an hour. */
export const MAX_PDF_PAGES = 20;
/** 300 dpi: what tesseract is trained for; lower loses small print, higher only costs time. */
const RENDER_DPI = '300';
const PAGE_TIMEOUT_MS = 180_000;
const PDFINFO = 'pdfinfo';

// Page segmentation 6 (one block of text): on the test set (ADR 0010) the automatic layout analysis (modes 1 and 3)
// dropped whole lines of a paragraph skewed by 3°, mode 6 read every line of every letter. A letter is one column
// with the addressee's block on the right, so reading it as one block loses nothing.
const TESSERACT_OPTIONS = ['-l', OCR_LANGUAGE, '--psm', '6'];

const isOcrMimeType = (mimeType: string): mimeType is OcrMimeType =>
  (OCR_MIME_TYPES as readonly string[]).includes(mimeType);

async function readPage(imagePath: string): Promise<string> {
  return runTool(TESSERACT, [imagePath, 'stdout', ...TESSERACT_OPTIONS], PAGE_TIMEOUT_MS);
}

async function pdfPageCount(pdfPath: string): Promise<number> {
  const info = await runTool(PDFINFO, [pdfPath], PAGE_TIMEOUT_MS);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  if (!Number.isInteger(pages) || pages < 1) throw new OcrError('failed', 'В PDF не найдено ни одной страницы');
  return pages;
}

/**
 * Each page rendered to a grey 300-dpi image in a private temporary folder, read, and the folder removed. The pages
 * are PGM: pdftoppm spends seconds compressing a PNG that tesseract would only unpack again.
 */
async function readPdf(pdfPath: string, onPage: (done: number, total: number) => void): Promise<string[]> {
  const total = Math.min(await pdfPageCount(pdfPath), MAX_PDF_PAGES);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-desk-ocr-'));
  try {
    const texts: string[] = [];
    for (let page = 1; page <= total; page++) {
      const prefix = path.join(dir, `page-${page}`);
      const number = String(page);
      await runTool(
        PDFTOPPM,
        ['-f', number, '-l', number, '-r', RENDER_DPI, '-gray', '-singlefile', pdfPath, prefix],
        PAGE_TIMEOUT_MS,
      );
      texts.push(await readPage(`${prefix}.pgm`));
      await fs.rm(`${prefix}.pgm`, { force: true });
      onPage(page, total);
    }
    return texts;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The letter's text, its sender's details and whether it withdraws consent. Fails only with an OcrError (missing
 * file, unsupported type, engine missing, failing or too slow). onProgress gets the share of pages read, 0 to 1.
 */
export async function recogniseLetter(
  input: { path: string; mimeType: string },
  onProgress: (fraction: number) => void = () => {},
): Promise<RecognisedLetter> {
  if (!isOcrMimeType(input.mimeType))
    throw new OcrError(
      'unsupported-type',
      `Распознавание не поддерживает тип файла ${input.mimeType || '(не указан)'}`,
    );
  // An absolute path never starts with '-', so no tool can take the file name for an option.
  const file = path.resolve(input.path);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new OcrError('missing-file', `Файл не найден: ${input.path}`);

  onProgress(0);
  const pages =
    input.mimeType === 'application/pdf'
      ? await readPdf(file, (done, total) => onProgress(done / total))
      : [await readPage(file)];
  onProgress(1);
  const text = pages
    .map((page) => page.replace(/\f/g, '').trim())
    .join('\n\n')
    .trim();
  return { text, fields: extractLetterFields(text), withdrawal: detectWithdrawal(text).withdrawal };
}

/** recogniseLetter for callers that record failures rather than handle them: a job's status, a batch. */
export async function tryRecogniseLetter(
  input: { path: string; mimeType: string },
  onProgress?: (fraction: number) => void,
): Promise<{ ok: true; letter: RecognisedLetter } | { ok: false; error: OcrError }> {
  try {
    return { ok: true, letter: await recogniseLetter(input, onProgress) };
  } catch (error) {
    const known = error instanceof OcrError ? error : new OcrError('failed', 'Распознавание не удалось');
    return { ok: false, error: known };
  }
}

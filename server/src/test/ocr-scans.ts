// Turns a test letter into a scan as a registrar would upload it: rendered at 300 dpi, rotated by a degree or three,
// noisy, and saved as PNG, a scanner's PDF (the image inside a PDF), JPEG or TIFF. Needs pdftoppm (poppler-utils).

import fs from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { ocrAvailability, PDFTOPPM, runTool } from '../modules/mail/ocr/ocr-tools';
import type { OcrMimeType } from '../modules/mail/ocr/recognise-letter';
import { renderTestLetterPdf, type TestLetter } from './ocr-letters';
import { addNoise, encodePng, parsePgm, rotate } from './scan-image';

export type ScanFormat = 'png' | 'pdf' | 'jpeg' | 'tiff';

const MIME_TYPES: Record<ScanFormat, OcrMimeType> = {
  png: 'image/png',
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

const TOOL_TIMEOUT_MS = 120_000;
/** A4 in PDF points. */
const A4 = [595.28, 841.89] as const;

/** A scanner's PDF: one A4 page that is nothing but the page's image. */
function imagePdf(png: Buffer): Promise<Buffer> {
  const doc = new PDFDocument({ size: [...A4], margin: 0 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.image(png, 0, 0, { width: A4[0], height: A4[1] });
  doc.end();
  return done;
}

/**
 * Writes `name.<ext>` into `dir`: the letter rendered at 300 dpi, turned by `degrees`, with noise seeded by `seed`.
 * Returns what recogniseLetter takes.
 */
export async function buildScan(
  letter: TestLetter,
  options: { dir: string; name: string; degrees: number; seed: number; format: ScanFormat },
): Promise<{ path: string; mimeType: OcrMimeType }> {
  const base = path.join(options.dir, options.name);
  await fs.writeFile(`${base}-clean.pdf`, await renderTestLetterPdf(letter));
  await runTool(PDFTOPPM, ['-r', '300', '-gray', '-singlefile', `${base}-clean.pdf`, `${base}-clean`], TOOL_TIMEOUT_MS);
  const clean = parsePgm(await fs.readFile(`${base}-clean.pgm`));
  const png = encodePng(addNoise(rotate(clean, options.degrees), options.seed));
  await fs.rm(`${base}-clean.pdf`);
  await fs.rm(`${base}-clean.pgm`);

  const file = `${base}.${options.format === 'jpeg' ? 'jpg' : options.format === 'tiff' ? 'tif' : options.format}`;
  if (options.format === 'png') await fs.writeFile(file, png);
  else {
    const scannerPdf = await imagePdf(png);
    if (options.format === 'pdf') await fs.writeFile(file, scannerPdf);
    else {
      // JPEG and TIFF as a scanner writes them: the scanned page re-rendered at its own resolution.
      await fs.writeFile(`${base}-scan.pdf`, scannerPdf);
      const flag = options.format === 'jpeg' ? '-jpeg' : '-tiff';
      await runTool(PDFTOPPM, ['-r', '300', '-gray', flag, '-singlefile', `${base}-scan.pdf`, base], TOOL_TIMEOUT_MS);
      await fs.rm(`${base}-scan.pdf`);
    }
  }
  return { path: file, mimeType: MIME_TYPES[options.format] };
}

/**
 * For OCR test files: whether tesseract is here. When it is not, says so on stderr with the packages to install;
 * CI installs them (.ci/run), so there the tests always run.
 */
export async function ocrForTests(suite: string): Promise<{ available: boolean; skipped: string }> {
  const { available, reason } = await ocrAvailability();
  const skipped = available ? '' : ` — SKIPPED: ${reason}`;
  if (!available)
    process.stderr.write(
      `${suite}: OCR tests skipped, ${reason} (apt-get install tesseract-ocr tesseract-ocr-rus poppler-utils)\n`,
    );
  return { available, skipped };
}

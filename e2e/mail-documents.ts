import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';

/** Reading the mail desk's documents (PDF, DOCX) as a person receiving them would: by their text. */

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** A DOCX is a zip: its text is in word/document.xml. */
export function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Clicks the download link and keeps the file: its bytes and where it was saved. */
export async function download(page: Page, name: string, to: string): Promise<{ bytes: Buffer; file: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  const file = await downloading;
  await file.saveAs(to);
  return { bytes: await bytesOf(file), file: to };
}

/** Both formats of one document, downloaded and read: the texts to search. */
export async function documentTexts(page: Page, number: string, dir: (name: string) => string): Promise<string[]> {
  const pdf = await download(page, `Скачать PDF: ${number}`, dir(`${number}.pdf`));
  const docx = await download(page, `Скачать DOCX: ${number}`, dir(`${number}.docx`));
  return [await pdfText(pdf.bytes), docxText(docx.file)];
}

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

/** The first page of a PDF as a PNG beside the screenshots, for people to look at (where poppler is installed). */
export function pictureOf(pdf: string, name: string) {
  if (!fs.existsSync('/usr/bin/pdftoppm')) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(SCREENSHOTS, name),
  ]);
}

import { execFile } from 'node:child_process';
import { SCAN_MAX_PAGES } from '@pd-desk/shared/mail/mail-model';
import type { FileKind } from '../../files/file-kind';

/**
 * Page previews are rendered on the server (poppler's pdftoppm, already needed by OCR) rather than by pdf.js
 * in the browser: one tool for both, no 1 MB worker in the bundle, and the browser gets a plain PNG it can
 * show for every kind of scan.
 */
const PREVIEW_DPI = '70';
const TOOL_TIMEOUT_MS = 30_000;

function run(command: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { encoding: 'buffer', timeout: TOOL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** How many pages a stored scan has; a PDF poppler cannot read counts as one page (its preview then fails). */
export async function pageCountOf(filePath: string, kind: FileKind): Promise<number> {
  if (kind !== 'pdf') return 1;
  try {
    const info = (await run('pdfinfo', [filePath])).toString('utf8');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 1);
    return Math.max(1, Math.min(pages, SCAN_MAX_PAGES));
  } catch {
    return 1;
  }
}

/** One page as PNG: PDF pages rendered by pdftoppm, TIFF converted, PNG and JPEG shown as they are. */
export async function renderPreview(filePath: string, kind: FileKind, page: number): Promise<Buffer | null> {
  const n = String(page);
  if (kind === 'pdf') return run('pdftoppm', ['-f', n, '-l', n, '-r', PREVIEW_DPI, '-png', '-singlefile', filePath]);
  if (kind === 'tiff') return run('convert', [`${filePath}[${page - 1}]`, 'png:-']).catch(() => null);
  return null;
}

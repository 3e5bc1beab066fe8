// The OCR engine is Debian's tesseract (with its Russian data) and poppler's pdftoppm for PDF pages, run as child
// processes (ADR 0010): no shell, arguments as arrays, a time limit per run, output size capped.

import { execFile } from 'node:child_process';

export const TESSERACT = 'tesseract';
export const PDFTOPPM = 'pdftoppm';
/** The Russian model; the sender's e-mail address and Latin look-alikes come out of it well enough. */
export const OCR_LANGUAGE = 'rus';

/** What went wrong, for the job's status and the CLI's message; never a stack trace. */
export type OcrErrorCode = 'unavailable' | 'missing-file' | 'unsupported-type' | 'failed' | 'timeout';

export class OcrError extends Error {
  constructor(
    readonly code: OcrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

const OUTPUT_LIMIT = 16 * 1024 * 1024;

/** Runs a tool with these arguments and returns its stdout; any failure becomes an OcrError. */
export function runTool(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: OUTPUT_LIMIT, encoding: 'utf8', killSignal: 'SIGKILL', windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new OcrError('unavailable', `Программа ${command} не установлена`));
        if (error.killed) return reject(new OcrError('timeout', `${command} не уложился в ${timeoutMs / 1000} с`));
        const detail = stderr.trim().split('\n').at(-1) ?? '';
        reject(new OcrError('failed', `${command} завершился с ошибкой${detail ? `: ${detail}` : ''}`));
      },
    );
  });
}

const PROBE_TIMEOUT_MS = 10_000;

/** Whether letters can be recognised here: tesseract with the Russian data, and pdftoppm for PDF scans. */
export async function ocrAvailability(): Promise<{ available: boolean; reason?: string }> {
  try {
    // tesseract prints the language list on stdout (5.x) or stderr (4.x); 5.x is what Debian 12 ships.
    const languages = await runTool(TESSERACT, ['--list-langs'], PROBE_TIMEOUT_MS);
    if (!languages.split('\n').some((line) => line.trim() === OCR_LANGUAGE))
      return { available: false, reason: 'Нет русских данных распознавания (пакет tesseract-ocr-rus)' };
    await runTool(PDFTOPPM, ['-v'], PROBE_TIMEOUT_MS);
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof OcrError ? error.message : String(error) };
  }
}

// `pnpm pd-desk ocr FILE [--json]`: what the intake's OCR job reads from a scan, through the same recogniseLetter.
// Needs no database: it only reads the file.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, print } from '../../../cli/runtime';
import { invocationDir } from '../../../env';
import { detectFileKind, FILE_CONTENT_TYPES } from '../../files/file-kind';
import { OcrError, ocrAvailability } from './ocr-tools';
import { OCR_MIME_TYPES, recogniseLetter } from './recognise-letter';

const HEAD_BYTES = 16;

/** The type by content, as uploads are checked; null for anything the OCR does not read. */
async function scanMimeType(file: string): Promise<string | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    const kind = detectFileKind(buffer.subarray(0, bytesRead));
    const mimeType = kind ? FILE_CONTENT_TYPES[kind] : null;
    return mimeType && (OCR_MIME_TYPES as readonly string[]).includes(mimeType) ? mimeType : null;
  } finally {
    await handle.close();
  }
}

const FIELD_LABELS = [
  ['fullName', 'ФИО'],
  ['birthDate', 'Дата рождения'],
  ['phone', 'Телефон'],
  ['email', 'E-mail'],
  ['address', 'Адрес'],
] as const;

export function registerOcrCommand(program: Command) {
  program
    .command('ocr')
    .description('распознать скан письма (PDF, JPEG, PNG, TIFF): текст, данные отправителя, отзыв согласия')
    .argument('<file>', 'файл скана')
    .option('--json', 'вывести JSON: { text, fields, withdrawal }')
    .action(async (fileArg: string, opts: { json?: boolean }) => {
      const file = path.resolve(invocationDir(), fileArg);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) throw new CliError(`Файл не найден: ${fileArg}`);
      const mimeType = await scanMimeType(file);
      if (!mimeType) throw new CliError(`Неподдерживаемый тип файла: ${fileArg} (нужен PDF, JPEG, PNG или TIFF)`);

      const availability = await ocrAvailability();
      if (!availability.available) throw new CliError(`Распознавание недоступно: ${availability.reason}`);

      // Progress on stderr, so stdout stays clean for --json.
      const progress = (fraction: number) => process.stderr.write(`Распознавание: ${Math.round(fraction * 100)}%\n`);
      const letter = await recogniseLetter({ path: file, mimeType }, progress).catch((error: unknown) => {
        throw error instanceof OcrError ? new CliError(`Распознавание не удалось: ${error.message}`) : error;
      });

      if (opts.json) {
        print(JSON.stringify({ text: letter.text, fields: letter.fields, withdrawal: letter.withdrawal }));
        return;
      }
      for (const [key, label] of FIELD_LABELS) print(`${label}: ${letter.fields[key] ?? '—'}`);
      print(`Отзыв согласия: ${letter.withdrawal ? 'да' : 'нет'}`);
      print();
      print(letter.text);
    });
}

// The reading pass gives the same result in its own thread as in the main one: the COPY text, the counts, the bad
// rows' reports, the name words; and a file that cannot be read fails the same way (ADR 0027).
import { IMPORT_CSV_HEADER, toImportCsvLine } from '@pd-desk/shared/demo/demo-csv';
import { generateSubjects } from '@pd-desk/shared/demo/demo-subjects';
import { describe, expect, it } from 'vitest';
import { FileReading } from './import-read';
import { ImportFileError } from './import-rows';

/** Starting the thread (tsx transforming its modules) takes seconds on a loaded machine. */
const THREAD_START_TIMEOUT = 120_000;

const settings = { today: '2026-12-01', skipInvalid: true, maxProblems: 5 };

/** Reads `chunks` with the thread from the first character (0) or never (Infinity). */
async function read(chunks: string[], inThreadChars: number) {
  const reading = new FileReading(settings, inThreadChars);
  const progress: number[] = [];
  let text = '';
  for await (const piece of reading.copyText(chunks, (rows) => progress.push(rows))) text += piece;
  const { rows, invalidRows, problems, words } = reading;
  return { text, rows, invalidRows, problems, words: [...words.roles], sha256: reading.sha256.digest('hex'), progress };
}

describe('import reading pass', () => {
  it(
    'gives the same COPY text, counts, reports and name words in the reading thread as in the main thread',
    async () => {
      const lines = [...generateSubjects({ seed: 11, count: 3_000 })].map(toImportCsvLine);
      lines[10] = 'BAD-1,Иванов,Иван,,31.02.1990,,,заявитель';
      lines[2_500] = lines[2_400] ?? '';
      const file = [IMPORT_CSV_HEADER, ...lines].join('\r\n');
      // Chunks cut anywhere, as a stream delivers them: inside a record, between \r and \n.
      const chunks = Array.from({ length: Math.ceil(file.length / 7_001) }, (_, i) =>
        file.slice(i * 7_001, (i + 1) * 7_001),
      );
      const here = await read(chunks, Number.POSITIVE_INFINITY);
      const threaded = await read(chunks, 0);
      expect(here.rows).toBe(3_000);
      expect(here.invalidRows).toBe(2);
      expect(here.text.split('\n').length - 1).toBe(2_998);
      expect({ ...threaded, progress: null }).toEqual({ ...here, progress: null });
      expect(threaded.progress.at(-1)).toBe(3_000);
      expect(threaded.progress.length).toBeGreaterThan(10);
    },
    THREAD_START_TIMEOUT,
  );

  it(
    'refuses a file with broken quoting from the reading thread as from the main thread',
    async () => {
      const file = `${IMPORT_CSV_HEADER}\r\nX-1,"Иванов,Иван,,1990-01-01,,,заявитель\r\n`;
      await expect(read([file], 0)).rejects.toThrow(ImportFileError);
      await expect(read([file], Number.POSITIVE_INFINITY)).rejects.toThrow(ImportFileError);
    },
    THREAD_START_TIMEOUT,
  );
});

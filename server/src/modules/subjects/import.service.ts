// Subject import from the CSV the clinic's old systems export (header row; columns in any order):
//   external_id,last_name,first_name,middle_name,birth_date,phone,email,category
// Two passes over a stream: the first checks every row and stops there if any is bad (nothing is written unless the
// caller asked to skip bad rows), the second writes in batches. Re-importing a file changes nothing: rows are matched
// by external_id (see bulk-write.ts).

import { createHash } from 'node:crypto';
import { parseBirthDate } from '@pd-desk/shared/subjects/birth-date';
import { maskFileName } from '@pd-desk/shared/subjects/record-mask';
import { parseSubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { type BatchOutcome, type SubjectImportRow, writeSubjects } from './bulk-write';
import { CsvFormatError, type CsvRecord, csvRecords } from './csv-records';
import { emailRow, phoneRow } from './search-index';

export const IMPORT_COLUMNS = [
  'external_id',
  'last_name',
  'first_name',
  'middle_name',
  'birth_date',
  'phone',
  'email',
  'category',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export type ImportProblem = { line: number; field: string; reason: string };

/** Text chunks of the file, from the start; called once per pass. */
export type ImportSource = () => AsyncIterable<string> | Iterable<string>;

export type ImportProgress = (phase: 'check' | 'write' | 'indexes', rowsDone: number, rowsTotal: number | null) => void;

export type ImportOptions = {
  fileName: string;
  skipInvalid: boolean;
  onProgress?: ImportProgress;
  /** How many bad rows to keep for the report; all are counted. */
  maxProblems?: number;
};

export type ImportOutcome = BatchOutcome & {
  /** 'rejected': bad rows and no permission to skip them, nothing written. */
  status: 'done' | 'rejected';
  rows: number;
  invalidRows: number;
  problems: ImportProblem[];
};

/** Progress of the check pass is reported every this many rows. */
const CHECK_REPORT_ROWS = 5_000;
const NAME = /^\p{L}[\p{L}'’ .-]*$/u;
const MAX_NAME = 80;
const MAX_EXTERNAL_ID = 100;

export async function importSubjects(
  { db, actor }: ServiceContext,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const maxProblems = options.maxProblems ?? 1_000;
  const problems: ImportProblem[] = [];
  let invalidRows = 0;
  let rows = 0;
  const digest = createHash('sha256');
  for await (const row of checkedRows(source, (chunk) => digest.update(chunk))) {
    rows++;
    if ('problems' in row) {
      invalidRows++;
      for (const p of row.problems) if (problems.length < maxProblems) problems.push(p);
    }
    if (rows % CHECK_REPORT_ROWS === 0) options.onProgress?.('check', rows, null);
  }
  options.onProgress?.('check', rows, rows);
  const outcome: ImportOutcome = { status: 'done', rows, invalidRows, problems, created: 0, updated: 0, unchanged: 0 };
  if (invalidRows > 0 && !options.skipInvalid) return { ...outcome, status: 'rejected' };

  const valid = rows - invalidRows;
  async function* validRows() {
    for await (const row of checkedRows(source)) if ('row' in row) yield row.row;
  }
  const written = await writeSubjects(db, actor, validRows(), {
    expectedRows: valid,
    onProgress: (done, phase) => options.onProgress?.(phase === 'rows' ? 'write' : 'indexes', done, valid),
  });
  Object.assign(outcome, written);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'subject.import',
      objectType: 'subject',
      details: {
        fileName: maskFileName(options.fileName),
        sha256: digest.digest('hex'),
        rows,
        skippedInvalid: invalidRows,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
      },
    }),
  );
  return outcome;
}

type CheckedRow = { line: number; row: SubjectImportRow } | { line: number; problems: ImportProblem[] };

/** Every data row of the file, parsed and checked; a repeated external_id is a problem of the later row. */
export async function* checkedRows(
  source: ImportSource,
  onChunk?: (chunk: string) => void,
): AsyncGenerator<CheckedRow> {
  const seen = new Map<string, number>();
  let columns: Header | null = null;
  const chunks = onChunk ? tap(source(), onChunk) : source();
  for await (const record of readable(csvRecords(chunks))) {
    if (columns === null) {
      columns = headerColumns(record);
      continue;
    }
    const checked = checkRow(record, columns);
    // Any row naming an external_id claims it, even a bad one: which of two rows is right is for a person to say.
    const externalId = (record.fields[columns.index.get('external_id') ?? -1] ?? '').trim();
    const first = externalId ? seen.get(externalId) : undefined;
    if (first !== undefined) {
      const reason = `external_id «${externalId}» уже встречался в строке ${first}`;
      const problem = { line: record.line, field: 'external_id', reason };
      yield { line: record.line, problems: 'problems' in checked ? [problem, ...checked.problems] : [problem] };
      continue;
    }
    if (externalId) seen.set(externalId, record.line);
    yield checked;
  }
  if (columns === null) throw new ImportFileError('Файл пуст: нет строки заголовка');
}

/** The file as a whole cannot be read (no header, missing columns, broken quoting): nothing is imported. */
export class ImportFileError extends Error {}

/** Broken quoting makes the rest of the file unreadable: the whole file is refused, with the line. */
async function* readable(records: AsyncGenerator<CsvRecord>) {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof CsvFormatError) throw new ImportFileError(`Строка ${error.line}: ${error.message}`);
    throw error;
  }
}

async function* tap(chunks: AsyncIterable<string> | Iterable<string>, onChunk: (chunk: string) => void) {
  for await (const chunk of chunks) {
    onChunk(chunk);
    yield chunk;
  }
}

type Header = { index: Map<Column, number>; width: number };

function headerColumns(record: CsvRecord): Header {
  const names = record.fields.map((f) => f.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(
      `В строке заголовка нет столбцов: ${missing.join(', ')}. Ожидается: ${IMPORT_COLUMNS.join(',')}`,
    );
  }
  return { index: new Map(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])), width: names.length };
}

function checkRow(record: CsvRecord, header: Header): CheckedRow {
  const { line, fields } = record;
  if (fields.length !== header.width) {
    return {
      line,
      problems: [{ line, field: '*', reason: `в строке ${fields.length} полей, в заголовке ${header.width}` }],
    };
  }
  const problems: ImportProblem[] = [];
  const value = (c: Column) => (fields[header.index.get(c) ?? -1] ?? '').trim();
  const problem = (field: Column, reason: string) => {
    problems.push({ line, field, reason });
    return null;
  };

  const externalId = value('external_id');
  if (!externalId) problem('external_id', 'не заполнен');
  else if (externalId.length > MAX_EXTERNAL_ID) problem('external_id', `длиннее ${MAX_EXTERNAL_ID} символов`);
  const name = (c: Column, required: boolean): string | null => {
    const v = value(c).replace(/\s+/g, ' ');
    if (!v) return required ? problem(c, 'не заполнено') : null;
    if (v.length > MAX_NAME) return problem(c, `длиннее ${MAX_NAME} символов`);
    return NAME.test(v) ? v : problem(c, `«${v}»: допустимы буквы, дефис, апостроф, точка и пробел`);
  };
  const lastName = name('last_name', true);
  const firstName = name('first_name', true);
  const middleName = name('middle_name', false);
  const birthDate = checkBirthDate(value('birth_date'), (reason) => problem('birth_date', reason));
  const phone = value('phone');
  if (phone && !phoneRow(phone)) problem('phone', `«${phone}» не похож на российский номер (+7 и 10 цифр)`);
  const email = value('email');
  if (email && !emailRow(email)) problem('email', `«${email}» не похож на адрес электронной почты`);
  const categoryText = value('category');
  const category = parseSubjectCategory(categoryText);
  if (!category) {
    problem('category', categoryText ? `неизвестная категория «${categoryText}»` : 'не заполнена');
  }
  if (problems.length > 0 || !lastName || !firstName || !birthDate || !category) return { line, problems };
  return {
    line,
    row: {
      externalId,
      lastName,
      firstName,
      middleName,
      birthDate,
      category,
      phones: phone ? [phone] : [],
      emails: email ? [email] : [],
    },
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const RUSSIAN = /^\d{2}\.\d{2}\.\d{4}$/;

function checkBirthDate(text: string, problem: (reason: string) => null): string | null {
  if (!text) return problem('не заполнена');
  if (!ISO.test(text) && !RUSSIAN.test(text)) return problem(`«${text}»: ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ`);
  return parseBirthDate(text) ?? problem(`«${text}»: такой даты нет или она вне 1900 года — сегодня`);
}

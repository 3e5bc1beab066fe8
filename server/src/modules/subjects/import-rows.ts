// The one pass over an import file: CSV records → checked rows, each either a problem report (line, field, Russian
// reason) or the row with everything search needs already normalised (stems, phone digits, e-mail), ready to be
// staged. The checks are those of the first import (issue 5); only the number of passes changed (ADR 0022).

import { parseBirthDate } from '@pd-desk/shared/subjects/birth-date';
import { parseSubjectCategory, type SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import { CsvFormatError, CsvParser, type CsvRecord } from './csv-records';
import { emailRow, phoneRow, subjectNameStems } from './search-index';

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

/** A valid row of the file with its search columns, as the staging table holds it. */
export type StagedRow = {
  line: number;
  externalId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  category: SubjectCategory;
  lastStem: string;
  firstStem: string;
  middleStem: string | null;
  phone: { raw: string; digits: string; digitsReversed: string } | null;
  email: { raw: string; normalised: string } | null;
};

export type CheckedRow = { line: number; row: StagedRow } | { line: number; problems: ImportProblem[] };

/** The file as a whole cannot be read (no header, missing columns, broken quoting): nothing is imported. */
export class ImportFileError extends Error {}

const NAME = /^\p{L}[\p{L}'’ .-]*$/u;
const MAX_NAME = 80;
const MAX_EXTERNAL_ID = 100;

/**
 * The data rows of a file fed chunk by chunk, each parsed and checked once; a repeated external_id is a problem of
 * the later row. Synchronous per chunk: a promise per row (async generators stacked per record) cost the reading
 * thread more in allocation and garbage collection than the checks themselves (ADR 0031).
 * `today` bounds birth dates: computed once per import, not per row (an Intl formatter call each).
 */
export class RowChecker {
  private readonly parser = new CsvParser();
  private readonly seen = new Map<string, number>();
  private columns: Header | null = null;

  constructor(private readonly today: string) {}

  /** The rows the chunk completes. */
  push(chunk: string): Generator<CheckedRow> {
    return this.checked(this.parser.push(chunk));
  }

  /** The last row, after the last chunk. */
  *end(): Generator<CheckedRow> {
    yield* this.checked(this.parser.end());
    if (this.columns === null) throw new ImportFileError('Файл пуст: нет строки заголовка');
  }

  private *checked(records: Iterable<CsvRecord>): Generator<CheckedRow> {
    try {
      for (const record of records) {
        if (this.columns === null) {
          this.columns = headerColumns(record);
          continue;
        }
        yield this.check(record, this.columns);
      }
    } catch (error) {
      // Broken quoting makes the rest of the file unreadable: the whole file is refused, with the line.
      if (error instanceof CsvFormatError) throw new ImportFileError(`Строка ${error.line}: ${error.message}`);
      throw error;
    }
  }

  private check(record: CsvRecord, columns: Header): CheckedRow {
    const checked = checkRow(record, columns, this.today);
    // Any row naming an external_id claims it, even a bad one: which of two rows is right is for a person to say.
    const externalId = (record.fields[columns.index.get('external_id') ?? -1] ?? '').trim();
    const first = externalId ? this.seen.get(externalId) : undefined;
    if (first !== undefined) {
      const reason = `external_id «${externalId}» уже встречался в строке ${first}`;
      const problem = { line: record.line, field: 'external_id', reason };
      return { line: record.line, problems: 'problems' in checked ? [problem, ...checked.problems] : [problem] };
    }
    if (externalId) this.seen.set(externalId, record.line);
    return checked;
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

function checkRow(record: CsvRecord, header: Header, today: string): CheckedRow {
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
  const birthDate = checkBirthDate(value('birth_date'), today, (reason) => problem('birth_date', reason));
  const phoneText = value('phone');
  const phone = phoneText ? phoneRow(phoneText) : null;
  if (phoneText && !phone) problem('phone', `«${phoneText}» не похож на российский номер (+7 и 10 цифр)`);
  const emailText = value('email');
  const email = emailText ? emailRow(emailText) : null;
  if (emailText && !email) problem('email', `«${emailText}» не похож на адрес электронной почты`);
  const categoryText = value('category');
  const category = parseSubjectCategory(categoryText);
  if (!category) {
    problem('category', categoryText ? `неизвестная категория «${categoryText}»` : 'не заполнена');
  }
  if (problems.length > 0 || !lastName || !firstName || !birthDate || !category) return { line, problems };
  const names = { lastName, firstName, middleName };
  return { line, row: { line, externalId, ...names, birthDate, category, ...subjectNameStems(names), phone, email } };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const RUSSIAN = /^\d{2}\.\d{2}\.\d{4}$/;

function checkBirthDate(text: string, today: string, problem: (reason: string) => null): string | null {
  if (!text) return problem('не заполнена');
  if (!ISO.test(text) && !RUSSIAN.test(text)) return problem(`«${text}»: ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ`);
  return parseBirthDate(text, today) ?? problem(`«${text}»: такой даты нет или она вне 1900 года — сегодня`);
}

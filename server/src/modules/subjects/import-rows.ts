// The one pass over an import file: CSV records → checked rows, each either a problem report (line, field, Russian
// reason) or the row with everything search needs already normalised (stems, phone digits, e-mail), ready to be
// staged. The checks are those of the first import (issue 5); only the number of passes changed (ADR 0022).

import { parseBirthDate } from '@pd-desk/shared/subjects/birth-date';
import { parseSubjectCategory, type SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import { CsvFormatError, CsvParser, type CsvRecord } from './csv-records';
import { emailRow, memo, normalisedWord, phoneRow, stemOf } from './search-index';

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

/** A valid row's normalised name words, for the dictionary of name words (middle null when there is none). */
export type RowNameWords = { last: string; first: string; middle: string | null };

export type CheckedRow =
  | { line: number; row: StagedRow; words: RowNameWords }
  | { line: number; problems: ImportProblem[] };

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
  /** Birth dates repeat (some 40 000 days in a century): each text is checked once per import. */
  private readonly birthDate: (text: string) => Checked;

  constructor(today: string) {
    const dates = new Map<string, Checked>();
    this.birthDate = (text) => memo(dates, (t) => checkBirthDate(t, today), text);
  }

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
    // Any row naming an external_id claims it, even a bad one: which of two rows is right is for a person to say.
    const externalId = (record.fields[columns.at.external_id] ?? '').trim();
    const checked = checkRow(record, columns, externalId, this.birthDate);
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

type Header = { at: Record<Column, number>; width: number };

function headerColumns(record: CsvRecord): Header {
  const names = record.fields.map((f) => f.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(
      `В строке заголовка нет столбцов: ${missing.join(', ')}. Ожидается: ${IMPORT_COLUMNS.join(',')}`,
    );
  }
  const at = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  return { at, width: names.length };
}

/** A value as the row gives it, or why it is refused. */
type Checked = { value: string } | { reason: string };

/**
 * One data row's checks, in the order of its problems. No closure per row and no regular expression for a name or a
 * date seen before: at a million rows the per-row allocations were what the reading spent most on (ADR 0032).
 */
function checkRow(
  record: CsvRecord,
  header: Header,
  externalId: string,
  birthDate: (text: string) => Checked,
): CheckedRow {
  const { line, fields } = record;
  if (fields.length !== header.width) {
    return {
      line,
      problems: [{ line, field: '*', reason: `в строке ${fields.length} полей, в заголовке ${header.width}` }],
    };
  }
  const { at } = header;
  const problems: ImportProblem[] = [];
  if (!externalId) problems.push({ line, field: 'external_id', reason: 'не заполнен' });
  else if (externalId.length > MAX_EXTERNAL_ID) {
    problems.push({ line, field: 'external_id', reason: `длиннее ${MAX_EXTERNAL_ID} символов` });
  }
  const lastName = checkName(fieldValue(fields, at.last_name), 'last_name', true, line, problems);
  const firstName = checkName(fieldValue(fields, at.first_name), 'first_name', true, line, problems);
  const middleName = checkName(fieldValue(fields, at.middle_name), 'middle_name', false, line, problems);
  const birth = birthDate(fieldValue(fields, at.birth_date));
  if ('reason' in birth) problems.push({ line, field: 'birth_date', reason: birth.reason });
  const phoneText = fieldValue(fields, at.phone);
  const phone = phoneText ? phoneRow(phoneText) : null;
  if (phoneText && !phone) {
    problems.push({ line, field: 'phone', reason: `«${phoneText}» не похож на российский номер (+7 и 10 цифр)` });
  }
  const emailText = fieldValue(fields, at.email);
  const email = emailText ? emailRow(emailText) : null;
  if (emailText && !email) {
    problems.push({ line, field: 'email', reason: `«${emailText}» не похож на адрес электронной почты` });
  }
  const categoryText = fieldValue(fields, at.category);
  const category = parseSubjectCategory(categoryText);
  if (!category) {
    const reason = categoryText ? `неизвестная категория «${categoryText}»` : 'не заполнена';
    problems.push({ line, field: 'category', reason });
  }
  if (problems.length > 0 || !lastName || !firstName || !('value' in birth) || !category) return { line, problems };
  const names = { lastName: lastName.value, firstName: firstName.value, middleName: middleName?.value ?? null };
  const stems = { lastStem: lastName.stem, firstStem: firstName.stem, middleStem: middleName?.stem ?? null };
  const row = { line, externalId, ...names, birthDate: birth.value, category, ...stems, phone, email };
  return { line, row, words: { last: lastName.word, first: firstName.word, middle: middleName?.word ?? null } };
}

function fieldValue(fields: string[], at: number): string {
  return (fields[at] ?? '').trim();
}

/** A valid name: spaces collapsed, with its stem and normalised word (what search needs of it). */
type CheckedName = { value: string; stem: string; word: string };

/** The name, null when empty or refused (then with a problem). */
function checkName(
  text: string,
  field: Column,
  required: boolean,
  line: number,
  problems: ImportProblem[],
): CheckedName | null {
  if (!text) {
    if (required) problems.push({ line, field, reason: 'не заполнено' });
    return null;
  }
  const checked = memo(NAMES, nameOrReason, text);
  if ('value' in checked) return checked;
  problems.push({ line, field, reason: checked.reason });
  return null;
}

// Names repeat: a million people share a few thousand of them. The check and the normalisers are pure, so one cache
// serves every import, and a row looks each name up once instead of once per normaliser.
const NAMES = new Map<string, CheckedName | { reason: string }>();

function nameOrReason(text: string): CheckedName | { reason: string } {
  const v = text.replace(/\s+/g, ' ');
  if (v.length > MAX_NAME) return { reason: `длиннее ${MAX_NAME} символов` };
  if (!NAME.test(v)) return { reason: `«${v}»: допустимы буквы, дефис, апостроф, точка и пробел` };
  return { value: v, stem: stemOf(v), word: normalisedWord(v) };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const RUSSIAN = /^\d{2}\.\d{2}\.\d{4}$/;

function checkBirthDate(text: string, today: string): Checked {
  if (!text) return { reason: 'не заполнена' };
  if (!ISO.test(text) && !RUSSIAN.test(text)) return { reason: `«${text}»: ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ` };
  const iso = parseBirthDate(text, today);
  return iso ? { value: iso } : { reason: `«${text}»: такой даты нет или она вне 1900 года — сегодня` };
}

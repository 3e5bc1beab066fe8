// The subject import file as the clinic's old systems export it: RFC 4180 CSV, dates and phones as people typed them.

import type { DemoSubject } from './demo-subjects';

export const IMPORT_CSV_HEADER = 'external_id,last_name,first_name,middle_name,birth_date,phone,email,category';

/** One CSV record (no line terminator; RFC 4180 separates records with CRLF). Missing values are empty fields. */
export function toImportCsvLine(subject: DemoSubject): string {
  return [
    subject.externalId,
    subject.lastName,
    subject.firstName,
    subject.middleName,
    // About a third of the rows come from a system that writes Russian dd.mm.yyyy dates.
    hash(subject.externalId) % 3 === 0 ? russianDate(subject.birthDate) : subject.birthDate,
    subject.phone,
    subject.email,
    subject.category,
  ]
    .map(csvField)
    .join(',');
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function russianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

// FNV-1a: the date format depends on the row alone, so a file is the same however it is produced.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

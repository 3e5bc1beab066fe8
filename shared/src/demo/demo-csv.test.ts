import { describe, expect, it } from 'vitest';
import { IMPORT_CSV_HEADER, toImportCsvLine } from './demo-csv';
import { type DemoSubject, generateSubjects } from './demo-subjects';

const subject: DemoSubject = {
  externalId: 'DEMO-0000001',
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1985-03-12',
  gender: 'female',
  phone: '+7 912 345-67-89',
  phoneDigits: '79123456789',
  email: 'Ivanova.Maria1@mail.ru',
  category: 'patient',
  formerLastName: null,
  address: null,
};

/** A minimal RFC 4180 reader for one record, to check the writer against. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

describe('import CSV', () => {
  it('has the agreed header', () => {
    expect(IMPORT_CSV_HEADER).toBe('external_id,last_name,first_name,middle_name,birth_date,phone,email,category');
  });

  it('writes a plain record without quotes and missing values as empty fields', () => {
    const line = toImportCsvLine({ ...subject, middleName: null, email: null });
    expect(line).toMatch(/^DEMO-0000001,Иванова,Мария,,(1985-03-12|12\.03\.1985),\+7 912 345-67-89,,patient$/);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    const tricky = { ...subject, lastName: 'Иванова, урожд. "Петрова"', firstName: 'Мария\r\nАнна' };
    const line = toImportCsvLine(tricky);
    expect(line).toContain('"Иванова, урожд. ""Петрова"""');
    expect(line).toContain('"Мария\r\nАнна"');
    expect(parseCsvLine(line).slice(0, 3)).toEqual(['DEMO-0000001', tricky.lastName, tricky.firstName]);
  });

  it('writes birth dates in both formats and phones as stored', () => {
    const rows = [...generateSubjects({ seed: 1, count: 300 })];
    const dates = rows.map((s) => parseCsvLine(toImportCsvLine(s))[4] ?? '');
    expect(dates.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{2}\.\d{2}\.\d{4}$/.test(d))).toBe(true);
    rows.forEach((s) => {
      const fields = parseCsvLine(toImportCsvLine(s));
      expect(fields).toHaveLength(8);
      expect(fields[5]).toBe(s.phone ?? '');
    });
  });
});

import { normaliseEmail } from '@pd-desk/shared/subjects/email-normalise';
import { normalisePhone } from '@pd-desk/shared/subjects/phone-normalise';

/** One line of the contacts CSV: what it is and the key it is looked up by. */
export type CsvToken = { line: number; kind: 'phone' | 'email' | 'external'; key: string };

/**
 * Each non-blank line of the file is one phone, e-mail or external id (the first cell; a header line
 * naming a column is skipped). An e-mail is told by its «@», a phone by normalising to +7 digits,
 * anything else is an external id from the clinic's other systems.
 */
export function csvTokens(csv: string): CsvToken[] {
  const tokens: CsvToken[] = [];
  csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const cell = (raw.split(/[;,\t]/)[0] ?? '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim();
      if (!cell || (index === 0 && /^(phone|e-?mail|external_?id|телефон|id)$/i.test(cell))) return;
      const line = index + 1;
      if (cell.includes('@')) {
        const email = normaliseEmail(cell);
        if (email) tokens.push({ line, kind: 'email', key: email });
        else tokens.push({ line, kind: 'external', key: cell });
        return;
      }
      const phone = normalisePhone(cell);
      tokens.push(phone ? { line, kind: 'phone', key: phone } : { line, kind: 'external', key: cell });
    });
  return tokens;
}

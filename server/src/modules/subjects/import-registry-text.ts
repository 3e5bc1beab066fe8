// COPY text for the registry tables themselves (ADR 0031): a first import into an empty registry writes subjects,
// phones and e-mails by COPY with their ids given here, in file order, so no staging table and no join on
// external_id are needed to connect a contact to its subject. Runs in the reading thread.

import type { CopyTextBuffer } from './copy-text-buffer';
import type { StagedRow } from './import-rows';
import { copyValue } from './import-staging';

/** The next id of each table: reserved by the import before reading (import-registry.ts). */
export type RegistryIds = { subject: number; phone: number; email: number };

/** Registry columns in the order of registryLines' text. */
export const REGISTRY_COLUMNS = {
  subjects:
    'subjects (id, external_id, last_name, first_name, middle_name, birth_date, category, last_stem, first_stem, middle_stem)',
  phones: 'subject_phones (id, subject_id, raw, digits, digits_reversed)',
  emails: 'subject_emails (id, subject_id, raw, normalised)',
} as const;

/** Writes one valid row's COPY lines of the three tables (no contact line when it has none); advances `next`. */
export function writeRegistryLines(
  r: StagedRow,
  next: RegistryIds,
  out: { subjects: CopyTextBuffer; phones: CopyTextBuffer; emails: CopyTextBuffer },
): void {
  const id = next.subject++;
  out.subjects.write(
    `${id}\t${copyValue(r.externalId)}\t${copyValue(r.lastName)}\t${copyValue(r.firstName)}\t${copyValue(
      r.middleName,
    )}\t${r.birthDate}\t${r.category}\t${copyValue(r.lastStem)}\t${copyValue(r.firstStem)}\t${copyValue(r.middleStem)}\n`,
  );
  if (r.phone) {
    const { raw, digits, digitsReversed } = r.phone;
    out.phones.write(`${next.phone++}\t${id}\t${copyValue(raw)}\t${copyValue(digits)}\t${copyValue(digitsReversed)}\n`);
  }
  if (r.email)
    out.emails.write(`${next.email++}\t${id}\t${copyValue(r.email.raw)}\t${copyValue(r.email.normalised)}\n`);
}

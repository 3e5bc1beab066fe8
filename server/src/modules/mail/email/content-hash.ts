import { createHash } from 'node:crypto';

/**
 * Recognises the same message exported twice when it has no Message-ID: the sender, the date, the subject and
 * the words, with line wrapping and spacing ignored (clients re-wrap on export; HTML and plain parts of one
 * letter differ in layout, not in words).
 */
export function contentHash(parts: {
  fromAddress: string | null;
  date: string | null;
  subject: string;
  text: string;
}): string {
  const normalise = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  const key = [parts.fromAddress ?? '', parts.date ?? '', normalise(parts.subject), normalise(parts.text)];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

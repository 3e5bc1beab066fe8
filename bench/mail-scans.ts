// Writes the typed test letters (the OCR test set, each rendered at 300 dpi, turned a little and noisy) as PNG scans
// into a folder, for the mail intake's keystroke bench: `tsx bench/mail-scans.ts DIR [COUNT]`.
import fs from 'node:fs/promises';
import { TEST_LETTERS } from '../server/src/test/ocr-letters';
import { buildScan } from '../server/src/test/ocr-scans';

const [dir, countText = '20'] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx bench/mail-scans.ts DIR [COUNT]');
await fs.mkdir(dir, { recursive: true });
const count = Number(countText);
for (let i = 0; i < count; i++) {
  const letter = TEST_LETTERS[i % TEST_LETTERS.length];
  if (!letter) continue;
  const name = `letter-${String(i + 1).padStart(2, '0')}`;
  await buildScan(letter, { dir, name, degrees: (i % 5) - 2, seed: i + 1, format: 'png' });
}
process.stdout.write(`${count} scans in ${dir}\n`);

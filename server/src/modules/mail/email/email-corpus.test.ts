import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMAIL_CORPUS, EMAIL_CORPUS_DIR } from './email-corpus';
import { detectEmailWithdrawal, type ParsedEmail, parseEmail } from './parse-email';

const parse = (file: string) => parseEmail(readFileSync(path.join(EMAIL_CORPUS_DIR, file)));

describe('the .eml fixture corpus', () => {
  it('has an expectation for every file in the folder', () => {
    const files = readdirSync(EMAIL_CORPUS_DIR).filter((file) => file.endsWith('.eml'));
    expect(files.sort()).toEqual(EMAIL_CORPUS.map((letter) => letter.file).sort());
  });

  it.each(EMAIL_CORPUS)('$file', async (letter) => {
    const email = await parse(letter.file);
    expect(detectEmailWithdrawal(email)).toEqual({
      withdrawal: letter.withdrawal,
      marker: letter.marker,
      scope: letter.scope,
    });
    expect(email.from).toEqual(letter.from);
    expect(email.originalFrom).toEqual(letter.originalFrom ?? null);
    expect(email.subject).toBe(letter.subject);
    expect(email.messageId).toBe(letter.messageId);
    expect(email.date).toMatch(/^2026-12-01T\d\d:\d\d:00\.000Z$/);
    expect(email.contentHash).toMatch(/^[0-9a-f]{64}$/);
    for (const words of letter.textIncludes) expect(email.text).toContain(words);
    expect(email.attachments.map(({ fileName, mimeType }) => ({ fileName, mimeType }))).toEqual(
      letter.attachments.map(({ fileName, mimeType }) => ({ fileName, mimeType })),
    );
    letter.attachments.forEach((expected, index) => {
      const bytes = email.attachments[index]?.bytes ?? new Uint8Array();
      expect(Buffer.from(bytes).toString('latin1')).toMatch(new RegExp(`^${escapeRegExp(expected.startsWith ?? '')}`));
    });
  });

  it('recognises each re-export as its original (Message-ID, else content hash) and no other pair', async () => {
    const identities = new Map<string, string>();
    const identity = (email: ParsedEmail) => email.messageId ?? email.contentHash;
    for (const letter of EMAIL_CORPUS) identities.set(letter.file, identity(await parse(letter.file)));
    for (const letter of EMAIL_CORPUS) {
      const twins = EMAIL_CORPUS.filter(
        (other) => other.file !== letter.file && identities.get(other.file) === identities.get(letter.file),
      ).map((other) => other.file);
      const expected = EMAIL_CORPUS.filter(
        (other) => other.duplicateOf === letter.file || letter.duplicateOf === other.file,
      ).map((other) => other.file);
      expect(twins, letter.file).toEqual(expected);
    }
  });

  it('counts as one case per withdrawal, none for the others', () => {
    const originals = EMAIL_CORPUS.filter((letter) => !letter.duplicateOf);
    expect(originals.filter((letter) => letter.withdrawal)).toHaveLength(8);
    expect(originals.filter((letter) => !letter.withdrawal)).toHaveLength(2);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

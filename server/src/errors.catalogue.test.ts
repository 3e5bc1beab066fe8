import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderMessage, serverMessages } from '@pd-desk/shared/messages/catalogue';
import { expect, test } from 'vitest';
import { DomainError } from './errors';

// `new DomainError(code, '…')` / `new DomainError(code, `…`)`: a plain text the English UI cannot translate.
const PLAIN_TEXT_ERROR = /new DomainError\(\s*[^,()]+,\s*['"`]/g;

test('no DomainError in server/src is thrown with a plain string literal (ADR 0020)', () => {
  const root = import.meta.dirname;
  const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return [...source.matchAll(PLAIN_TEXT_ERROR)].map(
        (match) => `${file.split(path.sep).join('/')}:${source.slice(0, match.index).split('\n').length}`,
      );
    });
  // To fix: add the text to shared/src/messages/<area>.messages.ts as { ru, en } under a key, with
  // `{{name}}` for values (`{{status|caseStatus}}` for enum codes, `{{date|date}}` for dates), then throw
  // `new DomainError(code, msg('<area>.<key>', { name }), reason)`; see docs/decisions/0020-server-messages.md.
  expect(offenders, 'DomainError with a plain-text message: move the text to the message catalogue').toEqual([]);
});

test('a catalogue ref gives the Russian message and keeps the ref for the client', () => {
  const error = new DomainError('NOT_FOUND', { key: 'cases.stale', params: { incomingNumber: 'ВХ-2026-00001' } });
  expect(error.message).toMatch(/^Обращение ВХ-2026-00001 уже изменил другой пользователь/);
  expect(error.ref?.key).toBe('cases.stale');
  expect(error.ref && renderMessage(error.ref, 'en')).toMatch(/^Case ВХ-2026-00001 was changed by another user/);
});

test('every catalogue text has both languages and the same parameters in each', () => {
  const names = (text: string) => [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
  for (const [key, texts] of Object.entries(serverMessages)) {
    expect(texts.ru.trim(), key).not.toBe('');
    expect(texts.en.trim(), key).not.toBe('');
    expect(texts.en, `${key}: English text in Cyrillic`).not.toMatch(/[А-Яа-яЁё]{3,}/);
    expect(new Set(names(texts.en)).size <= new Set(names(texts.ru)).size, key).toBe(true);
  }
});

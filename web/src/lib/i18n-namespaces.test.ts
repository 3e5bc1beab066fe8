import { describe, expect, it } from 'vitest';
import { namespaces } from './i18n-namespaces';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys of a message tree as dotted paths, plural forms folded into one (Russian has more of them than English). */
function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key.replace(PLURAL_SUFFIX, '')}`],
  );
}

// The browser loads one language's bundle and has no fallback: a key missing in one language would show raw.
describe('message namespaces', () => {
  it.each(Object.entries(namespaces))('%s has the same keys in Russian and English', (_name, messages) => {
    const ru = new Set(keysOf(messages.ru));
    const en = new Set(keysOf(messages.en));
    expect([...ru].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !ru.has(key))).toEqual([]);
  });
});

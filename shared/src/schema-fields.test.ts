import { describe, expect, it } from 'vitest';
import { text } from './schema-fields';

describe('text', () => {
  it('refuses NUL bytes and lone surrogates, keeps real pairs', () => {
    const schema = text(50);
    expect(schema.safeParse('a\u0000b').success).toBe(false);
    expect(schema.safeParse('a\uD800b').success).toBe(false);
    expect(schema.safeParse('a\uDC00').success).toBe(false);
    expect(schema.parse(' Пациент 😀 ')).toBe('Пациент 😀');
  });
});

import { describe, expect, it } from 'vitest';
import { neighbourKeys, toWrongLayout } from './russian-keyboard';

describe('toWrongLayout', () => {
  it('types Russian on the English layout', () => {
    expect(toWrongLayout('иванова')).toBe('bdfyjdf');
    expect(toWrongLayout('Бажова Юлия')).toBe('<f;jdf >kbz');
    expect(toWrongLayout('ёлкин')).toBe('`krby');
  });
});

describe('neighbourKeys', () => {
  it('knows the keys around a letter', () => {
    expect([...neighbourKeys('а')].sort()).toEqual(['в', 'е', 'к', 'м', 'п', 'с'].sort());
    expect([...neighbourKeys('Й')].sort()).toEqual(['ф', 'ц'].sort());
    expect(neighbourKeys('ё')).toEqual([]);
  });
});

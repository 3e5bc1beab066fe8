import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';
import { withRepeatedInitials } from './search-query-initials';

const initials = (text: string) =>
  withRepeatedInitials(text, parseSearchQuery(text))
    .nameWords.filter((w) => w.isInitial)
    .map((w) => w.stem);

describe('withRepeatedInitials', () => {
  it('keeps a repeated initial as many times as it is written', () => {
    expect(initials('Семенов Я.Я.')).toEqual(['я', 'я']);
    expect(initials('О. О. Тимофеева')).toEqual(['о', 'о']);
    expect(initials('Иванова М.П.')).toEqual(['м', 'п']);
  });

  it('does not count a letter inside a word or without a dot', () => {
    expect(initials('Яков Я.')).toEqual(['я']);
    expect(initials('Петров')).toEqual([]);
  });
});

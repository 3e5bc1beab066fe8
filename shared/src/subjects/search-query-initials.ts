// Addition by the search engineer, in its own file so as not to edit search-query.ts under its author: that parser
// keeps the first of equal name words, which also folds repeated initials into one — «Семенов Я.Я.» reads as «Семенов
// Я.», and «О.О. Тимофеева» as «О. Тимофеева». Repeated initials are common in Russian (Александр Александрович,
// Ольга Олеговна), so the search puts them back. Remove this file once parseSearchQuery keeps them itself.

import type { NameWord, SearchQuery } from './search-query';

/** The query with each initial repeated as often as the text writes it as an initial («Я.» twice → twice). */
export function withRepeatedInitials(text: string, query: SearchQuery): SearchQuery {
  const nameWords: NameWord[] = [];
  for (const word of query.nameWords) {
    nameWords.push(word);
    if (!word.isInitial) continue;
    // An initial is its letters and a dot, not inside a longer word: «Я.Я.», «Я. Я.», «Yu.Yu.».
    const escaped = word.raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const times = text.match(new RegExp(`(?<!\\p{L})${escaped}\\.`, 'gu'))?.length ?? 1;
    for (let i = 1; i < times; i++) nameWords.push(word);
  }
  return { ...query, nameWords };
}

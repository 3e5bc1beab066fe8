// Forward declension of a Russian full name, to write test queries the way letters name people: «от Ивановой Марии
// Петровны» (genitive), «Петрову Сергею Ивановичу» (dative), «с Ивановым» (instrumental). It covers the name
// patterns of russian-names.ts; anything else is returned unchanged, as indeclinable names are.

import type { Gender } from './russian-names';

export type DeclensionCase = 'genitive' | 'dative' | 'instrumental';

/** Endings for genitive, dative and instrumental, in that order. */
type Endings = readonly [genitive: string, dative: string, instrumental: string];

const CASE_INDEX: Record<DeclensionCase, 0 | 1 | 2> = { genitive: 0, dative: 1, instrumental: 2 };

/** Drops `cut` letters and adds the ending of the case. */
function inflect(word: string, cut: number, endings: Endings, grammaticalCase: DeclensionCase): string {
  return word.slice(0, word.length - cut) + endings[CASE_INDEX[grammaticalCase]];
}

// After г к х ж ч ш щ Russian spelling writes и, not ы (Ольга → Ольги).
const VELAR_OR_SIBILANT = /[гкхжчшщ]$/;
// After ж ч ш щ ц an unstressed о is written е (Шульцем).
const SIBILANT_OR_TS = /[жчшщц]$/;

export function declineLastName(name: string, gender: Gender, grammaticalCase: DeclensionCase): string {
  const lower = name.toLowerCase();
  if (gender === 'female') {
    // Adjective-like and possessive feminine surnames; all others (Седых, Шевченко, Ковальчук) do not change.
    if (/(ова|ева|ёва|ина|ына)$/.test(lower)) return inflect(name, 1, ['ой', 'ой', 'ой'], grammaticalCase);
    if (lower.endsWith('ая')) return inflect(name, 2, ['ой', 'ой', 'ой'], grammaticalCase);
    return name;
  }
  if (/(ов|ев|ёв|ин|ын)$/.test(lower)) return inflect(name, 0, ['а', 'у', 'ым'], grammaticalCase);
  if (/(ский|цкий)$/.test(lower)) return inflect(name, 2, ['ого', 'ому', 'им'], grammaticalCase);
  if (lower.endsWith('ой')) {
    const instrumental = VELAR_OR_SIBILANT.test(lower.slice(0, -2)) ? 'им' : 'ым';
    return inflect(name, 2, ['ого', 'ому', instrumental], grammaticalCase);
  }
  // -ых/-их (Седых) and Ukrainian -ко (Шевченко) never change; nor do surnames ending in other vowels.
  if (/(ых|их|[аеёиоуыэюя])$/.test(lower)) return name;
  if (/[йь]$/.test(lower)) return inflect(name, 1, ['я', 'ю', 'ем'], grammaticalCase); // Гоголь → Гоголя
  // Any other consonant: Ковальчук → Ковальчука, Миллер → Миллера, Шульц → Шульцем.
  return inflect(name, 0, ['а', 'у', SIBILANT_OR_TS.test(lower) ? 'ем' : 'ом'], grammaticalCase);
}

// Male names whose stem changes: a fleeting vowel (Лев → Льва, Павел → Павла), ё losing its stress (Пётр → Петра),
// or a stressed ending (Илья → Ильёй).
const IRREGULAR_MALE_NAMES: Record<string, Endings> = {
  лев: ['Льва', 'Льву', 'Львом'],
  павел: ['Павла', 'Павлу', 'Павлом'],
  пётр: ['Петра', 'Петру', 'Петром'],
  петр: ['Петра', 'Петру', 'Петром'],
  илья: ['Ильи', 'Илье', 'Ильёй'],
};

export function declineFirstName(name: string, gender: Gender, grammaticalCase: DeclensionCase): string {
  const lower = name.toLowerCase();
  if (gender === 'male') {
    const irregular = IRREGULAR_MALE_NAMES[lower];
    if (irregular) return irregular[CASE_INDEX[grammaticalCase]] ?? name;
    // Сергей → Сергея, Дмитрий → Дмитрия, Игорь → Игоря.
    if (/[йь]$/.test(lower)) return inflect(name, 1, ['я', 'ю', 'ем'], grammaticalCase);
    if (/[аеёиоуыэюя]$/.test(lower)) return declineVowelName(name, lower, grammaticalCase);
    return inflect(name, 0, ['а', 'у', SIBILANT_OR_TS.test(lower) ? 'ем' : 'ом'], grammaticalCase);
  }
  // Feminine names in -ь follow the third declension: Любовь → Любови, Любовью.
  if (lower.endsWith('ь')) return inflect(name, 1, ['и', 'и', 'ью'], grammaticalCase);
  return declineVowelName(name, lower, grammaticalCase);
}

// Names in -а/-я decline alike for both genders (Никита, Анна, Наталья, Мария); others (Алсу) do not change.
function declineVowelName(name: string, lower: string, grammaticalCase: DeclensionCase): string {
  if (lower.endsWith('ия')) return inflect(name, 1, ['и', 'и', 'ей'], grammaticalCase); // Мария → Марии, Марии
  if (lower.endsWith('я')) return inflect(name, 1, ['и', 'е', 'ей'], grammaticalCase); // Наталья → Натальи, Наталье
  if (lower.endsWith('а')) {
    const genitive = VELAR_OR_SIBILANT.test(lower.slice(0, -1)) ? 'и' : 'ы';
    return inflect(name, 1, [genitive, 'е', 'ой'], grammaticalCase);
  }
  return name;
}

// Short patronymics from names with a stressed ending carry the stress: Ильичом, but Никитичем.
const STRESSED_PATRONYMICS = new Set(['ильич', 'лукич', 'кузьмич', 'фомич']);

export function declinePatronymic(name: string, grammaticalCase: DeclensionCase): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('ич')) {
    return inflect(name, 0, ['а', 'у', STRESSED_PATRONYMICS.has(lower) ? 'ом' : 'ем'], grammaticalCase);
  }
  if (lower.endsWith('на')) return inflect(name, 1, ['ы', 'е', 'ой'], grammaticalCase);
  return name;
}

export interface FullName {
  lastName: string;
  firstName: string;
  middleName: string | null;
  gender: Gender;
}

/** «Иванова Мария Петровна» → genitive «Ивановой Марии Петровны». */
export function declineFullName(name: FullName, grammaticalCase: DeclensionCase): string {
  const parts = [
    declineLastName(name.lastName, name.gender, grammaticalCase),
    declineFirstName(name.firstName, name.gender, grammaticalCase),
  ];
  if (name.middleName !== null) parts.push(declinePatronymic(name.middleName, grammaticalCase));
  return parts.join(' ');
}

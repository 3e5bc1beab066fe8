// Cyrillic → Latin the ways Russians actually write their names in Latin letters: the passport standard (ICAO Doc
// 9303, used in Russian passports since 2013), the older ya/yu/yo style (BGN/PCGN, pre-2013 passports, bank cards)
// and the casual h/sch style of e-mail addresses and chats. A search must accept all three.

export type TranslitScheme = 'icao' | 'bgn' | 'casual';

export const TRANSLIT_SCHEMES: readonly TranslitScheme[] = ['icao', 'bgn', 'casual'];

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ч: 'ch',
  ш: 'sh',
  ы: 'y',
  ь: '',
  э: 'e',
};

const SCHEMES: Record<TranslitScheme, Record<string, string>> = {
  icao: { ...COMMON, ё: 'e', й: 'i', х: 'kh', ц: 'ts', щ: 'shch', ъ: 'ie', ю: 'iu', я: 'ia' },
  bgn: { ...COMMON, ё: 'yo', й: 'y', х: 'kh', ц: 'ts', щ: 'shch', ъ: '', ю: 'yu', я: 'ya' },
  casual: { ...COMMON, ё: 'e', й: 'y', х: 'h', ц: 'ts', щ: 'sch', ъ: '', ю: 'yu', я: 'ya' },
};

// Per scheme, Latin for each Cyrillic letter of U+0400–U+045F in both cases (Щ → Shch), indexed by code point: the
// generator transliterates millions of names, and an array index per letter is far cheaper than a regex and a Map.
const CYRILLIC_BASE = 0x400;
function letterTable(scheme: TranslitScheme): ReadonlyArray<string | undefined> {
  const table: Array<string | undefined> = new Array(0x60).fill(undefined);
  for (const [cyr, latin] of Object.entries(SCHEMES[scheme])) {
    table[cyr.charCodeAt(0) - CYRILLIC_BASE] = latin;
    table[cyr.toUpperCase().charCodeAt(0) - CYRILLIC_BASE] = latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return table;
}
const TABLES: Record<TranslitScheme, ReadonlyArray<string | undefined>> = {
  icao: letterTable('icao'),
  bgn: letterTable('bgn'),
  casual: letterTable('casual'),
};

/** Иванова Юлия → Ivanova Iuliia (icao), Ivanova Yuliya (bgn); an all-capitals word stays all capitals. */
export function transliterate(text: string, scheme: TranslitScheme): string {
  const table = TABLES[scheme];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = i;
    let word = '';
    for (let latin = table[text.charCodeAt(i) - CYRILLIC_BASE]; latin !== undefined; ) {
      word += latin;
      latin = table[text.charCodeAt(++i) - CYRILLIC_BASE];
    }
    if (i === start) {
      out += text.charAt(i++);
      continue;
    }
    const cyrillic = text.slice(start, i);
    out += cyrillic.length > 1 && cyrillic === cyrillic.toUpperCase() ? word.toUpperCase() : word;
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseSearchQuery, type SearchQuery } from './search-query';

const TODAY = '2025-11-25';
const parse = (text: string): SearchQuery => parseSearchQuery(text, { today: TODAY });

/** Name words in short: «stem», «м.» for an initial, «stem[layout]» for a source other than Cyrillic. */
const words = (text: string): string[] =>
  parse(text).nameWords.map(
    (w) => `${w.stem}${w.isInitial ? '.' : ''}${w.source === 'cyrillic' ? '' : `[${w.source}]`}`,
  );

const EMPTY: SearchQuery = {
  nameWords: [],
  phones: [],
  phoneFragments: [],
  emails: [],
  birthDates: [],
  externalIds: [],
};

describe('parseSearchQuery: names', () => {
  it('reads a full name in any order and letter case', () => {
    expect(parse('Иванова Мария Петровна')).toEqual({
      ...EMPTY,
      nameWords: [
        { raw: 'Иванова', normalised: 'иванова', stem: 'иванов', isInitial: false, source: 'cyrillic' },
        { raw: 'Мария', normalised: 'мария', stem: 'мар', isInitial: false, source: 'cyrillic' },
        { raw: 'Петровна', normalised: 'петровна', stem: 'петровн', isInitial: false, source: 'cyrillic' },
      ],
    });
    expect(words('мария ПЕТРОВНА иВанова')).toEqual(['мар', 'петровн', 'иванов']);
  });

  it('reads case forms to the same stems', () => {
    expect(words('от Ивановой Марии Петровны')).toEqual(['иванов', 'мар', 'петровн']);
    expect(words('Петрову Сергею')).toEqual(['петров', 'серг']);
    expect(words('с Петровым Сергеем')).toEqual(['петров', 'серг']);
  });

  it('folds ё into е', () => {
    expect(words('Фёдорова Алёна')).toEqual(words('Федорова Алена'));
  });

  it('reads initials in every usual spelling', () => {
    expect(words('Иванова М.П.')).toEqual(['иванов', 'м.', 'п.']);
    expect(words('Иванова М. П.')).toEqual(['иванов', 'м.', 'п.']);
    expect(words('М. П. Иванова')).toEqual(['м.', 'п.', 'иванов']);
    expect(words('М.П.Иванова')).toEqual(['м.', 'п.', 'иванов']);
    expect(words('Иванова М.П')).toEqual(['иванов', 'м.', 'п.']);
    expect(words('ИВАНОВА М П')).toEqual(['иванов', 'м.', 'п.']);
    expect(words('Иванова М.')).toEqual(['иванов', 'м.']);
    expect(words('иванова м п')).toEqual(['иванов', 'м.', 'п.']);
  });

  it('reads initials Г. and Р. but drops г.р.', () => {
    expect(words('Петров Г.Р., 1985 г.р.')).toEqual(['петров', 'г.', 'р.']);
  });

  it('reads Latin transliterations, ICAO and older styles alike', () => {
    expect(words('IVANOVA MARIIA')).toEqual(['иванов[latin]', 'мар[latin]']);
    expect(words('Ivanova Mariya Petrovna')).toEqual(['иванов[latin]', 'мар[latin]', 'петровн[latin]']);
    expect(words('Shchukina Yuliya')).toEqual(['щукин[latin]', 'юл[latin]']);
    expect(words('M.P. Ivanova')).toEqual(['м.[latin]', 'п.[latin]', 'иванов[latin]']);
    expect(words('Yu. Zh. Ivanov')).toEqual(['ю.[latin]', 'ж.[latin]', 'иванов[latin]']);
  });

  it('keeps the other readings of an ambiguous Latin word as alternatives', () => {
    expect(parse('Tatiana').nameWords).toEqual([
      {
        raw: 'Tatiana',
        normalised: 'татьяна',
        stem: 'татьян',
        isInitial: false,
        source: 'latin',
        alternatives: ['татиан', 'татян'],
      },
    ]);
  });

  it('fixes words typed with the English layout on, keeping the transliterations as alternatives', () => {
    expect(parse('bdfyjdf').nameWords).toEqual([
      {
        raw: 'bdfyjdf',
        normalised: 'иванова',
        stem: 'иванов',
        isInitial: false,
        source: 'layout',
        alternatives: ['бдфыйдф', 'бдфийдф'],
      },
    ]);
    expect(words('Bdfyjdf Vfhbz Gtnhjdyf')).toEqual(['иванов[layout]', 'мар[layout]', 'петровн[layout]']);
    expect(words('k.,jdm')).toEqual(['любов[layout]']);
  });

  it('offers the layout fix as an alternative when the Latin reads as well', () => {
    expect(parse('ajrby').nameWords[0]?.alternatives).toContain('фокин');
  });

  it('replaces Latin look-alike letters in Cyrillic words', () => {
    expect(words('Ивaнова')).toEqual(['иванов']);
  });

  it('keeps hyphenated names whole and drops stray dashes and quotes', () => {
    expect(words('«Римской-Корсаковой» — Анне-Марии')).toEqual(['римск-корсаков', 'анн-мар']);
  });

  it('keeps one copy of a repeated word, but every initial written (see «repeated initials»)', () => {
    expect(words('Иванова Иванову М. М.')).toEqual(['иванов', 'м.', 'м.']);
  });
});

describe('parseSearchQuery: stop words', () => {
  it('drops the words of letters and forms around the data', () => {
    expect(
      parse(
        'от гражданина тел телефон e-mail почта д.р. дата рождения пациент пациентки прошу мой моя г.р. тел.: E-mail:',
      ),
    ).toEqual(EMPTY);
  });

  it('reads the data between them', () => {
    expect(
      parse('Прошу мою пациентку Иванову, д.р. 12.03.1985, тел. 8 912 345-67-89, e-mail: Ivanova@Mail.ru'),
    ).toEqual({
      ...EMPTY,
      nameWords: [{ raw: 'Иванову', normalised: 'иванову', stem: 'иванов', isInitial: false, source: 'cyrillic' }],
      phones: ['79123456789'],
      emails: ['ivanova@mail.ru'],
      birthDates: ['1985-03-12'],
    });
  });
});

describe('parseSearchQuery: phones', () => {
  it.each([
    '+7 912 345-67-89',
    '8 912 345 67 89',
    '8 (912) 345-67-89',
    '+7(912)345-67-89',
    '89123456789',
    '9123456789',
    '912 345 67 89',
    'тел.8-912-345-67-89',
    'тел.+7 912 3456789',
  ])('%s → 79123456789', (text) => {
    expect(parse(text)).toEqual({ ...EMPTY, phones: ['79123456789'] });
  });

  it('reads several numbers and tails in a row', () => {
    expect(parse('89123456789 8 (343) 123-45-67, 4567')).toEqual({
      ...EMPTY,
      phones: ['79123456789', '73431234567'],
      phoneFragments: ['4567'],
    });
    expect(parse('4567 89123456789')).toEqual({ ...EMPTY, phones: ['79123456789'], phoneFragments: ['4567'] });
  });

  it('reads 4 to 9 digits as a tail and ignores shorter numbers', () => {
    expect(parse('…45-67')).toEqual({ ...EMPTY, phoneFragments: ['4567'] });
    expect(parse('345 67 89')).toEqual({ ...EMPTY, phoneFragments: ['3456789'] });
    expect(parse('д. 14, кв. 2')).toEqual(EMPTY);
  });

  it('ignores numbers too long to be a phone', () => {
    expect(parse('1234567890123')).toEqual(EMPTY);
  });
});

describe('parseSearchQuery: e-mails, birth dates, record numbers', () => {
  it('lower-cases e-mails', () => {
    expect(parse('IVANOVA@MAIL.RU')).toEqual({ ...EMPTY, emails: ['ivanova@mail.ru'] });
  });

  it('reads birth dates in every accepted form', () => {
    expect(parse('12.03.1985 1985-03-12 12/03/1985 12.03.85 12 марта 1985').birthDates).toEqual(['1985-03-12']);
    expect(parse('31.02.1985')).toEqual(EMPTY);
  });

  it('reads record numbers instead of taking them for phone tails', () => {
    expect(parse('№ 4512 №77 DEMO-0000123')).toEqual({ ...EMPTY, externalIds: ['4512', '77', 'DEMO-0000123'] });
    expect(words('№ Иванова')).toEqual(['иванов']);
  });
});

describe('parseSearchQuery: combinations', () => {
  it('reads a surname with a birth date', () => {
    expect(parse('Иванова 12.03.1985')).toEqual({
      ...EMPTY,
      nameWords: [{ raw: 'Иванова', normalised: 'иванова', stem: 'иванов', isInitial: false, source: 'cyrillic' }],
      birthDates: ['1985-03-12'],
    });
    expect(words('Иванова 1985-03-12г.р.')).toEqual(['иванов']);
  });

  it('reads a surname with a phone tail, glued or not', () => {
    const expected = {
      ...EMPTY,
      nameWords: [{ raw: 'Петров', normalised: 'петров', stem: 'петров', isInitial: false, source: 'cyrillic' }],
      phoneFragments: ['4567'],
    };
    expect(parse('Петров 4567')).toEqual(expected);
    expect(parse('Петров4567')).toEqual(expected);
  });
});

describe('parseSearchQuery: garbage', () => {
  it('returns nothing for empty, blank or symbol-only input', () => {
    expect(parse('')).toEqual(EMPTY);
    expect(parse('   \n\t ')).toEqual(EMPTY);
    expect(parse('🙂👍🏽 ### *** ---')).toEqual(EMPTY);
    expect(parse('г.р. тел от')).toEqual(EMPTY);
  });

  it('skips emoji between words', () => {
    expect(words('Иванова🙂Мария')).toEqual(['иванов', 'мар']);
  });

  it('reads only the first MAX_QUERY_LENGTH characters', () => {
    const long = `${'Иванова '.repeat(30)}Петров`;
    expect(long.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    expect(words(long)).toEqual(['иванов']);
    expect(parse(`${' '.repeat(MAX_QUERY_LENGTH - 4)}89123456789`)).toEqual({ ...EMPTY, phoneFragments: ['8912'] });
  });
});

describe('repeated initials', () => {
  const initials = (text: string) =>
    parseSearchQuery(text)
      .nameWords.filter((w) => w.isInitial)
      .map((w) => w.stem);

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

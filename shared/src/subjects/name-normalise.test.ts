import { describe, expect, it } from 'vitest';
import { nameStem, normaliseName } from './name-normalise';

describe('normaliseName', () => {
  it('trims, collapses spaces, lower-cases and folds ё', () => {
    expect(normaliseName('  ФЁДОРОВА   Алёна\tПетровна ')).toBe('федорова алена петровна');
  });

  it('unifies hyphens and apostrophes', () => {
    expect(normaliseName('Римская‑Корсакова')).toBe('римская-корсакова');
    expect(normaliseName('Салтыков—Щедрин')).toBe('салтыков-щедрин');
    expect(normaliseName('Д’Артаньян')).toBe("д'артаньян");
  });

  it('replaces Latin look-alikes inside Cyrillic words only', () => {
    expect(normaliseName('Ивaновa Mapия')).toBe('иванова мария');
    expect(normaliseName('Ivanova')).toBe('ivanova');
  });

  it('composes decomposed й and ё', () => {
    expect(normaliseName('Сергеи\u0306 Пе\u0308тр')).toBe('сергей петр');
  });

  it('returns an empty string for blank input', () => {
    expect(normaliseName('   ')).toBe('');
  });
});

function stems(words: string): string[] {
  return [...new Set(words.split(' ').map(nameStem))];
}

describe('nameStem unifies the case forms of a name', () => {
  it.each([
    ['Иванова Ивановой Иванову Ивановою Иванов Ивановым Ивановом Иванове', 'иванов'],
    ['Петров Петрова Петрову Петровым Петрове Петровой', 'петров'],
    ['Мария Марии Марию Марией Марья Марьи Марье Марью Марьей', 'мар'],
    ['Петровна Петровны Петровне Петровну Петровной Петровною', 'петровн'],
    ['Петрович Петровича Петровичу Петровичем Петровиче', 'петрович'],
    ['Сергей Сергея Сергею Сергеем Сергее', 'серг'],
    ['Николай Николая Николаю Николаем Николае', 'никол'],
    ['Дмитрий Дмитрия Дмитрию Дмитрием Дмитрии', 'дмитр'],
    ['Александр Александра Александру Александром Александре', 'александр'],
    ['Илья Ильи Илье Илью Ильёй', 'ил'],
    ['Наталья Натальи Наталье Наталью Натальей Наталия', 'натал'],
    ['Любовь Любови Любовью', 'любов'],
    ['Игорь Игоря Игорю Игорем Игоре', 'игор'],
    ['Павел Павла Павлу Павлом Павле', 'павл'],
    ['Лев Льва Льву Львом Льве', 'льв'],
    ['Пётр Петра Петру Петром Петре', 'петр'],
    ['Артём Артёма Артёму Артёмом Артёме', 'артем'],
    ['Максим Максима Максиму Максимом Максиме', 'максим'],
    ['Ольга Ольги Ольге Ольгу Ольгой', 'ольг'],
    ['Достоевский Достоевская Достоевского Достоевской Достоевскому Достоевским Достоевском Достоевскую', 'достоевск'],
    ['Толстой Толстого Толстому Толстым Толстом Толстая Толстую', 'толст'],
    ['Никитина Никитиной Никитину Никитин Никитиным Никитине', 'никитин'],
    ['Майя Майи Майе Майю Майей', 'май'],
    ['Зоя Зои Зое Зою Зоей', 'зо'],
    ['Соловей Соловья Соловью Соловьём', 'солов'],
  ])('%s → %s', (forms, stem) => {
    expect(stems(forms)).toEqual([stem]);
  });

  it('leaves indeclinable surnames whole', () => {
    expect(stems('Седых Белых Долгих')).toEqual(['седых', 'белых', 'долгих']);
    expect(nameStem('Шевченко')).toBe('шевченко');
    expect(nameStem('Франко')).toBe('франко');
  });

  it('stems each part of a hyphenated name', () => {
    expect(stems('Римский-Корсаков Римского-Корсакова Римская-Корсакова')).toEqual(['римск-корсаков']);
  });

  it('keeps distinct names apart', () => {
    expect(stems('Марина Мария Марк')).toEqual(['марин', 'мар', 'марк']);
    expect(stems('Никита Никитин Иван Иванов')).toEqual(['никит', 'никитин', 'иван', 'иванов']);
    expect(stems('Сергеевна Сергеевич Сергеев')).toEqual(['сергеевн', 'сергеевич', 'сергеев']);
  });

  it('keeps at least two letters', () => {
    expect(nameStem('Ия')).toBe('ия');
    expect(nameStem('Ли')).toBe('ли');
    expect(nameStem('Ким')).toBe('ким');
  });

  it('normalises but does not stem words without Cyrillic', () => {
    expect(nameStem(' Ivanova ')).toBe('ivanova');
    expect(nameStem('')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { nameStem } from './name-normalise';
import { cyrillicToLatin, latinToCyrillic, latinToCyrillicCandidates, nameSkeleton } from './transliteration';

describe('latinToCyrillic', () => {
  it.each([
    ['Ivanova', 'иванова'],
    ['IVANOVA', 'иванова'],
    ['Shchukin', 'щукин'],
    ['Schukin', 'щукин'],
    ['Shhukin', 'щукин'],
    ['Zhukov', 'жуков'],
    ['Khabibullin', 'хабибуллин'],
    ['Habibullin', 'хабибуллин'],
    ['Mihail', 'михаил'],
    ['Tsvetkova', 'цветкова'],
    ['Tcvetkova', 'цветкова'],
    ['Chaikovskii', 'чайковский'],
    ['Chaykovskiy', 'чайковский'],
    ['Tchaikovsky', 'чайковский'],
    ['Yakovlev', 'яковлев'],
    ['Iakovlev', 'яковлев'],
    ['Jakovlev', 'яковлев'],
    ['Yuliya', 'юлия'],
    ['Iuliia', 'юлия'],
    ['Julia', 'юлия'],
    ['Yolkin', 'ёлкин'],
    ['Yelena', 'елена'],
    ['Elena', 'елена'],
    ['Eduard', 'эдуард'],
    ['Sergey', 'сергей'],
    ['Sergei', 'сергей'],
    ['Sergej', 'сергей'],
    ['Dmitriy', 'дмитрий'],
    ['Dmitrii', 'дмитрий'],
    ['Dmitry', 'дмитрий'],
    ['Chernyy', 'черный'],
    ['Krylov', 'крылов'],
    ['Tatyana', 'татьяна'],
    ['Tatiana', 'татьяна'],
    ['Natalya', 'наталья'],
    ['Maria', 'мария'],
    ['Mariia', 'мария'],
    ['Maiia', 'майя'],
    ['Diana', 'диана'],
    ['Lyudmila', 'людмила'],
    ['Liudmila', 'людмила'],
    ['Vasilyev', 'васильев'],
    ['Solovyov', 'соловьёв'],
    ['Fyodor', 'фёдор'],
    ['Semyon', 'семён'],
    ['Zaitsev', 'зайцев'],
    ['Il’ya', 'илья'],
    ['Alexey', 'алексей'],
    ['Xenia', 'ксения'],
    ['Sophia', 'софия'],
    ['Rimsky-Korsakov', 'римский-корсаков'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('passes non-Latin characters through and returns an empty string for empty input', () => {
    expect(latinToCyrillic('Anna1')).toBe('анна1');
    expect(latinToCyrillic('')).toBe('');
  });
});

describe('latinToCyrillicCandidates', () => {
  it('adds the readings that differ at one ambiguous point, best first, at most four', () => {
    expect(latinToCyrillicCandidates('Tatiana')).toEqual(['татьяна', 'татиана', 'татяна']);
    expect(latinToCyrillicCandidates('Diana')).toEqual(['диана', 'дяна', 'дьяна']);
    expect(latinToCyrillicCandidates('Elena')).toEqual(['елена', 'элена']);
    expect(latinToCyrillicCandidates('Raisa')).toEqual(['райса', 'раиса']);
    expect(latinToCyrillicCandidates('Lydia')).toEqual(['лыдия', 'лидия', 'лыдья', 'лыдя']);
    expect(latinToCyrillicCandidates('Ivanov')).toEqual(['иванов']);
  });
});

describe('cyrillicToLatin (ICAO, as in passports)', () => {
  it.each([
    ['Щукина', 'Shchukina'],
    ['ИВАНОВА', 'IVANOVA'],
    ['Юлия', 'Iuliia'],
    ['Наталья', 'Natalia'],
    ['Зайцев', 'Zaitsev'],
    ['Ёлкин', 'Elkin'],
    ['Хабибуллин', 'Khabibullin'],
    ['Объедков', 'Obieedkov'],
    ['Эдуард', 'Eduard'],
    ['Римский-Корсаков', 'Rimskii-Korsakov'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(cyrillicToLatin(cyrillic)).toBe(latin);
  });
});

// Each name in the three ways Russians spell it in Latin: ICAO (passports since 2013), BGN (older passports, bank
// cards), casual (e-mail addresses). Some Latin spelling must give the name's stem back, or at least its skeleton.
const LATIN_SPELLINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Иванова', ['Ivanova']],
  ['Сергей', ['Sergei', 'Sergey']],
  ['Мария', ['Mariia', 'Mariya', 'Maria']],
  ['Наталья', ['Natalia', 'Natalya']],
  ['Татьяна', ['Tatiana', 'Tatyana']],
  ['Юлия', ['Iuliia', 'Yuliya', 'Julia']],
  ['Дмитрий', ['Dmitrii', 'Dmitriy', 'Dmitry']],
  ['Щукина', ['Shchukina', 'Schukina']],
  ['Хабибуллин', ['Khabibullin', 'Habibullin']],
  ['Журавлёв', ['Zhuravlev', 'Zhuravlyov']],
  ['Фёдоров', ['Fedorov', 'Fyodorov']],
  ['Ёлкин', ['Elkin', 'Yolkin']],
  ['Майя', ['Maiia', 'Mayya']],
  ['Яковлев', ['Iakovlev', 'Yakovlev']],
  ['Любовь', ['Liubov', 'Lyubov']],
  ['Людмила', ['Liudmila', 'Lyudmila']],
  ['Илья', ['Ilia', 'Ilya']],
  ['Юрий', ['Iurii', 'Yuriy', 'Yuri']],
  ['Николай', ['Nikolai', 'Nikolay']],
  ['Зайцев', ['Zaitsev', 'Zaytsev']],
  ['Чайковский', ['Chaikovskii', 'Chaykovskiy']],
  ['Седых', ['Sedykh', 'Sedyh']],
  ['Ксения', ['Kseniia', 'Kseniya', 'Xenia']],
  ['Михаил', ['Mikhail', 'Mihail']],
  ['Раиса', ['Raisa']],
  ['Алёна', ['Alena', 'Alyona']],
  ['Эдуард', ['Eduard']],
  ['Соловьёв', ['Solovyov', 'Soloviev']],
];

// ь before a consonant vanishes in every Latin spelling: only the skeleton brings these back.
const SKELETON_ONLY: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Ольга', ['Olga']],
  ['Соловьёв', ['Solovev']],
  ['Васильевна', ['Vasilevna']],
  ['Ильинична', ['Ilinichna']],
  ['Кузьмин', ['Kuzmin']],
  ['Григорьевич', ['Grigorevich']],
];

describe('Latin spellings find the Cyrillic name', () => {
  it.each(LATIN_SPELLINGS)('%s: stem', (cyrillic, spellings) => {
    for (const latin of spellings) expect(latinToCyrillicCandidates(latin).map(nameStem)).toContain(nameStem(cyrillic));
  });

  it.each(SKELETON_ONLY)('%s: skeleton but not stem', (cyrillic, spellings) => {
    for (const latin of spellings) {
      const stems = latinToCyrillicCandidates(latin).map(nameStem);
      expect(stems).not.toContain(nameStem(cyrillic));
      expect(stems.map(nameSkeleton)).toContain(nameSkeleton(nameStem(cyrillic)));
    }
  });
});

describe('nameSkeleton', () => {
  it('erases what Latin spellings lose', () => {
    expect(nameSkeleton('ольг')).toBe('olg');
    expect(nameSkeleton('олг')).toBe('olg');
    expect(nameSkeleton('васильев')).toBe('vasilev');
    expect(nameSkeleton('Раис')).toBe('rais');
    expect(nameSkeleton('райс')).toBe('rais');
    expect(nameSkeleton('дмитр')).toBe('dmitr');
    expect(nameSkeleton('быков')).toBe('bikov');
    expect(nameSkeleton('кирилл')).toBe('kiril');
    expect(nameSkeleton('проххор')).toBe('prokhor');
    expect(nameSkeleton('серггей')).toBe(nameSkeleton('сергей'));
    expect(nameSkeleton('')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import {
  fixKeyboardLayout,
  layoutReadings,
  looksLikeRussianWord,
  looksLikeWrongLayout,
  mayBeWrongLayout,
} from './wrong-layout';

describe('fixKeyboardLayout', () => {
  it('maps the English layout to ЙЦУКЕН, punctuation keys included', () => {
    expect(fixKeyboardLayout('bdfyjdf')).toBe('иванова');
    expect(fixKeyboardLayout('Bdfyjdf Vfhbz')).toBe('Иванова Мария');
    expect(fixKeyboardLayout('k.,jdm')).toBe('любовь');
    expect(fixKeyboardLayout('[kt,ybrjd')).toBe('хлебников');
    expect(fixKeyboardLayout('`krby')).toBe('ёлкин');
    expect(fixKeyboardLayout("'lefhl")).toBe('эдуард');
    expect(fixKeyboardLayout('ge;bkby')).toBe('пужилин');
    expect(fixKeyboardLayout('{fhbnjyjdf')).toBe('Харитонова');
    expect(fixKeyboardLayout('J<MTLRJD')).toBe('ОБЬЕДКОВ');
    expect(fixKeyboardLayout('ntcn 12/03/1985?')).toBe('тест 12.03.1985,');
  });
});

describe('layoutReadings', () => {
  it('reads a trailing comma or full stop as a letter or as punctuation, whichever reads as a name', () => {
    expect(layoutReadings('bdfyjdf,')).toEqual(['иванова', 'ивановаб']);
    expect(layoutReadings('vfhb.')).toEqual(['мари', 'марию']); // one stem either way
    expect(layoutReadings('Bdfyjdf')).toEqual(['иванова']);
    expect(layoutReadings('ukt,')).toEqual(['гле', 'глеб']); // a final б is rare in names: both are kept
  });
});

describe('looksLikeRussianWord', () => {
  it('accepts names and rejects letter noise', () => {
    expect(
      ['иванова', 'лукьянов', 'зайцев', 'ольга', 'львов', 'щукин', 'римский-корсаков'].map(looksLikeRussianWord),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(['бдфыйдф', 'ьфкшф', 'ыукпун', 'вьшекн', 'мкртчян', 'ivanova', ''].map(looksLikeRussianWord)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('looksLikeWrongLayout', () => {
  // Typed with the English layout on: the Russian word each one is.
  const WRONG_LAYOUT = [
    'bdfyjdf', // иванова
    'Bdfyjdf', // Иванова
    'gtnhjd', // петров
    'cthutq', // сергей
    'vfhbz', // мария
    'yfnfkmz', // наталья
    'nfnmzyf', // татьяна
    '.kbz', // юлия
    'lvbnhbq', // дмитрий
    'fktrcfylh', // александр
    'jkmuf', // ольга
    'oerbyf', // щукина
    '[f,b,ekkby', // хабибуллин
    ';ehfdk`d', // журавлёв
    'k.,jdm', // любовь
    'bkmz', // илья
    'pfqwtd', // зайцев
    'ctls[', // седых
    'vb[fbk', // михаил
    'gtnhjdyf', // петровна
    'bkmbybxyf', // ильинична
    'repytwjd', // кузнецов
    'uectd', // гусев
    'bdfyjdf,', // иванова, and a comma
  ];

  it.each(WRONG_LAYOUT)('%s → true', (word) => {
    expect(looksLikeWrongLayout(word)).toBe(true);
  });

  const LATIN = [
    'Ivanova',
    'Petrov',
    'Sergey',
    'Dmitry',
    'Pyotr',
    'Olga',
    'Shchukin',
    'Mkrtchyan',
    'Tatiana',
    'Iuliia',
    'Khabibullin',
    'Vlad',
    'Gleb',
    'Lev',
  ];

  it.each(LATIN)('%s → false', (word) => {
    expect(looksLikeWrongLayout(word)).toBe(false);
  });

  it('rejects what is too short or not all layout keys', () => {
    expect(looksLikeWrongLayout('zy')).toBe(false); // ян: two letters say nothing
    expect(looksLikeWrongLayout('bdfy1')).toBe(false);
    expect(looksLikeWrongLayout('Yu.P.')).toBe(false); // initials, not «нгюз»
    expect(looksLikeWrongLayout('иванова')).toBe(false);
    expect(looksLikeWrongLayout('')).toBe(false);
  });

  it('leaves ties to mayBeWrongLayout', () => {
    // фокин: «айрбий» reads as well as «фокин» letter pair by letter pair.
    expect(looksLikeWrongLayout('ajrby')).toBe(false);
    expect(mayBeWrongLayout('ajrby')).toBe(true);
    expect(looksLikeWrongLayout('ukt,')).toBe(false); // глеб, or «укт» and a comma
    expect(mayBeWrongLayout('ukt,')).toBe(true);
    expect(mayBeWrongLayout('Ivanova')).toBe(false);
  });
});

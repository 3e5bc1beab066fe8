import { describe, expect, it } from 'vitest';
import { cleanRecognisedText, fixDigitLookalikes, fixLatinLookalikes } from './ocr-cleanup';

describe('fixDigitLookalikes', () => {
  it.each([
    ['12.O3.198З', '12.03.1983'],
    ['+7 (9l2) 345-67-89', '+7 (912) 345-67-89'],
    ['8 9OO 123 45 67', '8 900 123 45 67'],
    ['д. 1О, кв. З', 'д. 10, кв. З'],
  ])('%s → %s', (text, fixed) => {
    expect(fixDigitLookalikes(text)).toBe(fixed);
  });

  it('leaves words and runs without a digit alone', () => {
    for (const text of ['ООО «Клиника»', 'заявление о отзыве', 'Olga', 'ol1985@mail.ru', 'Зл'])
      expect(fixDigitLookalikes(text)).toBe(text);
  });
});

describe('fixLatinLookalikes', () => {
  it('fixes Latin letters only inside Cyrillic words', () => {
    expect(fixLatinLookalikes('Ивaнова Mария, e-mail: ivanova@mail.ru')).toBe('Иванова Мария, e-mail: ivanova@mail.ru');
  });
});

describe('cleanRecognisedText', () => {
  it('joins words hyphenated across lines, collapses spaces, keeps line breaks', () => {
    expect(cleanRecognisedText('от  Ивановой Марии Пет-\nровны\r\n  тел.\t8 9l2 345 67 89 ')).toBe(
      'от Ивановой Марии Петровны\nтел. 8 912 345 67 89',
    );
  });
});

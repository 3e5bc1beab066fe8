import { describe, expect, it } from 'vitest';
import { transliterate } from './russian-translit';

describe('transliterate', () => {
  it.each([
    ['Юлия Щёголева', 'icao', 'Iuliia Shchegoleva'],
    ['Юлия Щёголева', 'bgn', 'Yuliya Shchyogoleva'],
    ['Юлия Щёголева', 'casual', 'Yuliya Schegoleva'],
    ['Хабибуллин Рамиль', 'icao', 'Khabibullin Ramil'],
    ['Хабибуллин Рамиль', 'casual', 'Habibullin Ramil'],
    ['Наталья Цветкова', 'icao', 'Natalia Tsvetkova'],
    ['Андрей Ёлкин', 'bgn', 'Andrey Yolkin'],
    ['ИВАНОВА МАРИЯ', 'icao', 'IVANOVA MARIIA'],
    ['Иванов Ю.', 'icao', 'Ivanov Iu.'],
  ] as const)('%s (%s) → %s', (text, scheme, expected) => {
    expect(transliterate(text, scheme)).toBe(expected);
  });
});

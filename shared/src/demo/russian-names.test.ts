import { describe, expect, it } from 'vitest';
import {
  FEMALE_FIRST_NAMES,
  feminineSurname,
  MALE_FIRST_NAMES,
  MASCULINE_SURNAMES,
  patronymicOf,
  withoutYo,
} from './russian-names';

describe('name lists', () => {
  it('are long enough and have no duplicates', () => {
    for (const [list, size] of [
      [MASCULINE_SURNAMES, 300],
      [MALE_FIRST_NAMES, 120],
      [FEMALE_FIRST_NAMES, 120],
    ] as const) {
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeGreaterThanOrEqual(size * 0.9);
    }
  });

  it('spell ё names with ё', () => {
    for (const name of ['Семёнов', 'Фёдоров', 'Королёв', 'Ковалёв', 'Соловьёв', 'Воробьёв'])
      expect(MASCULINE_SURNAMES).toContain(name);
    for (const name of ['Пётр', 'Артём', 'Фёдор', 'Семён']) expect(MALE_FIRST_NAMES).toContain(name);
    expect(FEMALE_FIRST_NAMES).toContain('Алёна');
    expect(withoutYo('Ёлкин Пётр')).toBe('Елкин Петр');
  });

  it('gives every male name a patronymic', () => {
    for (const name of MALE_FIRST_NAMES) {
      expect(patronymicOf(name, 'male')).toMatch(/(ич)$/);
      expect(patronymicOf(name, 'female')).toMatch(/(на)$/);
    }
  });
});

describe('feminineSurname', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Васильев', 'Васильева'],
    ['Ильин', 'Ильина'],
    ['Синицын', 'Синицына'],
    ['Покровский', 'Покровская'],
    ['Высоцкий', 'Высоцкая'],
    ['Толстой', 'Толстая'],
    ['Седых', 'Седых'],
    ['Шевченко', 'Шевченко'],
    ['Ковальчук', 'Ковальчук'],
    ['Миллер', 'Миллер'],
  ])('%s → %s', (masculine, feminine) => {
    expect(feminineSurname(masculine)).toBe(feminine);
  });
});

describe('patronymicOf', () => {
  it.each([
    ['Сергей', 'Сергеевич', 'Сергеевна'],
    ['Николай', 'Николаевич', 'Николаевна'],
    ['Юрий', 'Юрьевич', 'Юрьевна'],
    ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
    ['Игорь', 'Игоревич', 'Игоревна'],
    ['Иван', 'Иванович', 'Ивановна'],
    ['Фёдор', 'Фёдорович', 'Фёдоровна'],
    ['Илья', 'Ильич', 'Ильинична'],
    ['Никита', 'Никитич', 'Никитична'],
    ['Пётр', 'Петрович', 'Петровна'],
    ['Лев', 'Львович', 'Львовна'],
    ['Павел', 'Павлович', 'Павловна'],
    ['Яков', 'Яковлевич', 'Яковлевна'],
  ])('%s → %s / %s', (father, son, daughter) => {
    expect(patronymicOf(father, 'male')).toBe(son);
    expect(patronymicOf(father, 'female')).toBe(daughter);
  });
});

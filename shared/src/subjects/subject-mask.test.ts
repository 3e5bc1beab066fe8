import { describe, expect, it } from 'vitest';
import { maskBirthDate, maskEmail, maskFullName } from './subject-mask';

describe('maskFullName', () => {
  it('masks the surname and cuts the other words to initials', () => {
    expect(maskFullName('Иванова Мария Петровна')).toBe('И•••••а М. П.');
    expect(maskFullName('  Петров   Сергей ')).toBe('П••••в С.');
    expect(maskFullName('Иванова')).toBe('И•••••а');
  });

  it('masks each part of a double surname and keeps both initials of a double name', () => {
    expect(maskFullName('Римская-Корсакова Анна-Мария')).toBe('Р•••••я-К•••••••а А.-М.');
  });

  it('handles short surnames and empty input', () => {
    expect(maskFullName('Ли Ян')).toBe('Л• Я.');
    expect(maskFullName('Ю')).toBe('•');
    expect(maskFullName('')).toBe('');
    expect(maskFullName('   ')).toBe('');
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('ivanova@mail.ru')).toBe('i••••••@mail.ru');
    expect(maskEmail('a@mail.ru')).toBe('•@mail.ru');
  });

  it('masks what is not an address at all', () => {
    expect(maskEmail('ivanova')).toBe('i•••••a');
    expect(maskEmail('')).toBe('');
  });
});

describe('maskBirthDate', () => {
  it('keeps only the year', () => {
    expect(maskBirthDate('1985-03-12')).toBe('••.••.1985');
  });

  it('masks all of a malformed date', () => {
    expect(maskBirthDate('12.03.1985')).toBe('••.••.••••');
    expect(maskBirthDate('')).toBe('••.••.••••');
  });
});

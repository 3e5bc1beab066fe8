import { describe, expect, it } from 'vitest';
import { extractEmails, normaliseEmail } from './email-normalise';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Ivanova@Mail.RU ')).toBe('ivanova@mail.ru');
    expect(normaliseEmail('IVANOVA.M+CLINIC@YANDEX.RU')).toBe('ivanova.m+clinic@yandex.ru');
  });

  it('unwraps <…> and mailto:', () => {
    expect(normaliseEmail('<ivanova@mail.ru>')).toBe('ivanova@mail.ru');
    expect(normaliseEmail('mailto:Ivanova@mail.ru')).toBe('ivanova@mail.ru');
  });

  it('accepts Cyrillic domains', () => {
    expect(normaliseEmail('Иванова@Почта.РФ')).toBe('иванова@почта.рф');
  });

  it.each([
    '',
    'ivanova',
    'ivanova@',
    '@mail.ru',
    'ivanova@mail',
    'ivanova@@mail.ru',
    'iva nova@mail.ru',
    '.ivanova@mail.ru',
    'iva..nova@mail.ru',
    'ivanova.@mail.ru',
    'ivanova@-mail.ru',
    'ivanova@mail-.ru',
    'ivanova@mail..ru',
    'ivanova@mail.r',
    'ivanova@mail.123',
    `${'a'.repeat(250)}@mail.ru`,
  ])('%s → null', (text) => {
    expect(normaliseEmail(text)).toBeNull();
  });
});

describe('extractEmails', () => {
  it('takes addresses out of a text, whatever is glued around them', () => {
    expect(extractEmails('Иванова, e-mail:Ivanova@Mail.ru. тел. 4567')).toEqual({
      emails: ['ivanova@mail.ru'],
      rest: 'Иванова, e-mail:  тел. 4567',
    });
    expect(extractEmails('<a@b.ru>, A@B.ru (c@d.ru)')).toEqual({ emails: ['a@b.ru', 'c@d.ru'], rest: '< >,   ( )' });
  });

  it('leaves what only looks like an address', () => {
    expect(extractEmails('Иванова @ 12')).toEqual({ emails: [], rest: 'Иванова @ 12' });
    expect(extractEmails('ivanova@mail')).toEqual({ emails: [], rest: 'ivanova@mail' });
  });
});

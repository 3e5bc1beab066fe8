import { describe, expect, it } from 'vitest';
import { findInlineForward, parseAddress } from './forwarded';

const BODY = 'Прошу удалить мои данные.\nИванова М. П.';

describe('findInlineForward: each client writes the block its own way', () => {
  it.each([
    [
      'Mail.ru',
      `Пересылаю.\n\n-------- Пересылаемое сообщение --------\nОт кого: Иванова Мария <m.ivanova@mail.ru>\nКому: info@clinic.ru\nДата: Понедельник, 30 ноября 2026, 21:15 +05:00\nТема: Отзыв\n\n${BODY}\n`,
    ],
    [
      'Yandex',
      `\n\n-------- Пересылаемое сообщение --------\n30.11.2026, 21:15, "Иванова Мария" <m.ivanova@mail.ru>:\n\n${BODY}\n\n-------- Конец пересылаемого сообщения --------\n`,
    ],
    [
      'Gmail',
      `---------- Forwarded message ---------\nFrom: Иванова Мария <m.ivanova@mail.ru>\nDate: Mon, Nov 30, 2026 at 9:15 PM\nSubject: Отзыв\nTo: <info@clinic.ru>\n\n\n${BODY}\n`,
    ],
    [
      'Thunderbird in Russian',
      `-------- Перенаправленное сообщение --------\nТема: \tОтзыв\nДата: \t30.11.2026 21:15\nОт: \tИванова Мария <m.ivanova@mail.ru>\nКому: \tinfo@clinic.ru\n\n${BODY}\n`,
    ],
    [
      'Outlook',
      `-----Original Message-----\nFrom: Иванова Мария [mailto:m.ivanova@mail.ru]\nSent: Monday, November 30, 2026 9:15 PM\nTo: info@clinic.ru\nSubject: Отзыв\n\n${BODY}\n`,
    ],
    [
      'Apple Mail quoting with >',
      `Начало переадресованного сообщения:\n\n> От: Иванова Мария <m.ivanova@mail.ru>\n> Тема: Отзыв\n> \n> Прошу удалить мои данные.\n> Иванова М. П.\n`,
    ],
  ])('%s', (_client, text) => {
    expect(findInlineForward(text)).toEqual({
      from: { name: 'Иванова Мария', address: 'm.ivanova@mail.ru' },
      text: BODY,
    });
  });

  it('is null when there is no forwarded block, or it names no sender', () => {
    expect(findInlineForward('Прошу удалить мои данные.')).toBeNull();
    expect(findInlineForward('-------- Пересылаемое сообщение --------\nПросто текст без заголовков')).toBeNull();
  });
});

describe('parseAddress', () => {
  it.each([
    ['"Иванова Мария" <M.Ivanova@Mail.ru>', { name: 'Иванова Мария', address: 'm.ivanova@mail.ru' }],
    ['m.ivanova@mail.ru', { name: null, address: 'm.ivanova@mail.ru' }],
    ['Иванова Мария', { name: 'Иванова Мария', address: null }],
    ['«Иванова Мария» <m.ivanova@mail.ru>,', { name: 'Иванова Мария', address: 'm.ivanova@mail.ru' }],
  ])('%s', (value, expected) => {
    expect(parseAddress(value)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { extractLetterFields } from './letter-fields';

const TODAY = '2026-12-01';
const fields = (text: string) => extractLetterFields(text, { today: TODAY });

const CLINIC_HEADER = `Главному врачу ООО «Клиника Здоровье»
Петрову Ивану Сергеевичу
Юридический адрес: 620014, г. Екатеринбург, ул. Вайнера, д. 9
тел. 8 (343) 222-33-44, e-mail: info@clinic-zdorovie.ru`;

describe('extractLetterFields: a typical paper letter', () => {
  const letter = `${CLINIC_HEADER}
от Ивановой Марии Петровны,
12.03.1985 г.р.,
проживающей по адресу: 620075, г. Екатеринбург,
ул. Малышева, д. 10, кв. 25
тел.: +7 (912) 345-67-89
e-mail: m.ivanova85@mail.ru

ЗАЯВЛЕНИЕ
об отзыве согласия на обработку персональных данных

Я, Иванова Мария Петровна, отзываю своё согласие на обработку персональных данных.
01.12.2026                                    Иванова М.П.`;

  it('reads the sender, not the clinic in the header', () => {
    expect(fields(letter)).toEqual({
      fullName: 'Иванова Мария Петровна',
      birthDate: '1985-03-12',
      phone: '79123456789',
      email: 'm.ivanova85@mail.ru',
      address: '620075, г. Екатеринбург, ул. Малышева, д. 10, кв. 25',
    });
  });
});

describe('extractLetterFields: full name, as written', () => {
  it.each([
    ['От: Ивановой Марии Петровны', 'Ивановой Марии Петровны'],
    ['от Сидорова Петра Алексеевича\nпроживающего по адресу', 'Сидорова Петра Алексеевича'],
    ['ОТ Кузнецовой Анны Ильиничны', 'Кузнецовой Анны Ильиничны'],
    ['Я, Иванова Мария Петровна, 12.03.1985 г.р., отзываю согласие', 'Иванова Мария Петровна'],
    ['Я, нижеподписавшийся, Смирнов Олег Игоревич, прошу', 'Смирнов Олег Игоревич'],
    ['Я,Лебедева Ольга Викторовна, прошу', 'Лебедева Ольга Викторовна'],
    ['ФИО: Петрова-Водкина Елена Сергеевна', 'Петрова-Водкина Елена Сергеевна'],
    ['Заявитель: Орлов Денис Юрьевич', 'Орлов Денис Юрьевич'],
    ['Ф.И.О. Иванова Мария Петровна', 'Иванова Мария Петровна'],
    ['от Иванова Ивана Ивановича\nТел. 89123456789', 'Иванова Ивана Ивановича'],
    ['от Ивановой М. П.', 'Ивановой М.П.'],
    ['от Ивановой\nМарии Петровны', 'Ивановой Марии Петровны'],
    ['от Ивaновой Мaрии Петровны', 'Ивановой Марии Петровны'],
    ['Главному врачу Петрову Ивану Сергеевичу\nЗаявление\nСемёнова Алла Борисовна просит', 'Семёнова Алла Борисовна'],
  ])('%j → %s', (text, name) => {
    expect(fields(text).fullName).toBe(name);
  });

  it('does not take a label on the next line for a name word', () => {
    expect(fields('От: Иванова Мария\nТел. 89123456789').fullName).toBe(null);
  });

  it('is null when the letter names nobody', () => {
    expect(fields('Прошу прекратить обработку моих персональных данных.').fullName).toBe(null);
    expect(fields('').fullName).toBe(null);
  });

  it('does not take the addressee (dative) for the sender', () => {
    expect(fields('Главному врачу Петрову Ивану Сергеевичу\nПрошу удалить мои данные.').fullName).toBe(null);
  });
});

describe('extractLetterFields: birth date', () => {
  it.each([
    ['Я, Иванова Мария Петровна, 12.03.1985 г.р.', '1985-03-12'],
    ['12.03.1985 года рождения', '1985-03-12'],
    ['12.03.1985г.р.', '1985-03-12'],
    ['Дата рождения: 05.11.1990', '1990-11-05'],
    ['дата рождения 5 ноября 1990 г.', '1990-11-05'],
    ['д.р. 01/02/1975', '1975-02-01'],
    ['родилась 07.07.2001', '2001-07-07'],
    ['12. 03. 1985 г. р.', '1985-03-12'],
    ['12.O3.1985 г.р.', '1985-03-12'],
    ['l2.03.l985 г.р.', '1985-03-12'],
    ['12.03.198З г.р.', '1983-03-12'],
    ['12.03.85 г.р.', '1985-03-12'],
    ['Дата рождения — 1985-03-12', '1985-03-12'],
    ['Дата рождения: 12.03.1985 Телефон: 89123456789', '1985-03-12'],
  ])('%j → %s', (text, iso) => {
    expect(fields(text).birthDate).toBe(iso);
  });

  it('takes an unlabelled date in the sender block, but not the letter’s own date', () => {
    expect(fields('от Ивановой Марии Петровны, 12.03.1985\nтел. 89123456789').birthDate).toBe('1985-03-12');
    expect(fields('от Ивановой Марии Петровны\n01.12.2026').birthDate).toBe(null);
  });

  it('refuses impossible and future dates', () => {
    expect(fields('дата рождения: 31.02.1985').birthDate).toBe(null);
    expect(fields('дата рождения: 12.03.2030').birthDate).toBe(null);
  });
});

describe('extractLetterFields: phone', () => {
  it.each([
    ['тел.: +7 (912) 345-67-89', '79123456789'],
    ['Тел. 8-912-345-67-89', '79123456789'],
    ['телефон 89123456789', '79123456789'],
    ['Телефон: 8 (912) 345 67 89', '79123456789'],
    ['моб. +79123456789', '79123456789'],
    ['тел 912 345-67-89', '79123456789'],
    ['тел. +7 9l2 345-67-89', '79123456789'],
    ['тел. 8 9OO 123-45-67', '79001234567'],
    ['тел. 8 (З43) 222-33-44', '73432223344'],
    ['контактный телефон: +7 912 345 67 89', '79123456789'],
    ['Для связи: +7 (912) 345-67-89', '79123456789'],
    ['+7–912–345–67–89', '79123456789'],
    ['тел. +7 912 3456789', '79123456789'],
    ['Тел./факс: 8 912 345 67 89', '79123456789'],
  ])('%j → %s', (text, phone) => {
    expect(fields(text).phone).toBe(phone);
  });

  it('prefers the sender’s phone to the clinic’s in the header', () => {
    expect(fields(`${CLINIC_HEADER}\nот Ивановой Марии Петровны\nтел. 89123456789`).phone).toBe('79123456789');
  });

  it('does not take a passport or a tax number for a phone', () => {
    expect(fields('паспорт 6512 345678 выдан').phone).toBe(null);
    expect(fields('ИНН 7712345678').phone).toBe(null);
    expect(fields('от Ивановой Марии Петровны, 12.03.1985 г.р.').phone).toBe(null);
  });
});

describe('extractLetterFields: e-mail', () => {
  it.each([
    ['e-mail: Ivanova@Mail.RU', 'ivanova@mail.ru'],
    ['Эл. почта: petrov_1980@yandex.ru.', 'petrov_1980@yandex.ru'],
    ['email: anna.k @ gmail. com', 'anna.k@gmail.com'],
    ['адрес электронной почты <olga@inbox.ru>', 'olga@inbox.ru'],
  ])('%j → %s', (text, email) => {
    expect(fields(text).email).toBe(email);
  });

  it('prefers the sender’s address to the clinic’s', () => {
    expect(fields(`${CLINIC_HEADER}\nот Ивановой Марии Петровны\nanna@mail.ru`).email).toBe('anna@mail.ru');
  });

  it('is null without an address', () => {
    expect(fields('Прошу ответить письмом.').email).toBe(null);
  });
});

describe('extractLetterFields: postal address', () => {
  it.each([
    [
      'проживающей по адресу: 620075, г. Екатеринбург, ул. Малышева, д. 10, кв. 25, тел. 89123456789',
      '620075, г. Екатеринбург, ул. Малышева, д. 10, кв. 25',
    ],
    [
      'зарегистрированного по адресу: г. Екатеринбург,\nул. Ленина, д. 5, кв. 3\n12.03.1985 г.р.',
      'г. Екатеринбург, ул. Ленина, д. 5, кв. 3',
    ],
    ['Адрес: 620000, г. Екатеринбург, пр. Ленина, д. 1', '620000, г. Екатеринбург, пр. Ленина, д. 1'],
    [
      'Адрес для ответа: 624130, Свердловская обл., г. Новоуральск, ул. Мира, 7-12',
      '624130, Свердловская обл., г. Новоуральск, ул. Мира, 7-12',
    ],
    [
      'Я, Орлов Денис Юрьевич, проживающий по адресу: г. Пермь, ул. Ленина, д. 50, кв. 7, отзываю согласие',
      'г. Пермь, ул. Ленина, д. 50, кв. 7',
    ],
    ['от Орлова Дениса Юрьевича\n614000, г. Пермь, ул. Ленина, д. 50', '614000, г. Пермь, ул. Ленина, д. 50'],
    [
      'проживающая по адресу: 623700, Свердловская обл. г.\nБерёзовский, ул. Ленина, д. 3, телефон 89501234567,',
      '623700, Свердловская обл. г. Берёзовский, ул. Ленина, д. 3',
    ],
    ['Адрес: г. Екатеринбург, ул. Малышева, д. 1О, кв. 2', 'г. Екатеринбург, ул. Малышева, д. 10, кв. 2'],
  ])('%j → %s', (text, address) => {
    expect(fields(text).address).toBe(address);
  });

  it('prefers the sender’s address to the clinic’s legal address', () => {
    const text = `${CLINIC_HEADER}\nот Ивановой Марии Петровны,\nпроживающей по адресу: г. Екатеринбург, ул. Малышева, д. 10`;
    expect(fields(text).address).toBe('г. Екатеринбург, ул. Малышева, д. 10');
  });

  it('is null when no address is given', () => {
    expect(fields('от Ивановой Марии Петровны\nтел. 89123456789').address).toBe(null);
  });
});

describe('extractLetterFields: e-mail bodies and absent fields', () => {
  it('reads a typed e-mail body unchanged by the OCR repairs', () => {
    const body =
      'Здравствуйте!\nЯ, Olga Smirnova, то есть Смирнова Ольга Олеговна, 01.01.1990 г.р., отзываю согласие.\nС уважением, Ольга\n+7 900 100-20-30';
    expect(fields(body)).toEqual({
      fullName: 'Смирнова Ольга Олеговна',
      birthDate: '1990-01-01',
      phone: '79001002030',
      email: null,
      address: null,
    });
  });

  it('gives all nulls for an empty text', () => {
    expect(fields('')).toEqual({ fullName: null, birthDate: null, phone: null, email: null, address: null });
  });
});

// The OCR test set: ten typed consent-withdrawal letters of our own, each with what a reader must get from it.
// Names stand in the genitive («от Ивановой…») or the nominative («Я, Иванова…»), dates and phones are written in
// the ways people write them; the clinic's own address and phone head every letter, as in real post.

import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export type TestLetter = {
  /** The sender block under the addressee, line by line. */
  sender: string[];
  /** The body's paragraphs. */
  body: string[];
  signature: string;
  font: 'sans' | 'serif';
  fontSize: number;
  expected: { fullName: string; birthDate: string; phone: string };
};

const WITHDRAWAL = 'Отзыв согласия на обработку персональных данных';
const STOP = 'Прошу прекратить обработку моих персональных данных и уничтожить их в срок, установленный законом.';
const ANSWER = 'Ответ прошу направить почтой по указанному адресу.';

export const TEST_LETTERS: readonly TestLetter[] = [
  {
    sender: [
      'от Ивановой Марии Петровны,',
      'проживающей по адресу: 620075, г. Екатеринбург,',
      'ул. Малышева, д. 10, кв. 25',
      'тел.: +7 (912) 345-67-89',
    ],
    body: [
      'Я, Иванова Мария Петровна, 12.03.1985 г.р., на основании ч. 2 ст. 9 Федерального закона № 152-ФЗ отзываю своё согласие на обработку персональных данных.',
      STOP,
    ],
    signature: 'М. П. Иванова',
    font: 'serif',
    fontSize: 12,
    expected: { fullName: 'Иванова Мария Петровна', birthDate: '1985-03-12', phone: '79123456789' },
  },
  {
    sender: [
      'От: Сидорова Петра Алексеевича',
      'дата рождения: 05.11.1990',
      'адрес: 620100, г. Екатеринбург, ул. Сибирский тракт, д. 12, кв. 4',
      'тел. 8-922-111-22-33',
    ],
    body: ['Настоящим отзываю согласие на обработку моих персональных данных, данное ранее клинике.', STOP, ANSWER],
    signature: 'П. А. Сидоров',
    font: 'sans',
    fontSize: 12,
    expected: { fullName: 'Сидорова Петра Алексеевича', birthDate: '1990-11-05', phone: '79221112233' },
  },
  {
    sender: [],
    body: [
      'Я, Кузнецова Анна Ильинична, 07.07.2001 года рождения, проживающая по адресу: 623700, Свердловская обл., г. Берёзовский, ул. Ленина, д. 3, кв. 17, телефон 89501234567, отзываю своё согласие на обработку персональных данных.',
      STOP,
    ],
    signature: 'А. И. Кузнецова',
    font: 'serif',
    fontSize: 13,
    expected: { fullName: 'Кузнецова Анна Ильинична', birthDate: '2001-07-07', phone: '79501234567' },
  },
  {
    sender: [
      'ФИО: Петрова-Водкина Елена Сергеевна',
      'Дата рождения: 21 августа 1968 г.',
      'Адрес: 620026, г. Екатеринбург, ул. Куйбышева, д. 44, кв. 101',
      'Телефон: 8 (343) 210-45-67',
      'E-mail: e.vodkina@yandex.ru',
    ],
    body: ['Отзываю согласие на обработку персональных данных в целях рассылки и рекламы.', STOP],
    signature: 'Е. С. Петрова-Водкина',
    font: 'sans',
    fontSize: 12,
    expected: { fullName: 'Петрова-Водкина Елена Сергеевна', birthDate: '1968-08-21', phone: '73432104567' },
  },
  {
    sender: ['от Смирнова Олега Игоревича', 'г. Екатеринбург, ул. Белинского, д. 86, кв. 9', 'тел. +79045556677'],
    body: [
      'Я, Смирнов Олег Игоревич, 30.01.1979 г.р., отзываю своё согласие на обработку персональных данных в полном объёме.',
      STOP,
      ANSWER,
    ],
    signature: 'О. И. Смирнов',
    font: 'serif',
    fontSize: 12,
    expected: { fullName: 'Смирнов Олег Игоревич', birthDate: '1979-01-30', phone: '79045556677' },
  },
  {
    sender: [
      'от Лебедевой Ольги Викторовны, 15.06.1995 г.р.,',
      'зарегистрированной по адресу: 620142, г. Екатеринбург, ул. Фрунзе, д. 35, кв. 12',
      'тел. 912 777 88 99, e-mail: olga.lebedeva95@mail.ru',
    ],
    body: ['Прошу считать моё согласие на обработку персональных данных отозванным.', STOP],
    signature: 'О. В. Лебедева',
    font: 'sans',
    fontSize: 13,
    expected: { fullName: 'Лебедевой Ольги Викторовны', birthDate: '1995-06-15', phone: '79127778899' },
  },
  {
    sender: [
      'Заявитель: Орлов Денис Юрьевич',
      'д.р. 02.02.1959',
      'почтовый адрес: 624000, Свердловская обл., г. Арамиль, ул. Новая, д. 7',
      'моб. +7 900 100-20-30',
    ],
    body: ['Отзываю своё согласие на обработку персональных данных, в том числе для рассылок.', STOP],
    signature: 'Д. Ю. Орлов',
    font: 'serif',
    fontSize: 12,
    expected: { fullName: 'Орлов Денис Юрьевич', birthDate: '1959-02-02', phone: '79001002030' },
  },
  {
    sender: [
      'от Фёдоровой Натальи Александровны,',
      'родилась 11.09.1983,',
      'адрес проживания: 620043, г. Екатеринбург, ул. Репина, д. 99, кв. 56',
      'тел.: 8 912 000 11 22',
    ],
    body: ['Настоящим заявлением отзываю согласие на обработку моих персональных данных.', STOP, ANSWER],
    signature: 'Н. А. Фёдорова',
    font: 'sans',
    fontSize: 12,
    expected: { fullName: 'Фёдоровой Натальи Александровны', birthDate: '1983-09-11', phone: '79120001122' },
  },
  {
    sender: ['от Ахметова Рината Фаридовича', 'тел. +7-919-303-40-50'],
    body: [
      'Я, нижеподписавшийся, Ахметов Ринат Фаридович, 03.04.1972 г.р., проживающий по адресу: 620088, г. Екатеринбург, ул. Кировградская, д. 20, кв. 3, отзываю согласие на обработку персональных данных.',
      STOP,
    ],
    signature: 'Р. Ф. Ахметов',
    font: 'serif',
    fontSize: 13,
    expected: { fullName: 'Ахметов Ринат Фаридович', birthDate: '1972-04-03', phone: '79193034050' },
  },
  {
    sender: [
      'от Белых Татьяны Николаевны, 28.02.1988 г.р.',
      'адрес для ответа: 620137, г. Екатеринбург, ул. Блюхера, д. 55, кв. 80',
      'тел. 8(912)6543210',
    ],
    body: ['Отзываю согласие на обработку персональных данных, данное при записи на приём.', STOP],
    signature: 'Т. Н. Белых',
    font: 'sans',
    fontSize: 12,
    expected: { fullName: 'Белых Татьяны Николаевны', birthDate: '1988-02-28', phone: '79126543210' },
  },
];

const require = createRequire(import.meta.url);
const FONTS = {
  sans: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  serif: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
};

const ADDRESSEE = [
  'Главному врачу',
  'ООО «Клиника Здоровье»',
  'Петрову И. С.',
  '620014, г. Екатеринбург, ул. Вайнера, д. 9',
  'тел. 8 (343) 222-33-44',
];

/** The letter as a one-page A4 PDF, typed as people type them: addressee and sender right, title centred. */
export function renderTestLetterPdf(letter: TestLetter): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 72, right: 60 } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('text', FONTS[letter.font]);
  doc.registerFont('bold', FONTS.bold);
  const width = doc.page.width - 72 - 60;
  const right = { width: width / 2 + 20 };
  doc.font('text').fontSize(letter.fontSize);
  doc.x = 72 + width / 2 - 20;
  for (const line of [...ADDRESSEE, ...letter.sender]) doc.text(line, right);
  doc.x = 72;
  doc.moveDown(2);
  doc.font('bold').text(WITHDRAWAL.toUpperCase(), { width, align: 'center' });
  doc.moveDown(1);
  doc.font('text');
  for (const paragraph of letter.body) {
    doc.text(paragraph, { width, align: 'justify', indent: 36 });
    doc.moveDown(0.5);
  }
  doc.moveDown(2);
  doc.text(`01.12.2026                                                    ${letter.signature}`, { width });
  doc.end();
  return done;
}

import path from 'node:path';

/**
 * What each letter of the fixture corpus (fixtures/*.eml, written by fixtures/generate.ts) is: the parser's and
 * the wording rules' tests read it, and the importer's tests can too (a folder in several encodings where some
 * letters withdraw, some do not, and two are re-exports of others).
 */
export const EMAIL_CORPUS_DIR = path.join(import.meta.dirname, 'fixtures');

export interface CorpusLetter {
  file: string;
  withdrawal: boolean;
  marker: boolean;
  scope: 'all' | string[] | null;
  from: { name: string; address: string };
  originalFrom?: { name: string; address: string };
  subject: string;
  /** Words the decoded text must contain (proves the charset and transfer encoding were read). */
  textIncludes: string[];
  attachments: { fileName: string; mimeType: string; startsWith?: string }[];
  messageId: string | null;
  /** The file this one is a re-export of: same Message-ID, or same content hash when there is none. */
  duplicateOf?: string;
}

const IVANOVA = { name: 'Иванова Мария', address: 'm.ivanova@mail.ru' };
const KUZNETSOV = { name: 'Кузнецов Олег', address: 'kuznetsov.oleg@list.ru' };
const REGISTRY = { name: 'Регистратура', address: 'registry@implantacia-pro.ru' };
const MARKER = 'Отзыв согласия на обработку персональных данных';

const ivanovaLetter: Omit<CorpusLetter, 'file'> = {
  withdrawal: true,
  marker: true,
  scope: 'all',
  from: IVANOVA,
  subject: MARKER,
  textIncludes: ['Иванова Мария Петровна', 'отзываю своё согласие', '12.03.1985'],
  attachments: [],
  messageId: 'a1b2c3d4.ivanova@mail.ru',
};

const kuznetsovLetter: Omit<CorpusLetter, 'file'> = {
  withdrawal: true,
  marker: false,
  scope: ['newsletter'],
  from: KUZNETSOV,
  subject: 'Рассылка',
  textIncludes: ['исключить меня из рассылки', 'Кузнецов Олег'],
  attachments: [],
  messageId: null,
};

export const EMAIL_CORPUS: CorpusLetter[] = [
  { file: '01-marker-subject-utf8.eml', ...ivanovaLetter },
  {
    file: '02-marker-html-only.eml',
    withdrawal: true,
    marker: true,
    scope: 'all',
    from: { name: 'Смирнов Алексей', address: 'smirnov.a@yandex.ru' },
    subject: 'Заявление',
    textIncludes: ['Отзыв согласия', 'Смирнов Алексей Игоревич', '+7 922 111-22-33'],
    attachments: [],
    messageId: '20261201100500.smirnov@yandex.ru',
  },
  {
    file: '03-plain-words-cp1251-qp.eml',
    withdrawal: true,
    marker: false,
    scope: 'all',
    from: { name: 'Павлова Елена', address: 'pavlova.e@rambler.ru' },
    subject: 'Мои данные',
    textIncludes: ['Прошу удалить мои данные', 'Павлова Елена Сергеевна'],
    attachments: [],
    messageId: '000001d9a1b2$pavlova@rambler.ru',
  },
  {
    file: '04-koi8r-base64.eml',
    withdrawal: true,
    marker: false,
    scope: ['advertising'],
    from: { name: 'Фёдоров Пётр', address: 'fedorov@narod.ru' },
    subject: 'Отписка от рекламы',
    textIncludes: ['Отзываю своё согласие на рекламную рассылку', 'Фёдоров Пётр Ильич'],
    attachments: [],
    messageId: 'koi8.fedorov.20261201@narod.ru',
  },
  {
    file: '05-forwarded-inline.eml',
    withdrawal: true,
    marker: true,
    scope: ['newsletter'],
    from: REGISTRY,
    originalFrom: { name: 'Петров Иван', address: 'i.petrov@yandex.ru' },
    subject: `Fwd: ${MARKER}`,
    textIncludes: ['Петров Иван Сергеевич', 'отзываю согласие на новостную рассылку'],
    attachments: [],
    messageId: 'fwd-77@implantacia-pro.ru',
  },
  {
    file: '06-forwarded-attached.eml',
    withdrawal: true,
    marker: true,
    scope: 'all',
    from: REGISTRY,
    originalFrom: { name: 'Сидорова Анна', address: 'anna.sidorova@gmail.com' },
    subject: 'Fwd: письмо пациента',
    textIncludes: ['Письмо пациентки во вложении', 'Прошу прекратить обработку моих персональных данных'],
    attachments: [{ fileName: 'вложение-1.eml', mimeType: 'message/rfc822', startsWith: 'Message-ID: <CAF=' }],
    messageId: 'fwd-78@implantacia-pro.ru',
  },
  {
    file: '07-consent-given.eml',
    withdrawal: false,
    marker: false,
    scope: null,
    from: { name: 'Новикова Ольга', address: 'olga.novikova@mail.ru' },
    subject: 'Согласие на обработку персональных данных',
    textIncludes: ['Даю согласие на обработку моих персональных данных'],
    attachments: [],
    messageId: 'consent.novikova@mail.ru',
  },
  {
    file: '08-newsletter-question.eml',
    withdrawal: false,
    marker: false,
    scope: null,
    from: { name: 'Морозов Дмитрий', address: 'd.morozov@gmail.com' },
    subject: 'Вопрос о рассылке',
    textIncludes: ['почему перестала приходить ваша рассылка'],
    attachments: [],
    messageId: 'question.morozov@gmail.com',
  },
  {
    file: '09-pdf-attachment.eml',
    withdrawal: true,
    marker: false,
    scope: 'all',
    from: { name: 'Волкова Татьяна', address: 'volkova.t@mail.ru' },
    subject: 'Заявление об отзыве согласия',
    textIncludes: ['Прошу прекратить обработку моих персональных данных', 'Волкова Татьяна Николаевна'],
    attachments: [{ fileName: 'Заявление.pdf', mimeType: 'application/pdf', startsWith: '%PDF-' }],
    messageId: 'pdf.volkova@mail.ru',
  },
  { file: '10-no-message-id.eml', ...kuznetsovLetter },
  { file: '11-duplicate-of-10.eml', ...kuznetsovLetter, duplicateOf: '10-no-message-id.eml' },
  { file: '12-duplicate-of-01.eml', ...ivanovaLetter, duplicateOf: '01-marker-subject-utf8.eml' },
];

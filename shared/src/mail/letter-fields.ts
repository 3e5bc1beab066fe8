// The sender's details as a withdrawal letter states them: full name, birth date, phone, e-mail, postal address.
// Used on recognised (OCR) scans and on e-mail bodies alike, to prefill the intake form: each field is a suggestion the
// registrar confirms, so a field that cannot be read with confidence is null rather than a guess.
//
// Letters put the clinic's own details (addressee, its address, its phone) at the top and the sender's after «от …»
// or «Я, …», so every field is looked for in the sender's block first and in the whole text only after that.

import { operatorToday, parseBirthDate } from '../subjects/birth-date';
import { extractEmails } from '../subjects/email-normalise';
import { normalisePhone } from '../subjects/phone-normalise';
import { cleanRecognisedText } from './ocr-cleanup';

export type LetterFields = {
  /** As written, in the case form of the letter («Ивановой Марии Петровны»): matching normalises it. */
  fullName: string | null;
  /** ISO yyyy-mm-dd. */
  birthDate: string | null;
  /** Canonical '7XXXXXXXXXX' (shared phone normaliser). */
  phone: string | null;
  email: string | null;
  address: string | null;
};

export type LetterFieldsOptions = {
  /** The day birth dates must not be after; the operator's today by default. */
  today?: string;
};

// A name word: capitalised Cyrillic, a double surname hyphenated («Петрова-Водкина»); not a label that may start the
// next line («Тел.», «Адрес:»). Initials: «М.П.», «М. П.».
const NOT_NAME = '(?!(?:Тел|Телефон|Адрес|Дата|Паспорт|Почта|Заявление|Прошу)(?![а-яё])|Проживающ|Зарегистрир)';
const WORD = `${NOT_NAME}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?`;
const INITIALS = '[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.';
const NAME = `${WORD}\\s+(?:${WORD}\\s+${WORD}|${INITIALS})|${INITIALS}\\s?${WORD}`;

// Where a letter names its sender, most explicit first. «От» opens the header; «Я, …» the body.
const NAME_ANCHORS: readonly RegExp[] = [
  new RegExp(`(?:ФИО|Ф\\.\\s?И\\.\\s?О\\.?|Заявитель|Отправитель)\\s*[:\\-–—]?\\s*(${NAME})`, 'u'),
  new RegExp(`(?:^|[\\s,.;])Я\\s*,\\s*(?:нижеподписавш[а-я]+\\s*,?\\s*)?(${NAME})`, 'u'),
  new RegExp(`(?:^|\\n)\\s*(?:[Оо]т|ОТ)\\s*[:\\-–—]?\\s*(${NAME})`, 'u'),
  new RegExp(`(?:^|[\\s,.;])(?:[Оо]т|ОТ)\\s*[:\\-–—]?\\s+(${NAME})`, 'u'),
];

// Without an anchor: surname, first name and a patronymic (any case form), not the addressee's in the dative.
const PATRONYMIC = '[А-ЯЁ][а-яё]+(?:ович|евич|ич|овн|евн|ичн)[а-яё]{0,3}(?![а-яё])';
const BARE_NAME = new RegExp(
  `(?<![\\p{L}-])(?<!(?:врачу|директору|руководителю|начальнику)\\s+)${WORD}\\s+${WORD}\\s+${PATRONYMIC}`,
  'u',
);

function fullNameOf(text: string): string | null {
  for (const anchor of [...NAME_ANCHORS, BARE_NAME]) {
    const m = anchor.exec(text);
    const name = anchor === BARE_NAME ? m?.[0] : m?.[1];
    if (name) return name.replace(/\s+/g, ' ').replace(/\.\s(?=[А-ЯЁ]\.)/g, '.');
  }
  return null;
}

// The sender's block: from where the letter names its sender to the end. The clinic's header stays out of it.
function senderBlock(text: string): string {
  const starts = NAME_ANCHORS.map((anchor) => anchor.exec(text)?.index ?? -1).filter((i) => i >= 0);
  return starts.length === 0 ? text : text.slice(Math.min(...starts));
}

// Dates as letters write them; separators may carry a stray space after OCR («12. 03. 1985»).
const MONTH_WORDS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const DATE = `\\d{1,2}\\s?[./-]\\s?\\d{1,2}\\s?[./-]\\s?(?:\\d{4}|\\d{2})|\\d{1,2}\\s+(?:${MONTH_WORDS})\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}`;
const BIRTH_DATE_LABELLED: readonly RegExp[] = [
  new RegExp(`(?:дата\\s+рождения|д\\.\\s?р\\.|родил(?:ся|ась))\\s*[:\\-–—]?\\s*(${DATE})`, 'iu'),
  new RegExp(`(?<!\\d)(${DATE})(?:\\s*г(?:ода|\\.)?)?\\s*(?:г\\.\\s?р\\.?|года\\s+рождения|г\\.\\s?рожд)`, 'iu'),
];
const ANY_DATE = new RegExp(`(?<![\\d.])(${DATE})(?![\\d])`, 'giu');

function isoOf(date: string, today: string): string | null {
  return parseBirthDate(date.replace(/\s*([./-])\s*/g, '$1'), today);
}

/** A labelled birth date; else the first date in the sender's block that is at least a year old (not the letter's). */
function birthDateOf(block: string, today: string): string | null {
  for (const pattern of BIRTH_DATE_LABELLED) {
    const iso = isoOf(pattern.exec(block)?.[1] ?? '', today);
    if (iso) return iso;
  }
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  for (const m of block.matchAll(ANY_DATE)) {
    const iso = isoOf(m[1] ?? '', today);
    if (iso && iso <= yearAgo) return iso;
  }
  return null;
}

// A +7 number in any spelling: «+7 (912) 345-67-89», «8-912-345-67-89», «89123456789», «(912) 3456789».
const DASH = '[\\s\\-–—]*';
const PHONE = new RegExp(
  `(?<![\\d+])(?:\\+\\s?7|8|7)?${DASH}\\(?\\s?\\d{3}\\s?\\)?${DASH}\\d{3}${DASH}\\d{2}${DASH}\\d{2}(?!\\d)`,
  'g',
);
const PHONE_LABEL = /(?:тел(?:ефон[а-я]*)?|моб(?:ильный)?|сот(?:овый)?)(?![а-яё])/iu;
// Ten-digit numbers that are not phones: passports, tax numbers, insurance numbers and policies.
const NOT_PHONE_LINE = /паспорт|серия|ИНН|СНИЛС|полис|ОГРН|КПП|р\/с|счёт|счет/iu;

function phonesIn(line: string): string[] {
  return [...line.matchAll(PHONE)].flatMap((m) => normalisePhone(m[0].replace(/\s/g, '')) ?? []);
}

/** A phone on a line that says it is one; else a number written as a phone («+7…», «8…», «(912)») on any line. */
function phoneOf(block: string): string | null {
  const lines = block.split('\n').filter((line) => !NOT_PHONE_LINE.test(line));
  for (const line of lines) {
    const label = PHONE_LABEL.exec(line);
    const phone = label ? phonesIn(line.slice(label.index))[0] : undefined;
    if (phone) return phone;
  }
  for (const line of lines) {
    const phone = [...line.matchAll(PHONE)].find((m) => /^\s*(?:\+|8|7|\()/.test(m[0]));
    if (phone) return normalisePhone(phone[0].replace(/\s/g, ''));
  }
  return null;
}

/** OCR puts spaces around @ and dots of an address («ivanova @ mail. ru»); they are closed up before reading. */
function emailOf(block: string): string | null {
  const closed = block.replace(/\s*@\s*/g, '@').replace(/(@[\w.-]+)\.\s+(?=[a-z]{2,}\b)/giu, '$1.');
  return extractEmails(closed).emails[0] ?? null;
}

// «проживающей по адресу:», «адрес регистрации:», «почтовый адрес:», «Адрес для ответа:» …
const ADDRESS_LABEL =
  /(?:по\s+адресу|(?:почтовый\s+|домашний\s+)?адрес(?:\s+(?:проживания|регистрации|для\s+ответа|для\s+корреспонденции|места\s+жительства))?(?![а-яё]))\s*[:\-–—]?\s*/iu;
// What ends an address: the next labelled detail or the body's first verb, on the same line or the next.
const NEXT_DETAIL =
  /[,;.]?\s*(?:(?:тел(?:ефон[а-я]*)?|моб(?:ильный)?|паспорт|отзываю|прошу|заявляю|настоящим)(?![а-яё])|e-?mail|эл\.?\s*почт|электронн|дата\s+рождения).*$/iu;
// A line that is no part of an address: a birth date.
const NOT_ADDRESS_LINE = /г\.\s?р\.|рождени|^\d{1,2}[./]\d{1,2}[./]\d{2,4}/iu;
// A line that carries on an address: it follows a comma, or starts with a part of one («ул.», «д. 5», «кв. 3»).
const ADDRESS_PART = /^(?:ул|улица|д|дом|кв|корп|стр|пр|пр-т|проспект|пер|б-р|ш|наб|мкр|г|пос|с|обл|р-н)\.?\s/iu;
// An address cut after «г.» or «обл.» goes on on the next line even when the comma was lost.
const ADDRESS_ABBREVIATION_AT_END = /(?:^|\s)(?:г|ул|д|кв|обл|пр|пер|корп|стр|пос|мкр|р-н)\.?$/iu;
// A line that looks like an address on its own: a six-digit postcode and a town or street.
const ADDRESS_LIKE = /(?<!\d)\d{6}(?!\d).*(?:г\.|ул\.|город|улица|обл\.|д\.)/iu;

function addressOf(block: string): string | null {
  const lines = block.split('\n');
  for (const [i, line] of lines.entries()) {
    const label = ADDRESS_LABEL.exec(line);
    const start = label ? label.index + label[0].length : ADDRESS_LIKE.test(line) ? line.search(/\d{6}/) : -1;
    if (start < 0) continue;
    let address = line.slice(start).replace(NEXT_DETAIL, '');
    for (const next of lines.slice(i + 1)) {
      const unfinished = /[,-]\s*$/.test(address) || ADDRESS_ABBREVIATION_AT_END.test(address);
      if (!(unfinished || ADDRESS_PART.test(next)) || NOT_ADDRESS_LINE.test(next)) break;
      const part = next.replace(NEXT_DETAIL, '');
      address = `${address} ${part}`;
      if (part !== next) break;
    }
    const cleaned = address.replace(/[\s,;.]+$/, '').trim();
    if (/\d/.test(cleaned) && cleaned.length >= 8) return cleaned;
  }
  return null;
}

/** The first of the finders that answers on the sender's block, else on the whole text. */
function firstFound<T>(block: string, whole: string, find: (text: string) => T | null): T | null {
  return find(block) ?? (block === whole ? null : find(whole));
}

/** The sender's details stated in a letter's text (recognised or typed); a field not found is null. */
export function extractLetterFields(text: string, options: LetterFieldsOptions = {}): LetterFields {
  const clean = cleanRecognisedText(text);
  const block = senderBlock(clean);
  const today = options.today ?? operatorToday();
  return {
    fullName: fullNameOf(clean),
    birthDate: firstFound(block, clean, (t) => birthDateOf(t, today)),
    phone: firstFound(block, clean, phoneOf),
    email: firstFound(block, clean, emailOf),
    address: firstFound(block, clean, addressOf),
  };
}

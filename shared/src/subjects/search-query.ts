// What a registrar types or pastes into the subject search («от Ивановой М.П., тел. 8 912 345-67-89»), taken apart
// into the keys the search looks up: name words (each with its stem and other readings), full phones, phone tails,
// e-mails, birth dates and external ids. Everything here is pure; the server decides how to combine the keys.

import { extractBirthDates } from './birth-date';
import { extractEmails } from './email-normalise';
import { nameStem, normaliseName } from './name-normalise';
import { normalisePhone, phoneFragment } from './phone-normalise';
import { latinToCyrillic, latinToCyrillicCandidates } from './transliteration';
import { layoutReadings, looksLikeWrongLayout, mayBeWrongLayout } from './wrong-layout';

/** Longer input is cut: a search box is not for whole letters, and the work per query stays bounded. */
export const MAX_QUERY_LENGTH = 200;

export type NameWordSource = 'cyrillic' | 'latin' | 'layout';

export interface NameWord {
  /** As typed. */
  raw: string;
  /** Cyrillic, lower-case, ё → е: the word itself, its transliteration or its layout fix. */
  normalised: string;
  /** nameStem(normalised); for an initial, the letter. */
  stem: string;
  isInitial: boolean;
  source: NameWordSource;
  /** Stems of the other plausible readings of a Latin word (transliteration variants, layout fix), best first. */
  alternatives?: string[];
}

export interface SearchQuery {
  nameWords: NameWord[];
  /** Canonical '7XXXXXXXXXX'. */
  phones: string[];
  /** 4–9 trailing digits of a phone. */
  phoneFragments: string[];
  /** Lower-cased. */
  emails: string[];
  /** ISO dates. */
  birthDates: string[];
  /** Record numbers of other systems («DEMO-0000123», «№ 4512»), upper-cased as typed. */
  externalIds: string[];
}

export interface ParseOptions {
  /** ISO date that birth dates may not be after; the operator's today by default. */
  today?: string;
}

// Words of letters and forms around the data, compared without dots: «г.р.» is «гр».
const STOP_WORDS = new Set(
  `от до для из по на за об о в с к у и а я
   гражданин гражданина гражданину гражданином гражданка гражданки гражданке гражданку гражданкой
   пациент пациента пациенту пациентом пациенте пациентка пациентки пациентке пациентку пациенткой
   заявитель заявителя заявительница гр др г р д т н ф фио
   тел телефон телефона тлф моб мобильный сот сотовый номер
   email e-mail емейл имейл эл почта почты адрес ул кв
   дата рождения рожд род родился родилась года год
   прошу просит мой моя мое мои моего моей моих мою моему моим
   уважаемые здравствуйте заявление
   from tel phone mobile mail dob born mr mrs ms dear no name`.split(/\s+/),
);

// Latin letters and letter groups that stand for one Cyrillic letter, so that «Yu.» and «Zh.» are initials.
const LATIN_INITIAL = /^(?:[a-z]|yu|ya|yo|ye|iu|ia|zh|kh|ch|sh|ts|shch)$/i;

/** Record numbers: a Latin prefix, a hyphen or slash and at least three digits («DEMO-0000123», «MIS/12345»). */
const EXTERNAL_ID = /^[a-z]{1,10}[-/]\d{3,}$/i;
const NUMBER_SIGN = /^(?:№|#)(.*)$/;

const EMOJI_AND_CONTROLS = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
const SEPARATORS = /[,;:!?()«»"“”„<>[\]{}\\|/…]+/;
const LAYOUT_TOKEN = /^[a-z[\]{};:'",.<>`~-]+$/i;
const PHONE_PIECE = /^\+?[\d.-]*\d[\d.-]*$/;
const CYRILLIC = /[\u0400-\u04FF]/;
const LETTER = /\p{L}/u;

/** Takes a query apart. Never throws; anything it cannot read is left out. */
export function parseSearchQuery(text: string, options: ParseOptions = {}): SearchQuery {
  const input = text.normalize('NFC').slice(0, MAX_QUERY_LENGTH).replace(EMOJI_AND_CONTROLS, ' ');
  const { emails, rest: withoutEmails } = extractEmails(input);
  const { dates, rest } = extractBirthDates(withoutEmails, options.today);
  const { pieces, externalIds } = splitPieces(rest);
  const { phones, phoneFragments } = readPhones(pieces);
  return {
    nameWords: withRepeatedInitials(
      input,
      uniqueWords(pieces.flatMap((piece) => (PHONE_PIECE.test(piece) ? [] : readNameWords(piece)))),
    ),
    phones,
    phoneFragments,
    emails,
    birthDates: dates,
    externalIds,
  };
}

/**
 * Equal name words count once, but a repeated initial is a second name that starts with the same letter
 * (Александр Александрович, Ольга Олеговна): «Семенов Я.Я.» keeps «я» twice, as often as the text writes it
 * as an initial — its letters and a dot, not inside a longer word («Я.Я.», «Я. Я.», «Yu.Yu.»).
 */
function withRepeatedInitials(text: string, unique: readonly NameWord[]): NameWord[] {
  const nameWords: NameWord[] = [];
  for (const word of unique) {
    nameWords.push(word);
    if (!word.isInitial) continue;
    const escaped = word.raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const times = text.match(new RegExp(`(?<!\\p{L})${escaped}\\.`, 'gu'))?.length ?? 1;
    for (let i = 1; i < times; i++) nameWords.push(word);
  }
  return nameWords;
}

/**
 * Whitespace tokens cut at separators and at letter/digit boundaries («тел.8912…», «Петров4567»), in order. A
 * token that may be a word typed with the wrong layout stays whole: its commas and dots are letters (б, ю).
 */
function splitPieces(text: string): { pieces: string[]; externalIds: string[] } {
  const pieces: string[] = [];
  const externalIds: string[] = [];
  let numberFollows = false;
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const sign = NUMBER_SIGN.exec(token);
    const id = sign ? sign[1] : (numberFollows && /\d/.test(token)) || EXTERNAL_ID.test(token) ? token : null;
    numberFollows = sign?.[1] === '';
    if (id && /[\p{L}\p{N}]/u.test(id)) {
      externalIds.push(id.replace(/[.,;:]+$/, '').toUpperCase());
      continue;
    }
    if (LAYOUT_TOKEN.test(token) && mayBeWrongLayout(token)) {
      pieces.push(token);
      continue;
    }
    const glued = token.replace(/(\p{L}\.?)(?=[+]?\d)/gu, '$1 ').replace(/(\d)(?=\p{L})/gu, '$1 ');
    for (const part of glued.split(/\s+/)) {
      pieces.push(...part.split(SEPARATORS).map(trimPiece).filter(Boolean));
    }
  }
  return { pieces, externalIds: [...new Set(externalIds)] };
}

/** Leading dots and edge hyphens and apostrophes are punctuation; a trailing dot stays, it marks an initial. */
function trimPiece(piece: string): string {
  return piece.replace(/^[-'.]+/, '').replace(/[-']+$/, '');
}

/**
 * Runs of adjacent number pieces, which people split with spaces («8 912 345 67 89»), read left to right: the
 * longest prefix of whole pieces that makes a phone, else up to nine digits as a phone's tail.
 */
function readPhones(pieces: readonly string[]): { phones: string[]; phoneFragments: string[] } {
  const phones = new Set<string>();
  const fragments = new Set<string>();
  for (const run of phoneRuns(pieces)) {
    let i = 0;
    while (i < run.length) {
      let digits = '';
      let phone: { value: string; next: number } | null = null;
      for (let j = i; j < run.length && digits.length < 11; j++) {
        digits += run[j];
        const value = normalisePhone(digits);
        if (value) phone = { value, next: j + 1 };
      }
      if (phone) {
        phones.add(phone.value);
        i = phone.next;
        continue;
      }
      let tail = '';
      let j = i;
      while (j < run.length && tail.length + (run[j]?.length ?? 0) <= 9) tail += run[j++];
      const fragment = phoneFragment(tail);
      if (fragment) fragments.add(fragment);
      i = Math.max(j, i + 1);
    }
  }
  return { phones: [...phones], phoneFragments: [...fragments] };
}

/** Consecutive number pieces, each reduced to its digits. */
function phoneRuns(pieces: readonly string[]): string[][] {
  const runs: string[][] = [[]];
  for (const piece of pieces) {
    if (PHONE_PIECE.test(piece)) runs[runs.length - 1]?.push(piece.replace(/\D/g, ''));
    else if (runs[runs.length - 1]?.length) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

/** The name words of one piece: none for a stop word, several for «М.П.Иванова». */
function readNameWords(piece: string): NameWord[] {
  if (!LETTER.test(piece)) return [];
  // «Г.Р.» are initials, «г.р.» is «год рождения».
  if (/^(\p{Lu}\.)+$/u.test(piece)) return piece.split('.').filter(Boolean).map(initial);
  if (isStopWord(piece)) return [];
  if (LAYOUT_TOKEN.test(piece) && mayBeWrongLayout(piece)) return [latinWord(piece)];
  const parts = piece.split('.');
  return parts.flatMap((part, i) => {
    if (!LETTER.test(part)) return [];
    const dotted = i < parts.length - 1;
    if (isInitialPart(part, dotted)) return [initial(part)];
    return isStopWord(part) ? [] : [fullWord(part)];
  });
}

function isStopWord(piece: string): boolean {
  return STOP_WORDS.has(normaliseName(piece).replace(/\./g, ''));
}

/** One letter, or a Latin group for one Cyrillic letter if a dot follows; a lone lower-case letter may be a word. */
function isInitialPart(part: string, dotted: boolean): boolean {
  if ([...part].length === 1) return dotted || part !== part.toLowerCase() || !isStopWord(part);
  return dotted && LATIN_INITIAL.test(part);
}

function initial(part: string): NameWord {
  const cyrillic = CYRILLIC.test(part);
  const letter = normaliseName(cyrillic ? part : latinToCyrillic(part));
  return { raw: part, normalised: letter, stem: letter, isInitial: true, source: cyrillic ? 'cyrillic' : 'latin' };
}

function fullWord(part: string): NameWord {
  if (CYRILLIC.test(part)) {
    const normalised = normaliseName(part);
    return { raw: part, normalised, stem: nameStem(normalised), isInitial: false, source: 'cyrillic' };
  }
  return latinWord(part);
}

/** A Latin word: its transliterations, and its layout fix when the keys may have been meant as Russian. */
function latinWord(raw: string): NameWord {
  const letters = raw.replace(/[,.]+$/, '');
  const transliterations = /^[a-z'-]+$/i.test(letters) ? latinToCyrillicCandidates(letters) : [];
  const layout = mayBeWrongLayout(raw) ? layoutReadings(raw) : [];
  const readings = looksLikeWrongLayout(raw) ? [...layout, ...transliterations] : [...transliterations, ...layout];
  const [normalised = ''] = readings;
  const stems = [...new Set(readings.map(nameStem))];
  const [stem = '', ...alternatives] = stems;
  const source = layout.includes(normalised) ? 'layout' : 'latin';
  return { raw, normalised, stem, isInitial: false, source, ...(alternatives.length > 0 ? { alternatives } : {}) };
}

/** The first of each distinct word (an initial and a word with the same stem are different words). */
function uniqueWords(words: readonly NameWord[]): NameWord[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = `${word.isInitial}:${word.stem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

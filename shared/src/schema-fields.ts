import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';
import { msgText } from './messages/catalogue';

// Field schemas every domain's inputs are built from, so a rule for text, ids and dates is written once.
// Every text input goes through safeString: PostgreSQL refuses a NUL byte in text and a lone UTF-16
// surrogate in jsonb, so without it such input fails half-way in the database as a 500.

// Messages are catalogue refs (shared/src/messages): the server answers in Russian, forms in the reader's language.
const UNSAFE_TEXT_MESSAGE = msgText('validation.unsafeText');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No NUL byte and no lone surrogate: what PostgreSQL can store in text and jsonb. */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** Every string inside a JSON-like value is safe (free-form inputs that land in jsonb). */
export function isSafeDeep(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isSafeText(value);
  if (value === null || typeof value !== 'object') return true;
  if (depth > 64) return false;
  const entries = Array.isArray(value) ? value : Object.entries(value).flat();
  return entries.every((item) => isSafeDeep(item, depth + 1));
}

/** `z.string()` for inputs: use this one everywhere a string comes from outside. */
export const safeString = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE, abort: true });

/** Free-form JSON (a calendar file): any shape, checked later, but its strings already safe. */
export const safeJson = z.unknown().refine(isSafeDeep, { error: UNSAFE_TEXT_MESSAGE });

/** Row ids: user, catalogue and view ids are `integer` columns; no id may exceed PostgreSQL's int4. */
export const INT4_MAX = 2_147_483_647;
export const id = z
  .number({ error: msgText('validation.idExpected') })
  .int(msgText('validation.intIdExpected'))
  .positive(msgText('validation.idExpected'))
  .max(INT4_MAX, msgText('validation.noSuchId'));
/** Positions in `bigint` sequences (the audit trail's seq). */
export const bigId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER, msgText('validation.numberTooBig'));
export const version = z.number().int().positive().max(INT4_MAX, msgText('validation.badVersion'));

/** A real `YYYY-MM-DD` date within [earliest, latest]: far dates once reached the calendar code as a 500. */
export const isoDateBetween = (earliest: string, latest: string) =>
  safeString()
    .refine(isIsoDate, { error: msgText('validation.dateFormat'), abort: true })
    .refine((date) => date >= earliest && date <= latest, {
      error: msgText('validation.dateBetween', { earliest, latest }),
    });

/** Dates PD Desk works with — registrations, letters, deadlines: nothing before 2000 or after 2100. */
export const isoDateSchema = isoDateBetween('2000-01-01', '2100-12-31');
/** Dates about a person's past (birth, consent given): back to 1900, as birth-date.ts reads them. */
export const pastIsoDateSchema = isoDateBetween('1900-01-01', '2100-12-31');
export const text = (max: number) => safeString().trim().max(max, msgText('validation.tooLong', { max }));
export const required = (max: number, message: string) => text(max).min(1, message);

import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';

// Field schemas every domain's inputs are built from, so a rule for text or ids is written once.

export const id = z.number().int().positive();
export const version = z.number().int().positive();
export const isoDateSchema = z.string().refine(isIsoDate, { error: 'Ожидается дата в формате ГГГГ-ММ-ДД' });
export const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);
export const required = (max: number, message: string) => text(max).min(1, message);

// NUL cannot be stored in PostgreSQL text, a lone surrogate cannot be encoded as UTF-8: both are refused
// at the schema as a clear 400 rather than a 500 from the database or a mangled PDF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isSafeText = (value: string) => !UNSAFE_TEXT.test(value);
const UNSAFE_TEXT_MESSAGE = 'Текст содержит недопустимые символы';

/** `text` that refuses NUL bytes and lone surrogates. */
export const safeText = (max: number) => text(max).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE });
export const safeRequired = (max: number, message: string) =>
  required(max, message).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE });

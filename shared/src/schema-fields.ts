import { z } from 'zod';
import { isIsoDate } from './calendar/iso-date';

// Field schemas every domain's inputs are built from, so a rule for text or ids is written once.

export const id = z.number().int().positive();
export const version = z.number().int().positive();
export const isoDateSchema = z.string().refine(isIsoDate, { error: 'Ожидается дата в формате ГГГГ-ММ-ДД' });
export const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);
export const required = (max: number, message: string) => text(max).min(1, message);

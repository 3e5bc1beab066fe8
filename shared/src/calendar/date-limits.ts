import { type MessageRef, msg } from '../messages/catalogue';
import { addDays } from './iso-date';

/**
 * Dates an officer types about the past — a letter's receipt, its postmark, a letter sent, a withdrawal — cannot
 * be after today in the operator's zone (the caller passes `clock.today()`, never the browser's or server's day).
 * One rule for the server, which refuses, and the forms, which cap their pickers and say why inline.
 */

/** How each kind of date is named in the refusal: «Дата получения 30.12.2026 позже сегодняшней (01.12.2026)». */
export const PAST_DATE_LABELS = {
  received: msg('dates.received'),
  postmark: msg('dates.postmark'),
  sent: msg('dates.sent'),
  withdrawal: msg('dates.withdrawal'),
  decided: msg('dates.decided'),
  established: msg('dates.established'),
  filed: msg('dates.filed'),
  collected: msg('dates.collected'),
  consentGiven: msg('dates.consentGiven'),
} as const;
export type PastDateKind = keyof typeof PAST_DATE_LABELS;

/** A received letter older than this may have its legal clock nearly run out: the form warns, the server accepts. */
export const LONG_PAST_DAYS = 30;

/** The refusal for a date after `today`, or null when the date is today or earlier. */
export function futureDateProblem(kind: PastDateKind, date: string, today: string): MessageRef | null {
  if (date <= today) return null;
  return msg('dates.afterToday', { what: PAST_DATE_LABELS[kind], date, today });
}

/** More than `days` days before today: worth a second look, not a refusal. */
export function isLongPast(date: string, today: string, days = LONG_PAST_DAYS): boolean {
  return date < addDays(today, -days);
}

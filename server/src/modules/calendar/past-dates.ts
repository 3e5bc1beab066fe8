import { futureDateProblem, PAST_DATE_LABELS, type PastDateKind } from '@pd-desk/shared/calendar/date-limits';
import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import { msg } from '@pd-desk/shared/messages/catalogue';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';

/**
 * The server's side of shared/src/calendar/date-limits.ts: a date of something that already happened (a letter
 * received, a postmark, a letter sent) after today in the operator's zone is refused, whatever the browser allowed.
 */
export function refuseFutureDate(clock: Clock, kind: PastDateKind, date: string | null | undefined): void {
  if (!date) return;
  const problem = futureDateProblem(kind, date, clock.today());
  if (problem) throw new DomainError('BAD_REQUEST', problem, 'date_in_future');
}

/** A clock set a minute apart from the server's must not refuse «now» typed in a form. */
const INSTANT_TOLERANCE_MS = 60_000;

/** The same for a moment (an incident established at): after now, by more than a minute, is refused. */
export function refuseFutureInstant(clock: Clock, kind: PastDateKind, at: Date): void {
  const now = clock.now();
  if (at.getTime() <= now.getTime() + INSTANT_TOLERANCE_MS) return;
  const wall = (instant: Date) => {
    const [date = '', time = ''] = formatInstant(instant, clock.timeZone).split('T');
    return `${ruDate(date)} ${time.slice(0, 5)}`;
  };
  throw new DomainError(
    'BAD_REQUEST',
    msg('dates.afterNow', { what: PAST_DATE_LABELS[kind], at: wall(at), now: wall(now) }),
    'date_in_future',
  );
}

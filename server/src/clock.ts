import { todayIn } from '@pd-desk/shared/calendar/deadlines';

/**
 * What services ask for the time: the instant, and the calendar date in the operator's zone (legal
 * clocks count Russian working days there). Tests pass a fixed clock instead of faking `Date`.
 */
export type Clock = {
  readonly timeZone: string;
  now(): Date;
  /** YYYY-MM-DD in `timeZone`. */
  today(): string;
};

export function systemClock(timeZone: string): Clock {
  return { timeZone, now: () => new Date(), today: () => todayIn(timeZone) };
}

/** Always `instant`; a fresh Date each call, so a caller mutating one cannot move the clock. */
export function fixedClock(instant: Date | string, timeZone: string): Clock {
  const at = new Date(instant).getTime();
  if (Number.isNaN(at)) throw new Error(`fixedClock: not an instant: ${String(instant)}`);
  return { timeZone, now: () => new Date(at), today: () => todayIn(timeZone, new Date(at)) };
}

import { FILING_KINDS, FILING_RULES, type FilingKind } from '@pd-desk/shared/breaches/breach-model';
import { type HourClock, hourClock } from '@pd-desk/shared/calendar/hour-clocks';
import { formatInstant } from '@pd-desk/shared/calendar/instant';

type Filed = { filedAt: string | Date; portalReference: string } | null;

/** A clock either runs, or stopped when its filing was recorded (late if after the due instant). */
export type BreachClock = HourClock & {
  kind: FilingKind;
  filed: { at: string; portalReference: string; late: boolean } | null;
};

/** Both clocks of an incident; the due instants are `YYYY-MM-DDTHH:MM±HH:MM` in the operator's zone. */
export function breachClocks(
  row: { establishedAt: Date; status: string; notice: Filed; report: Filed },
  now: Date,
  timeZone: string,
): BreachClock[] {
  return FILING_KINDS.map((kind) => {
    const filing = row[kind];
    const filedAt = filing ? new Date(filing.filedAt) : null;
    // A filed or closed clock stops: it is shown at the moment it stopped, never running on.
    const stoppedAt = filedAt ?? (row.status === 'closed' ? now : null);
    const clock = hourClock(FILING_RULES[kind], row.establishedAt, stoppedAt ?? now, timeZone);
    return {
      ...clock,
      kind,
      filed:
        filing && filedAt
          ? {
              at: formatInstant(filedAt, timeZone),
              portalReference: filing.portalReference,
              late: filedAt.getTime() > clock.dueAt.getTime(),
            }
          : null,
    };
  });
}

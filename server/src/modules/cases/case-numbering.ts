import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { registrationCounters } from '../../db/schema/cases';
import { getSetting } from '../settings/settings.service';

export type NumberSeries = 'incoming' | 'outgoing';

/** `ВХ-{YYYY}-{NNNN}` → `ВХ-2026-0007`: {YYYY}/{YY} the year, {N…} the counter padded to that width. */
export function formatRegistrationNumber(format: string, year: number, value: number): string {
  return format
    .replace(/\{YYYY\}/g, String(year))
    .replace(/\{YY\}/g, String(year % 100).padStart(2, '0'))
    .replace(/\{(N+)\}/g, (_match, ns: string) => String(value).padStart(ns.length, '0'));
}

/**
 * The next number of the series for the year, taken inside the caller's transaction. The upsert
 * locks the counter row until commit, so concurrent registrations queue; a rollback returns the
 * number, so the journal has no gaps.
 */
export async function takeRegistrationNumber(tx: Tx, series: NumberSeries, year: number): Promise<string> {
  const value = await nextCounterValue(tx, series, year);
  const numbering = await getSetting(tx, 'numbering');
  return formatRegistrationNumber(numbering[series], year, value);
}

/** The counter step alone, for series whose number format is fixed (destruction acts). */
export async function nextCounterValue(
  tx: Tx,
  series: NumberSeries | 'destruction_act',
  year: number,
): Promise<number> {
  const [row] = await tx
    .insert(registrationCounters)
    .values({ series, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [registrationCounters.series, registrationCounters.year],
      set: { lastValue: sql`${registrationCounters.lastValue} + 1` },
    })
    .returning({ value: registrationCounters.lastValue });
  if (!row) throw new Error('registration counter upsert returned nothing');
  return row.value;
}

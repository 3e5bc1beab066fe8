import { SOON_WORKING_DAYS } from '@pd-desk/shared/cases/case-model';

export type Urgency = 'overdue' | 'today' | 'soon';

/** null: the clock is calm, stopped (closed case) or cannot be read (calendar year missing). */
export function urgencyOf(workingDaysLeft: number | null | undefined): Urgency | null {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return null;
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft === 0) return 'today';
  return workingDaysLeft <= SOON_WORKING_DAYS ? 'soon' : null;
}

export const URGENCY_COLOR: Record<Urgency, string> = { overdue: 'red', today: 'orange', soon: 'yellow' };

/**
 * The urgency's words in its colour, darkened to 4.5:1 on every background a queue row takes (white, the cursor's
 * blue, the selection's teal, the overdue red): Mantine's yellow-9 is 3:1 on white, orange-9 4.3:1 (WCAG 1.4.3).
 */
export function urgencyTextColor(urgency: Urgency): string {
  return `color-mix(in srgb, var(--mantine-color-${URGENCY_COLOR[urgency]}-9) 65%, black)`;
}

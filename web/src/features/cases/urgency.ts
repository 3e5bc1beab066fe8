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

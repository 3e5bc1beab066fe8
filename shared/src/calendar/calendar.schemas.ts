import { z } from 'zod';
import { isoDateSchema, safeJson, safeString } from '../schema-fields';
import { DEADLINE_RULE_IDS } from './deadline-rules';
import { isIsoDate, isWeekend, weekdayNameRu, yearOf } from './iso-date';
import { computeYearStats } from './year-stats';

const PROVISIONAL = 'provisional';

const statusSchema = z
  .string({ error: 'status: ожидается строка' })
  .refine((status) => status === 'verified' || status.startsWith(PROVISIONAL), {
    error: 'status: ожидается «verified» или строка, начинающаяся с «provisional»',
  });

const datesSchema = z.array(safeString({ error: 'ожидается дата строкой ГГГГ-ММ-ДД' }), {
  error: 'ожидается список дат',
});

const calendarYearShape = z.object({
  year: z
    .number({ error: 'year: ожидается число' })
    .int({ error: 'year: ожидается целый год' })
    .min(1900, { error: 'year: год вне диапазона 1900–2100' })
    .max(2100, { error: 'year: год вне диапазона 1900–2100' }),
  status: statusSchema,
  source: safeString({ error: 'source: ожидается строка' }).min(1, { error: 'source: укажите источник' }),
  holidays: datesSchema,
  workingWeekends: datesSchema,
  shortened: datesSchema,
  stats: z
    .object({
      workingDays: z.number().int(),
      nonWorkingDays: z.number().int(),
      hours40: z.number().int(),
    })
    .optional(),
});

type CalendarYearShape = z.output<typeof calendarYearShape>;
type DateList = 'holidays' | 'workingWeekends' | 'shortened';

/** Date-level checks need the year, so they run on the whole object. */
function checkYear(value: CalendarYearShape, ctx: z.RefinementCtx): void {
  const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const valid = new Set<DateList>();

  for (const list of ['holidays', 'workingWeekends', 'shortened'] as const) {
    const seen = new Set<string>();
    let ok = true;
    value[list].forEach((date, index) => {
      const problem = dateProblem(list, date, value.year, seen);
      if (problem) {
        ok = false;
        report([list, index], problem);
      }
      seen.add(date);
    });
    if (ok) valid.add(list);
  }
  if (!valid.has('holidays') || !valid.has('workingWeekends')) return;

  if (valid.has('shortened')) {
    const holidays = new Set(value.holidays);
    const workingWeekends = new Set(value.workingWeekends);
    value.shortened.forEach((date, index) => {
      if (holidays.has(date) || (isWeekend(date) && !workingWeekends.has(date))) {
        report(['shortened', index], `${date}: нерабочий день не может быть сокращённым`);
      }
    });
  }

  // Published totals are the one independent check an admin has; a typo in a date shows up here.
  if (value.stats) {
    const computed = computeYearStats(value);
    for (const key of ['workingDays', 'nonWorkingDays'] as const) {
      if (value.stats[key] !== computed[key]) {
        report(['stats', key], `stats.${key} = ${value.stats[key]}, а по датам файла получается ${computed[key]}`);
      }
    }
  }
}

function dateProblem(list: DateList, date: string, year: number, seen: Set<string>): string | null {
  if (!isIsoDate(date)) return `«${date}» — не дата в формате ГГГГ-ММ-ДД`;
  if (yearOf(date) !== year) return `${date}: дата не относится к ${year} году`;
  if (seen.has(date)) return `${date}: дата указана дважды`;
  if (list === 'holidays' && isWeekend(date)) {
    return `${date}: ${weekdayNameRu(date)} — в holidays указываются только будни (пн–пт), выходные и так нерабочие`;
  }
  if (list === 'workingWeekends' && !isWeekend(date)) {
    return `${date}: ${weekdayNameRu(date)} — рабочим выходным может быть только суббота или воскресенье`;
  }
  return null;
}

export const calendarYearSchema = calendarYearShape.superRefine(checkYear).transform(({ status, ...rest }) => ({
  ...rest,
  verified: status === 'verified',
  statusNote: status === 'verified' ? null : status.slice(PROVISIONAL.length).replace(/^[\s:;—–-]+/, '') || null,
  holidays: [...rest.holidays].sort(),
  workingWeekends: [...rest.workingWeekends].sort(),
  shortened: [...rest.shortened].sort(),
}));

/** The file shape: `data/ru-<year>.json`, and what the xmlcalendar import produces. */
export type CalendarYearJson = z.input<typeof calendarYearSchema>;
export type CalendarYear = z.output<typeof calendarYearSchema>;

// ---- inputs of the calendar procedures and the `due` command ----

export const deadlineRuleSchema = z.enum(DEADLINE_RULE_IDS, { error: 'Неизвестное правило срока' });

export const importCalendarInput = z.discriminatedUnion('format', [
  /** The shape of shared/src/calendar/data/ru-<year>.json; validated by calendarYearSchema. */
  z.object({ format: z.literal('json'), year: safeJson, verified: z.boolean().optional() }),
  z.object({ format: z.literal('xml'), xml: safeString().min(1).max(200_000), verified: z.boolean().optional() }),
]);
export type ImportCalendarInput = z.infer<typeof importCalendarInput>;

export const calendarYearInput = z.object({ year: z.number().int().min(1900).max(2100) });
export const setCalendarVerifiedInput = calendarYearInput.extend({ verified: z.boolean() });

export const dueInput = z.object({
  rule: deadlineRuleSchema,
  receivedOn: isoDateSchema,
  extended: z.boolean({ error: 'Ожидается true или false' }).default(false),
});

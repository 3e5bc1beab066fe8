import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { isLongPast, LONG_PAST_DAYS } from '@pd-desk/shared/calendar/date-limits';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import { isIsoDate } from '@pd-desk/shared/calendar/iso-date';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** «30.12.2026» → 2026-12-30; anything that is not a real date stays unparsed, so the field shows it as wrong. */
export function parseDottedDate(value: string): string | null {
  const match = DOTTED.exec(value.trim());
  if (!match) return null;
  const iso = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A calendar date typed or picked as dd.mm.yyyy; the value is YYYY-MM-DD, as the API takes it. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser' | 'locale'>) {
  const { t, i18n } = useTranslation();
  const [pickerOpen, setPickerOpen] = useState(false);
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      dateParser={parseDottedDate}
      locale={i18n.language}
      placeholder={t('datePlaceholder')}
      firstDayOfWeek={1}
      // The neighbouring months' days were drawn in a pale grey (2.2:1) nobody can read: not drawn at all.
      hideOutsideDates
      // The picker's arrows are icons: without these a screen reader hears «button» and nothing else. (The month
      // and year controls keep their visible words as their names.)
      ariaLabels={{
        previousMonth: t('datePicker.previousMonth'),
        nextMonth: t('datePicker.nextMonth'),
        previousYear: t('datePicker.previousYear'),
        nextYear: t('datePicker.nextYear'),
        previousDecade: t('datePicker.previousDecade'),
        nextDecade: t('datePicker.nextDecade'),
      }}
      {...props}
      // Escape with the picker open closes the picker only: a Mantine dialog skips the Escape of an element that
      // carries this mark, and the field's own Escape then closes its dropdown. The next Escape closes the dialog.
      data-mantine-stop-propagation={pickerOpen || undefined}
      popoverProps={{
        ...props.popoverProps,
        onOpen: () => setPickerOpen(true),
        onClose: () => setPickerOpen(false),
      }}
    />
  );
}

type PastDateFieldProps = Omit<
  DateInputProps,
  'valueFormat' | 'dateParser' | 'locale' | 'maxDate' | 'excludeDate' | 'label'
> & {
  label: string;
  /** The operator's zone (`useCurrentUser().timeZone`): «today» is theirs, not the browser's. */
  timeZone: string;
  /** A date long past is worth a second look (a received letter whose clock may be running out): warn, not refuse. */
  warnLongPast?: boolean;
};

/**
 * The date of something that already happened (received, postmarked, sent): the picker stops at today in the
 * operator's zone (its later days are disabled), a typed later date is shown wrong inline (the server refuses it too: calendar/past-dates.ts).
 */
export function PastDateField({
  timeZone,
  warnLongPast = false,
  label,
  error,
  description,
  ...props
}: PastDateFieldProps) {
  const { t } = useTranslation('shell');
  const today = todayIn(timeZone);
  const value = typeof props.value === 'string' && isIsoDate(props.value) ? props.value : null;
  const future =
    value && value > today ? t('pastDate.future', { label, date: ruDate(value), today: ruDate(today) }) : null;
  const warning =
    warnLongPast && value && !future && isLongPast(value, today)
      ? t('pastDate.longPast', { days: LONG_PAST_DAYS })
      : null;
  return (
    <DateField
      {...props}
      label={label}
      // Not maxDate: DateInput silently drops a typed date past it, and the operator would never learn why.
      // Days after today are greyed out in the picker; a typed one stays and is shown wrong.
      excludeDate={(date) => date.slice(0, 10) > today}
      error={future ?? error}
      description={warning ?? description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      styles={warning ? { description: { color: 'var(--mantine-color-orange-8)' } } : undefined}
    />
  );
}

import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { isIsoDate } from '@pd-desk/shared/calendar/iso-date';
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
  const { i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      dateParser={parseDottedDate}
      locale={i18n.language}
      placeholder="дд.мм.гггг"
      firstDayOfWeek={1}
      {...props}
    />
  );
}

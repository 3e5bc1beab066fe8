import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Hint } from '../../components/ui/hint';
import { formatDate } from '../../lib/format';
import { ClockIcon, WarningIcon } from './icons';
import { urgencyOf, urgencyTextColor } from './urgency';

/** The words of the clock alone, for what is read rather than seen (the queue row's accessible name). */
export function daysLeftText(t: TFunction<'cases'>, workingDaysLeft: number | null, open: boolean): string {
  if (!open) return t('due.stopped');
  if (workingDaysLeft === null) return t('due.noCalendar');
  if (workingDaysLeft < 0) return t('due.overdue', { count: -workingDaysLeft });
  return workingDaysLeft === 0 ? t('due.today') : t('due.left', { count: workingDaysLeft });
}

/**
 * «осталось 3 рабочих дня» / «срок сегодня» / «просрочено на 1 рабочий день», coloured by urgency.
 * Plain spans, not Mantine Text/Group: the queue draws this in every row that scrolls into view.
 */
export function DaysLeft({ workingDaysLeft, open }: { workingDaysLeft: number | null; open: boolean }) {
  const { t } = useTranslation('cases');
  const text = daysLeftText(t, workingDaysLeft, open);
  if (!open) return <span style={{ color: 'var(--mantine-color-dimmed)' }}>{text}</span>;
  if (workingDaysLeft === null) return <span style={{ color: 'var(--mantine-color-red-8)' }}>{text}</span>;
  const urgency = urgencyOf(workingDaysLeft);
  if (!urgency) return <span>{text}</span>;
  // Colour, weight and an icon: the words carry the meaning for anyone who cannot tell red from orange.
  return (
    <span
      style={{
        color: urgencyTextColor(urgency),
        fontWeight: 600,
        display: 'inline-flex',
        alignItems: 'center',
        verticalAlign: 'middle',
        gap: 4,
      }}
    >
      <ClockIcon size={14} />
      {text}
    </span>
  );
}

/** A date that depends on a provisional calendar year may move once the transfer decree is out. */
export function ProvisionalMark({ focusable = false }: { focusable?: boolean }) {
  const { t } = useTranslation('cases');
  return (
    <Hint label={t('due.provisional')} multiline w={320} withArrow>
      <Text
        component="span"
        c="orange.8"
        display="inline-flex"
        role="img"
        aria-label={t('due.provisionalShort')}
        tabIndex={focusable ? 0 : undefined}
      >
        <WarningIcon size={16} />
      </Text>
    </Hint>
  );
}

type DueDateProps = {
  dueOn: string;
  workingDaysLeft: number | null;
  provisional: boolean;
  dayOff?: boolean | null;
  open: boolean;
};

/** Due date with what is left of the clock and the calendar warnings, as the case page header shows it. */
export function DueDate({ dueOn, workingDaysLeft, provisional, dayOff, open }: DueDateProps) {
  const { t } = useTranslation('cases');
  return (
    <Group gap={8} wrap="nowrap">
      <Text fw={600} inherit>
        {formatDate(dueOn)}
      </Text>
      {provisional && <ProvisionalMark focusable />}
      {dayOff && (
        <Hint label={t('due.dayOff')} multiline w={320} withArrow>
          <Badge size="sm" color="gray" variant="outline" tabIndex={0}>
            {t('due.dayOffShort')}
          </Badge>
        </Hint>
      )}
      <DaysLeft workingDaysLeft={workingDaysLeft} open={open} />
    </Group>
  );
}

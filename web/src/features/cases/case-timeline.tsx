import { Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import type { CaseEventItem } from './types';
import { useOfficers } from './use-officers';

type Change = { before: unknown; after: unknown };

/** Events keep old and new values in `details.changes` (or `details.before/after` when the calendar changed). */
function changeOf(details: CaseEventItem['details'], field: string): Change | null {
  const changes = details?.changes as Record<string, Change> | undefined;
  if (changes?.[field]) return changes[field];
  const before = details?.before as Record<string, unknown> | undefined;
  const after = details?.after as Record<string, unknown> | undefined;
  return before && after ? { before: before[field], after: after[field] } : null;
}

const dateText = (value: unknown) => (typeof value === 'string' ? formatDate(value) : '—');

/**
 * The server also stores these events' text as a Russian sentence («Исх. № … отправлено»); the title is
 * rendered from the event's code and details instead, so old rows read in English too (ADR 0020).
 */
const SELF_DESCRIBED = new Set(['created', 'letter_created', 'letter_sent']);
/** Events whose stored text is the server's Russian sentence, said again by the title; the rest carry what a person typed. */
const SERVER_WORDED = new Set([...SELF_DESCRIBED, 'due_recomputed']);

function numberedTitle(event: CaseEventItem, t: TFunction<'cases'>): string | null {
  const details = event.details ?? {};
  if (event.kind === 'created') {
    const number = changeOf(event.details, 'incomingNumber')?.after;
    return typeof number === 'string' ? t('timeline.numbered.created', { number }) : null;
  }
  const number = details.outgoingNumber;
  if (typeof number !== 'string') return null;
  if (event.kind === 'letter_sent') return t('timeline.numbered.letter_sent', { number });
  const kind = t(`letters.kinds.${String(details.letterKind)}`, { defaultValue: '' });
  return t('timeline.numbered.letter_created', { number, kind });
}

function titleOf(event: CaseEventItem, t: TFunction<'cases'>, officerName: (id: unknown) => string): ReactNode {
  const change = (field: string) => changeOf(event.details, field);
  if (SELF_DESCRIBED.has(event.kind)) return numberedTitle(event, t) ?? t(`timeline.kinds.${event.kind}`);
  switch (event.kind) {
    case 'status_changed':
    case 'reopened': {
      const status = change('status');
      return t(`timeline.kinds.${event.kind}`, {
        from: t(`statuses.${String(status?.before)}`),
        to: t(`statuses.${String(status?.after)}`),
      });
    }
    case 'extended':
    case 'due_recomputed': {
      const due = change('dueOn');
      return t(`timeline.kinds.${event.kind}`, { from: dateText(due?.before), to: dateText(due?.after) });
    }
    case 'assigned': {
      const assignee = change('assigneeId')?.after;
      if (!assignee) return t('timeline.kinds.unassigned');
      // The officer's name is Russian data: marked so an English voice does not read it (and the e2e detector skips it).
      return (
        <>
          {t('timeline.kinds.assigned')}: <span lang="ru">{officerName(assignee)}</span>
        </>
      );
    }
    default:
      return t(`timeline.kinds.${event.kind}`, { defaultValue: event.kind });
  }
}

/**
 * Every event of the case, newest first (a note just added appears under the note box): what
 * happened, who did it and when, in the operator's zone.
 */
export function CaseTimeline({ events }: { events: readonly CaseEventItem[] }) {
  const { t } = useTranslation('cases');
  const officers = useOfficers();
  const officerName = (id: unknown) => officers.find((o) => o.value === String(id))?.label ?? `№ ${String(id)}`;
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('timeline.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {[...events].reverse().map((event) => (
        <Timeline.Item
          key={event.id}
          title={
            <Text size="sm" fw={600}>
              {titleOf(event, t, officerName)}
            </Text>
          }
        >
          {event.text && !SERVER_WORDED.has(event.kind) && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang="ru">
              {event.text}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at)} · <span lang="ru">{event.actorName ?? '—'}</span>
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

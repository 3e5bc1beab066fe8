import { useTranslation } from 'react-i18next';
import { useCaseOptions } from '../cases/use-case-options';
import { useOfficers } from '../cases/use-officers';
import type { QueueFilters } from './queue-params';

export type FilterSelectsProps = { filters: QueueFilters; onChange: (patch: Partial<QueueFilters>) => void };

type Option = { value: string; label: string };
export type ListField = {
  key: 'types' | 'channels' | 'statuses';
  label: string;
  data: Option[];
  emptyLabel: string;
  width: number;
};

export const ALL = 'all';
export const ASSIGNEE_WIDTH = 180;

/**
 * The queue's choice filters as data: what the selects offer (queue-filter-selects.tsx) and what their stand-ins show
 * until the selects' code has arrived (queue-filters.tsx).
 */
export function useFilterFields(filters: QueueFilters) {
  const { t } = useTranslation('triage');
  const options = useCaseOptions();
  const officers = useOfficers();
  /** Type, channel and status: several values each; none chosen means "any" (open ones, for status). */
  const lists: ListField[] = [
    { key: 'types', label: t('filters.type'), data: options.types, emptyLabel: t('filters.anyone'), width: 200 },
    {
      key: 'channels',
      label: t('filters.channel'),
      data: options.channels,
      emptyLabel: t('filters.anyone'),
      width: 170,
    },
    {
      key: 'statuses',
      label: t('filters.status'),
      data: options.statuses,
      emptyLabel: t('filters.openStatuses'),
      width: 170,
    },
  ];
  const assignee = {
    label: t('filters.assignee'),
    value: filters.assignee === undefined ? ALL : String(filters.assignee),
    data: [
      { value: ALL, label: t('filters.anyone') },
      { value: 'me', label: t('filters.me') },
      { value: 'none', label: t('filters.none') },
      ...officers,
    ],
  };
  return { lists, assignee };
}

import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseOptions } from '../cases/use-case-options';
import { useOfficers } from '../cases/use-officers';
import type { QueueFilters } from './queue-params';

type Props = {
  filters: QueueFilters;
  onChange: (patch: Partial<QueueFilters>) => void;
  onReset: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
};

const ALL = 'all';

export function QueueFiltersBar({ filters, onChange, onReset, searchRef }: Props) {
  const { t } = useTranslation('triage');
  const options = useCaseOptions();
  const officers = useOfficers();
  // Typing stays instant; the URL (and the server) follow a moment later.
  const [search, setSearch] = useState(filters.search ?? '');
  const pushSearch = useDebouncedCallback((value: string) => onChange({ search: value.trim() || undefined }), 300);
  const assignee = filters.assignee === undefined ? ALL : String(filters.assignee);
  /** Type, channel and status: several values each; none chosen means "any" (open ones, for status). */
  const listFilter = (
    key: 'types' | 'channels' | 'statuses',
    label: string,
    data: { value: string; label: string }[],
    emptyLabel: string,
    width: number,
  ) => (
    <MultiSelect
      size="xs"
      clearable
      maxDropdownHeight={320}
      comboboxProps={{ width: 280 }}
      w={width}
      label={label}
      placeholder={filters[key]?.length ? undefined : emptyLabel}
      data={data}
      value={filters[key] ?? []}
      onChange={(values) => onChange({ [key]: values.length ? values : undefined })}
    />
  );

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        size="xs"
        w={240}
        label={t('search')}
        placeholder={t('searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          pushSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      {listFilter('types', t('filters.type'), options.types, t('filters.anyone'), 200)}
      {listFilter('channels', t('filters.channel'), options.channels, t('filters.anyone'), 170)}
      {listFilter('statuses', t('filters.status'), options.statuses, t('filters.openStatuses'), 170)}
      <Select
        size="xs"
        w={180}
        label={t('filters.assignee')}
        allowDeselect={false}
        data={[
          { value: ALL, label: t('filters.anyone') },
          { value: 'me', label: t('filters.me') },
          { value: 'none', label: t('filters.none') },
          ...officers,
        ]}
        value={assignee}
        onChange={(value) =>
          onChange({
            assignee: !value || value === ALL ? undefined : value === 'me' || value === 'none' ? value : Number(value),
          })
        }
      />
      <Button
        size="xs"
        variant="subtle"
        onClick={() => {
          setSearch('');
          onReset();
        }}
      >
        {t('filters.reset')}
      </Button>
    </Group>
  );
}

import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterFirstPaint } from '../../lib/after-first-paint';
import { ASSIGNEE_WIDTH, type FilterSelectsProps, useFilterFields } from './queue-filter-fields';
import type { QueueFilters } from './queue-params';

type Props = {
  filters: QueueFilters;
  onChange: (patch: Partial<QueueFilters>) => void;
  onReset: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
};

/** The selects' stand-ins: the same labels, widths and chosen values, read-only until the comboboxes arrive. */
function FilterSelectsPlaceholder({ filters }: FilterSelectsProps) {
  const { lists, assignee } = useFilterFields(filters);
  const chosen = (data: { value: string; label: string }[], values: string[]) =>
    data
      .filter((option) => values.includes(option.value))
      .map((option) => option.label)
      .join(', ');
  return (
    <>
      {lists.map(({ key, label, data, emptyLabel, width }) => (
        <TextInput
          key={key}
          size="xs"
          w={width}
          label={label}
          disabled
          placeholder={emptyLabel}
          value={chosen(data, filters[key] ?? [])}
          readOnly
        />
      ))}
      <TextInput
        size="xs"
        w={ASSIGNEE_WIDTH}
        label={assignee.label}
        disabled
        value={chosen(assignee.data, [assignee.value])}
        readOnly
      />
    </>
  );
}

const FilterSelects = afterFirstPaint(
  () => import('./queue-filter-selects').then((m) => m.FilterSelects),
  FilterSelectsPlaceholder,
);

export function QueueFiltersBar({ filters, onChange, onReset, searchRef }: Props) {
  const { t } = useTranslation('triage');
  // Typing stays instant; the URL (and the server) follow a moment later.
  const [search, setSearch] = useState(filters.search ?? '');
  const pushSearch = useDebouncedCallback((value: string) => onChange({ search: value.trim() || undefined }), 300);

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
      <FilterSelects filters={filters} onChange={onChange} />
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

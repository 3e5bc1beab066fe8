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
  const multi = { size: 'xs', clearable: true, maxDropdownHeight: 320, comboboxProps: { width: 280 } } as const;

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
      <MultiSelect
        {...multi}
        w={200}
        label={t('filters.type')}
        placeholder={filters.types?.length ? undefined : t('filters.anyone')}
        data={options.types}
        value={filters.types ?? []}
        onChange={(types) => onChange({ types: types.length ? (types as QueueFilters['types']) : undefined })}
      />
      <MultiSelect
        {...multi}
        w={170}
        label={t('filters.channel')}
        placeholder={filters.channels?.length ? undefined : t('filters.anyone')}
        data={options.channels}
        value={filters.channels ?? []}
        onChange={(channels) =>
          onChange({ channels: channels.length ? (channels as QueueFilters['channels']) : undefined })
        }
      />
      <MultiSelect
        {...multi}
        w={170}
        label={t('filters.status')}
        placeholder={filters.statuses?.length ? undefined : t('filters.openStatuses')}
        data={options.statuses}
        value={filters.statuses ?? []}
        onChange={(statuses) =>
          onChange({ statuses: statuses.length ? (statuses as QueueFilters['statuses']) : undefined })
        }
      />
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

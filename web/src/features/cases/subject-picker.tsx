import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

/** A linked subject as the picker shows it: the masked name from the search, or the clear one on the case page. */
export type PickedSubject = { value: string; label: string };

type Props = { label: string; value: PickedSubject[]; onChange: (value: PickedSubject[]) => void };

const MIN_QUERY = 2;

/**
 * The subject search (name in any case form, phone, e-mail, birth date) inside a multi-select.
 * The server ranks and masks; the list is shown as it comes, not filtered again here.
 */
export function SubjectPicker({ label, value, onChange }: Props) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    ...trpc.subjects.search.queryOptions({ query, limit: 10 }),
    enabled: query.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.results ?? []).map((subject) => ({
    value: String(subject.id),
    label: [subject.fullName, subject.birthDate, subject.phones[0]].filter(Boolean).join(', '),
  }));
  // Picked people stay in the list with their labels after the next search no longer finds them.
  const data = [...value, ...options.filter((option) => !value.some((v) => v.value === option.value))];
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : t('subjects.placeholder')}
      data={data}
      value={value.map((v) => v.value)}
      onChange={(ids) => onChange(ids.map((id) => data.find((d) => d.value === id) ?? { value: id, label: id }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: shown }) => shown}
      hidePickedOptions
      clearable
      maxDropdownHeight={260}
      nothingFoundMessage={query.length >= MIN_QUERY && !found.isFetching ? t('subjects.nothing') : undefined}
    />
  );
}

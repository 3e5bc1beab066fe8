import { MultiSelect, Select } from '@mantine/core';
import { ALL, ASSIGNEE_WIDTH, type FilterSelectsProps, useFilterFields } from './queue-filter-fields';

/** The queue's choice filters, with Mantine's comboboxes (queue-filters.tsx): fetched after the first paint. */
export function FilterSelects({ filters, onChange }: FilterSelectsProps) {
  const { lists, assignee } = useFilterFields(filters);
  return (
    <>
      {lists.map(({ key, label, data, emptyLabel, width }) => (
        <MultiSelect
          key={key}
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
      ))}
      <Select
        size="xs"
        w={ASSIGNEE_WIDTH}
        label={assignee.label}
        allowDeselect={false}
        data={assignee.data}
        value={assignee.value}
        onChange={(value) =>
          onChange({
            assignee: !value || value === ALL ? undefined : value === 'me' || value === 'none' ? value : Number(value),
          })
        }
      />
    </>
  );
}

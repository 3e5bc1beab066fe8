import { Checkbox, Group, Stack, Text } from '@mantine/core';
import type { BlockScopeInput } from '@pd-desk/shared/blocks/blocks.schemas';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { useTranslation } from 'react-i18next';
import type { BlockSubject } from './types';

export type Scope = Pick<BlockScopeInput, 'wholeSubject' | 'purposeIds' | 'recordIds'> & {
  fields: { recordId: number; field: PdField }[];
};
export const EMPTY_SCOPE: Scope = { wholeSubject: false, purposeIds: [], recordIds: [], fields: [] };

export function scopeChosen(s: Scope): boolean {
  return s.wholeSubject || s.purposeIds.length + s.recordIds.length + s.fields.length > 0;
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
  on ? [...list, item] : list.filter((x) => x !== item);

/**
 * The scope as a tree: all the subject's data; or purposes; or records, each whole or by single fields (only the
 * booking record's phone). A wider choice greys out the narrower ones under it.
 */
export function BlockScopePicker({
  records,
  value,
  onChange,
}: {
  records: BlockSubject['records'];
  value: Scope;
  onChange: (s: Scope) => void;
}) {
  const { t, i18n } = useTranslation('blocks');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const usable = records.filter((r) => r.state === 'active' || r.state === 'blocked');
  const purposes = [...new Map(usable.map((r) => [r.purpose.id, r.purpose])).values()];
  const hasField = (recordId: number, field: PdField) =>
    value.fields.some((f) => f.recordId === recordId && f.field === field);
  return (
    <Stack gap={6}>
      <Checkbox
        label={t('dialog.whole')}
        checked={value.wholeSubject}
        onChange={(e) => onChange({ ...value, wholeSubject: e.currentTarget.checked })}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t('dialog.purposes')}
      </Text>
      <Group gap="md">
        {purposes.map((p) => (
          <Checkbox
            key={p.id}
            size="xs"
            label={p.name}
            disabled={value.wholeSubject}
            checked={value.wholeSubject || value.purposeIds.includes(p.id)}
            onChange={(e) =>
              onChange({ ...value, purposeIds: toggle(value.purposeIds, p.id, e.currentTarget.checked) })
            }
            maw={300}
          />
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('dialog.records')}
      </Text>
      {usable.map((r) => {
        const wider = value.wholeSubject || value.purposeIds.includes(r.purpose.id);
        const whole = wider || value.recordIds.includes(r.id);
        return (
          <Stack key={r.id} gap={2} pl="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            <Checkbox
              size="xs"
              label={`${r.system.name} — ${r.purpose.name} (№ ${r.id})`}
              disabled={wider}
              checked={whole}
              onChange={(e) =>
                onChange({ ...value, recordIds: toggle(value.recordIds, r.id, e.currentTarget.checked) })
              }
            />
            <Group gap="sm" pl="lg">
              <Text size="xs" c="dimmed">
                {t('dialog.fieldsOf')}
              </Text>
              {r.dataFields.map((field) => (
                <Checkbox
                  key={field}
                  size="xs"
                  label={PD_FIELD_LABELS[field][lang]}
                  aria-label={`${PD_FIELD_LABELS[field][lang]} — ${r.system.name} № ${r.id}`}
                  disabled={whole}
                  checked={whole || hasField(r.id, field)}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      fields: e.currentTarget.checked
                        ? [...value.fields, { recordId: r.id, field }]
                        : value.fields.filter((f) => !(f.recordId === r.id && f.field === field)),
                    })
                  }
                />
              ))}
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}

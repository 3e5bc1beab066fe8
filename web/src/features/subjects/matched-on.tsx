import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** «Совпало по»: one badge per key the person matched on; identifiers stand out from name parts. */
export function MatchedOn({ fields }: { fields: readonly string[] }) {
  const { t } = useTranslation('subjects');
  const identifiers = new Set(['phone', 'phone_tail', 'email', 'external_id', 'birth_date']);
  return (
    <Group gap={4}>
      {fields.map((field) => (
        <Badge key={field} size="sm" variant="light" color={identifiers.has(field) ? 'teal' : 'blue'} tt="none">
          {t(`matched.${field}`)}
        </Badge>
      ))}
    </Group>
  );
}

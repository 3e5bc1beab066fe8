import { Badge } from '@mantine/core';
import type { RecordState } from '@pd-desk/shared/subjects/pd-records';
import { useTranslation } from 'react-i18next';

const COLORS: Record<RecordState, string> = {
  active: 'teal',
  blocked: 'red',
  processing_stopped: 'orange',
  destroyed: 'gray',
  anonymised: 'violet',
};

export function RecordStateBadge({ state }: { state: RecordState }) {
  const { t } = useTranslation('subjects');
  return (
    <Badge size="sm" variant="light" color={COLORS[state]} tt="none">
      {t(`states.${state}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import type { CaseStatus } from '@pd-desk/shared/cases/case-model';
import { useTranslation } from 'react-i18next';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  identity_check: 'cyan',
  in_work: 'teal',
  answered: 'green',
  closed: 'gray',
  rejected: 'red',
};

export function StatusBadge({ status, size = 'md' }: { status: CaseStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation('cases');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type FormActionsProps = {
  onCancel: () => void;
  loading?: boolean;
  disabled?: boolean;
  submitLabel?: string;
};

/** The footer every modal form shares: «Отмена» closes without saving, the submit button shows progress. */
export function FormActions({ onCancel, loading, disabled, submitLabel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel ?? t('actions.save')}
      </Button>
    </Group>
  );
}

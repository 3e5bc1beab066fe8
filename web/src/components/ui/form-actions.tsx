import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormActionsProps = {
  onCancel: () => void;
  loading?: boolean;
  disabled?: boolean;
  submitLabel?: string;
  /** A warning colour for a change that is hard to take back (a merge, a withdrawal). */
  submitColor?: ButtonProps['color'];
  /** Without a surrounding <form> (a modal that only confirms): the submit button calls this instead. */
  onSubmit?: () => void;
  /** Puts the focus on the submit button when the modal opens, so Enter confirms at once. */
  autoFocusSubmit?: boolean;
  /** Further buttons between «Отмена» and the submit button («Сохранить и следующее»). */
  children?: ReactNode;
};

/** The footer every modal form shares: «Отмена» closes without saving, the submit button shows progress. */
export function FormActions(props: FormActionsProps) {
  const { onCancel, loading, disabled, submitLabel, submitColor, onSubmit, autoFocusSubmit, children } = props;
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      {children}
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit}
        color={submitColor}
        loading={loading}
        disabled={disabled}
        data-autofocus={autoFocusSubmit || undefined}
      >
        {submitLabel ?? t('actions.save')}
      </Button>
    </Group>
  );
}

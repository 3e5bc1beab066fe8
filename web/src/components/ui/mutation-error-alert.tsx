import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/server-messages';
import { errorCode, isApiError } from '../../lib/trpc';

type Props = { error: unknown; onReload: () => void; reloadLabel?: string };

/**
 * A failed change stays on screen next to what caused it. CONFLICT means a colleague saved first:
 * nothing of theirs was overwritten, and reloading keeps whatever was typed in the open form.
 */
export function MutationErrorAlert({ error, onReload, reloadLabel }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const conflict = errorCode(error) === 'CONFLICT';
  const message =
    isApiError(error) && errorCode(error) !== 'INTERNAL_SERVER_ERROR' ? errorText(error) : t('errors.generic');
  return (
    <Alert color={conflict ? 'orange' : 'red'} title={conflict ? t('conflict.title') : undefined} role="alert">
      <Group justify="space-between" wrap="nowrap" align="center">
        <Text size="sm">{message}</Text>
        {conflict && (
          <Button size="xs" variant="white" color="orange" onClick={onReload}>
            {reloadLabel ?? t('conflict.reload')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

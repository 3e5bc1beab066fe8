import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { secret: string | null; title: string; text: string; onClose: () => void };

/** A key or signing secret, shown once after it is made: PD Desk cannot show it again. */
export function SecretOnceModal({ secret, title, text, onClose }: Props) {
  const { t } = useTranslation('integrations');
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg">
      <Stack>
        <Alert color="yellow">{text}</Alert>
        <Code block data-testid="secret-once">
          {secret}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('copied') : t('copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-autofocus>
            {t('done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

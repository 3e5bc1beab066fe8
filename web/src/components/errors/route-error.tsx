import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown by the router when a screen throws while rendering: the app stays usable. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Stack align="center" maw={420}>
        <Title order={1} size="h3">
          {t('errors.boundaryTitle')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('errors.boundaryText')}
        </Text>
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
      </Stack>
    </Center>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A section announced in the navigation whose screens land in a later issue. */
export default function ComingSoon({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t(`nav.${section}`)}</Title>
      <Text fw={500}>{t('comingSoon.title')}</Text>
      <Text c="dimmed">{t('comingSoon.text')}</Text>
    </Stack>
  );
}

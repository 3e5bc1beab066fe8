import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../ui/page-header';

/** A section announced in the navigation whose screens land in a later issue. */
export default function ComingSoon({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t(`nav.${section}`)} />
      <Text fw={500}>{t('comingSoon.title')}</Text>
      <Text c="dimmed">{t('comingSoon.text')}</Text>
    </Stack>
  );
}

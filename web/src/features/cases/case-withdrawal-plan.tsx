import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';

/** A consent withdrawal is worked in its action plan (mail area): what stops, what is kept, the answer, the act. */
export function CaseWithdrawalPlan({ caseId }: { caseId: number }) {
  const { t } = useTranslation('cases');
  return (
    <Section title={t('withdrawalPlan.title')}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('withdrawalPlan.hint')}
        </Text>
        <Button component={Link} to={paths.mailPlan.href(caseId)} size="xs" variant="light">
          {t('withdrawalPlan.open')}
        </Button>
      </Group>
    </Section>
  );
}

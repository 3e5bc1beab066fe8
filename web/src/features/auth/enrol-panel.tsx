import { Button, Code, Group, Image, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeForm } from './code-form';

export type Enrolment = { secret: string; qrDataUrl: string };

type EnrolProps = {
  enrolment: Enrolment;
  confirming: boolean;
  error: string | null;
  onConfirm: (code: string) => void;
};

/** The QR code to scan, the same key as text for typing in by hand, and the first code to prove it worked. */
export function EnrolPanel({ enrolment, confirming, error, onConfirm }: EnrolProps) {
  const { t } = useTranslation('auth');
  return (
    <Stack>
      <Text size="sm">{t('enrol.steps')}</Text>
      <Group align="flex-start" wrap="nowrap">
        <Image src={enrolment.qrDataUrl} alt={t('enrol.qrAlt')} w={180} h={180} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {t('enrol.manual')}
          </Text>
          <Code block style={{ whiteSpace: 'normal', wordSpacing: '0.3em' }} data-testid="totp-secret">
            {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
          </Code>
        </Stack>
      </Group>
      <CodeForm submitLabel={t('enrol.confirm')} loading={confirming} error={error} onSubmit={onConfirm} />
    </Stack>
  );
}

/**
 * Shown exactly once, right after enrolment: the server keeps only their hashes. `headingOrder`: the page's h1 when
 * the panel is the whole sign-in step, a level under the card's h2 on the security page.
 */
export function RecoveryCodesPanel({
  codes,
  onDone,
  headingOrder,
}: {
  codes: string[];
  onDone: () => void;
  headingOrder: 1 | 3;
}) {
  const { t } = useTranslation('auth');
  return (
    <Stack>
      <Title order={headingOrder} size="h3">
        {t('recovery.title')}
      </Title>
      <Text size="sm">{t('recovery.hint')}</Text>
      <List
        spacing={2}
        data-testid="recovery-codes"
        styles={{ item: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Button onClick={onDone} autoFocus>
        {t('recovery.saved')}
      </Button>
    </Stack>
  );
}

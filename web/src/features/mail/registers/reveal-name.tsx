import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../lib/trpc';

/** A masked name with «Показать»: opening it is a view of personal data, audited on the server. */
export function RevealName(props: {
  masked: string;
  register: 'incoming' | 'outgoing';
  id: number;
  number: string;
  /** An authority (Roskomnadzor) is shown by name: there is nothing to open. */
  personal: boolean;
}) {
  const { t } = useTranslation('mailRegisters');
  const trpc = useTRPC();
  const reveal = useMutation(trpc.mail.registers.reveal.mutationOptions());
  if (!props.personal) return <Text size="sm">{props.masked}</Text>;
  if (reveal.data) {
    return (
      <Text size="sm" fw={500}>
        {reveal.data.name}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{props.masked}</Text>
      <Button
        size="compact-xs"
        variant="subtle"
        loading={reveal.isPending}
        onClick={() => reveal.mutate({ register: props.register, id: props.id })}
        aria-label={t('showLabel', { number: props.number })}
      >
        {t('show')}
      </Button>
    </Group>
  );
}

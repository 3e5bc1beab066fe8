import { Alert, Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type Letterhead,
  letterheadSchema,
  type Numbering,
  numberingSchema,
} from '@pd-desk/shared/cases/cases.schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrorFor } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';

/** What a format gives for the first number of this year: «ВХ-{YYYY}-{NNNN}» → «ВХ-2026-0001». */
function exampleNumber(format: string): string {
  return format
    .replace('{YYYY}', String(new Date().getFullYear()))
    .replace(/\{(N+)\}/, (_match, digits: string) => '1'.padStart(digits.length, '0'));
}

export default function LetterheadRoute() {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const letterhead = useQuery(trpc.settings.letterhead.queryOptions());
  const numbering = useQuery(trpc.settings.numbering.queryOptions());
  return (
    <Stack gap="sm">
      <div>
        <Title order={2}>{t('settings.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('settings.subtitle')}
        </Text>
      </div>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {letterhead.data && <LetterheadForm initial={letterhead.data} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>{numbering.data && <NumberingForm initial={numbering.data} />}</Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Blank optional fields are left out: an empty e-mail is "no e-mail", not an invalid one. */
function withoutBlanks<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as T;
}

function LetterheadForm({ initial }: { initial: Letterhead }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Letterhead>({
    initialValues: { ...initial, phone: initial.phone ?? '', email: initial.email ?? '' },
    validate: (values) => schemaResolver(letterheadSchema, { sync: true })(withoutBlanks(values)),
  });
  const save = useMutation({
    ...trpc.settings.setLetterhead.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('settings.saved') });
      form.resetDirty();
      await queryClient.invalidateQueries(trpc.settings.pathFilter());
    },
    onError: (error) => setFormError(serverErrorFor(form, error)),
  });
  return (
    <Paper withBorder p="sm">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          save.mutate(letterheadSchema.parse(withoutBlanks(values)));
        })}
      >
        <Stack gap="xs">
          <Title order={4}>{t('settings.letterhead')}</Title>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput label={t('settings.operatorName')} withAsterisk {...form.getInputProps('operatorName')} />
          <TextInput label={t('settings.address')} withAsterisk {...form.getInputProps('address')} />
          <TextInput
            label={t('settings.responsiblePerson')}
            withAsterisk
            {...form.getInputProps('responsiblePerson')}
          />
          <TextInput label={t('settings.responsiblePosition')} {...form.getInputProps('responsiblePosition')} />
          <Group grow>
            <TextInput label={t('settings.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('settings.email')} type="email" {...form.getInputProps('email')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function NumberingForm({ initial }: { initial: Numbering }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Numbering>({
    initialValues: initial,
    validate: schemaResolver(numberingSchema, { sync: true }),
  });
  const save = useMutation({
    ...trpc.settings.setNumbering.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('settings.saved') });
      form.resetDirty();
      await queryClient.invalidateQueries(trpc.settings.pathFilter());
    },
    onError: (error) => setFormError(serverErrorFor(form, error)),
  });
  const example = (format: string) =>
    numberingSchema.shape.incoming.safeParse(format).success
      ? t('settings.example', { example: exampleNumber(format) })
      : undefined;
  return (
    <Paper withBorder p="sm">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          save.mutate(values);
        })}
      >
        <Stack gap="xs">
          <Title order={4}>{t('settings.numbering')}</Title>
          <Text size="xs" c="dimmed">
            {t('settings.numberingHint')}
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput
            label={t('settings.incoming')}
            description={example(form.values.incoming)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('incoming')}
          />
          <TextInput
            label={t('settings.outgoing')}
            description={example(form.values.outgoing)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('outgoing')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

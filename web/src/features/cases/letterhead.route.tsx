import { Alert, Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type Letterhead,
  letterheadSchema,
  type Numbering,
  numberingSchema,
} from '@pd-desk/shared/settings/settings.schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { localSchemaResolver, useFormMutation } from '../../lib/forms';
import { useInvalidateSettings } from '../../lib/invalidate';
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
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
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

/** What both settings forms do on save: errors beside the fields, a toast and a clean form on success. */
function useSaveHandlers<T>(form: UseFormReturnType<T>) {
  const { t } = useTranslation('cases');
  const invalidateSettings = useInvalidateSettings();
  return useFormMutation(
    form,
    () => {
      notifications.show({ color: 'teal', message: t('settings.saved') });
      return invalidateSettings();
    },
    { keepValues: true },
  );
}

type CardProps = {
  title: string;
  formError: string | null;
  saving: boolean;
  dirty: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
};

function SettingsCard({ title, formError, saving, dirty, onSubmit, children }: CardProps) {
  const { t } = useTranslation('cases');
  return (
    <Paper withBorder p="sm">
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={4}>{title}</Title>
          {formError && <Alert color="red">{formError}</Alert>}
          {children}
          <Group justify="flex-end">
            <Button type="submit" loading={saving} disabled={!dirty}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function LetterheadForm({ initial }: { initial: Letterhead }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const form = useForm<Letterhead>({
    initialValues: { ...initial, phone: initial.phone ?? '', email: initial.email ?? '' },
    validate: (values) => localSchemaResolver(letterheadSchema)(withoutBlanks(values)),
  });
  const { formError, clearError, handlers } = useSaveHandlers(form);
  const save = useMutation({ ...trpc.settings.setLetterhead.mutationOptions(), ...handlers });
  return (
    <SettingsCard
      title={t('settings.letterhead')}
      formError={formError}
      saving={save.isPending}
      dirty={form.isDirty()}
      onSubmit={form.onSubmit((values) => {
        clearError();
        save.mutate(letterheadSchema.parse(withoutBlanks(values)));
      })}
    >
      <TextInput label={t('settings.operatorName')} withAsterisk {...form.getInputProps('operatorName')} />
      <TextInput label={t('settings.address')} withAsterisk {...form.getInputProps('address')} />
      <TextInput label={t('settings.responsiblePerson')} withAsterisk {...form.getInputProps('responsiblePerson')} />
      <TextInput label={t('settings.responsiblePosition')} {...form.getInputProps('responsiblePosition')} />
      <Group grow>
        <TextInput label={t('settings.phone')} {...form.getInputProps('phone')} />
        <TextInput label={t('settings.email')} type="email" {...form.getInputProps('email')} />
      </Group>
    </SettingsCard>
  );
}

function NumberingForm({ initial }: { initial: Numbering }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const form = useForm<Numbering>({
    initialValues: initial,
    validate: localSchemaResolver(numberingSchema),
  });
  const { formError, clearError, handlers } = useSaveHandlers(form);
  const save = useMutation({ ...trpc.settings.setNumbering.mutationOptions(), ...handlers });
  const example = (format: string) =>
    numberingSchema.shape.incoming.safeParse(format).success
      ? t('settings.example', { example: exampleNumber(format) })
      : undefined;
  return (
    <SettingsCard
      title={t('settings.numbering')}
      formError={formError}
      saving={save.isPending}
      dirty={form.isDirty()}
      onSubmit={form.onSubmit((values) => {
        clearError();
        save.mutate(values);
      })}
    >
      <Text size="xs" c="dimmed">
        {t('settings.numberingHint')}
      </Text>
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
    </SettingsCard>
  );
}

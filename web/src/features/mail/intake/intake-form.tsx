import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import type { CaseType } from '@pd-desk/shared/cases/case-model';
import { createMailItemInput } from '@pd-desk/shared/mail/mail.schemas';
import {
  CONFIRMABLE_FIELDS,
  type ConfirmableField,
  WITHDRAWABLE_PURPOSE_LABELS,
} from '@pd-desk/shared/mail/mail-model';
import { useMutation } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField, PastDateField } from '../../../components/ui/date-field';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { serverErrorFor } from '../../../lib/forms';
import { useInvalidateMail } from '../../../lib/invalidate';
import { localText } from '../../../lib/server-messages';
import { useTRPC } from '../../../lib/trpc';
import { useCurrentUser } from '../../auth/use-session';
import { useCaseOptions } from '../../cases/use-case-options';
import { applyPrefill, nextUnconfirmed, type SenderValues } from './prefill';
import { type PrefillState, prefillProps } from './prefill-field';
import { ScanZone } from './scan-zone';
import { useLetterScans } from './use-scans';

type Values = SenderValues & {
  receivedOn: string | null;
  postmarkOn: string | null;
  signed: boolean;
  representative: boolean;
  authorityDocument: string;
  kind: CaseType;
  scopeAll: boolean;
  scopePurposes: string[];
};

/** One «letter registered» note at a time (see onSuccess). */
const SAVED_NOTE = 'mail-intake-saved';

const optional = (value: string) => value.trim() || undefined;

/**
 * The registrar's form for one paper letter, built for twenty in a row from the keyboard: focus starts on
 * the scan (Enter takes the scanner's newest file), OCR fills what it read, Enter confirms each highlighted
 * field and moves to the next, Ctrl+Enter saves and starts the next letter. Without OCR it is a plain form.
 */
export function IntakeForm() {
  const { t, i18n } = useTranslation('mail');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const options = useCaseOptions();
  const invalidate = useInvalidateMail();
  const navigate = useNavigate();
  const scans = useLetterScans();
  const startRef = useRef<HTMLButtonElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [prefilled, setPrefilled] = useState<Set<ConfirmableField>>(new Set());
  const [confirmed, setConfirmed] = useState<Set<ConfirmableField>>(new Set());
  const [formError, setFormError] = useState<string | null>(null);
  const appliedFor = useRef<string>('');

  const blank = (receivedOn: string | null = todayIn(me.timeZone)): Values => ({
    receivedOn,
    postmarkOn: null,
    senderName: '',
    birthDate: null,
    phone: '',
    email: '',
    address: '',
    signed: true,
    representative: false,
    authorityDocument: '',
    kind: 'consent_withdrawal',
    scopeAll: true,
    scopePurposes: [],
  });
  const form = useForm<Values>({ initialValues: blank() });
  const { values } = form;

  const focusField = (field: ConfirmableField | null) => {
    if (!field) return saveRef.current?.focus();
    formRef.current?.querySelector<HTMLInputElement>(`[data-prefill="${field}"]`)?.focus();
  };

  // OCR's reading arrives once per set of scans: fill the empty fields, highlight them, and — unless the
  // registrar is already typing somewhere — put the cursor on the first one to check.
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once per new reading (guarded by appliedFor); focusField only reads refs
  useEffect(() => {
    const key = scans.ids.join(',');
    if (!scans.prefill || appliedFor.current === key) return;
    appliedFor.current = key;
    const { values: filled, prefilled: read } = applyPrefill(form.getValues(), scans.prefill.fields);
    const marked = new Set<ConfirmableField>(read);
    const scope = scans.prefill.scope;
    const next: Values = { ...form.getValues(), ...filled };
    if (Array.isArray(scope) && scope.length > 0 && form.getValues().scopeAll) {
      next.scopeAll = false;
      next.scopePurposes = scope;
      marked.add('scope');
    }
    form.setValues(next);
    setPrefilled(marked);
    setConfirmed(new Set());
    const typing = document.activeElement instanceof HTMLInputElement && document.activeElement.value !== '';
    if (!typing) setTimeout(() => focusField(nextUnconfirmed(CONFIRMABLE_FIELDS, marked, new Set(), null)), 0);
  }, [scans.prefill, scans.ids, form]);

  const stateOf = (field: ConfirmableField): PrefillState =>
    !prefilled.has(field) ? 'none' : confirmed.has(field) ? 'confirmed' : 'pending';
  const confirm = (field: ConfirmableField) => {
    const done = new Set(confirmed).add(field);
    setConfirmed(done);
    return done;
  };
  const fieldProps = (field: ConfirmableField, label: string) =>
    prefillProps(field, stateOf(field), () => confirm(field), `${t('form.confirm')}: ${label}`);
  /** Editing a highlighted field is checking it: it counts as confirmed. */
  const editing = (field: ConfirmableField) => () => {
    if (prefilled.has(field) && !confirmed.has(field)) confirm(field);
  };

  const reset = () => {
    form.setValues(blank(values.receivedOn));
    setPrefilled(new Set());
    setConfirmed(new Set());
    setFormError(null);
    scans.reset();
    appliedFor.current = '';
    setTimeout(() => {
      const start = startRef.current ?? formRef.current?.querySelector<HTMLInputElement>('input');
      start?.focus();
    }, 0);
  };

  const create = useMutation({
    ...trpc.mail.intake.create.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (saved) => {
      // The note carries a link, so it stays until closed (WCAG 2.2.1: no time limit on reading it); only the
      // latest letter's note is kept, so a morning's post does not stack them up.
      notifications.hide(SAVED_NOTE);
      notifications.show({
        id: SAVED_NOTE,
        autoClose: false,
        color: 'teal',
        message: (
          <>
            {t('form.saved', { number: saved.incomingNumber, due: formatDate(saved.dueOn) })}{' '}
            {/* Notifications render outside the router: a plain link, followed by the form's navigate. */}
            <Anchor
              href={paths.mailItem.href(saved.id)}
              size="sm"
              onClick={(event) => {
                event.preventDefault();
                navigate(paths.mailItem.href(saved.id));
              }}
            >
              {t('form.open')}
            </Anchor>
          </>
        ),
      });
      reset();
      await invalidate();
    },
    onError: (error) => setFormError(serverErrorFor(form, error)),
  });

  const save = () => {
    const pending = nextUnconfirmed(CONFIRMABLE_FIELDS, prefilled, confirmed, null);
    if (pending) {
      setFormError(t('form.confirmFirst'));
      focusField(pending);
      return;
    }
    setFormError(null);
    const input = {
      receivedOn: values.receivedOn ?? '',
      postmarkOn: values.postmarkOn ?? undefined,
      senderName: optional(values.senderName),
      returnAddress: optional(values.address),
      birthDate: values.birthDate ?? undefined,
      phone: optional(values.phone),
      email: optional(values.email),
      signed: values.signed,
      representative: values.representative,
      authorityDocument: values.representative ? optional(values.authorityDocument) : undefined,
      kind: values.kind,
      scopeAll: values.scopeAll,
      scopePurposes: values.scopeAll ? [] : values.scopePurposes,
      scanIds: scans.ids,
      confirmedFields: [...confirmed],
    };
    const parsed = createMailItemInput.safeParse(input);
    if (!parsed.success) {
      setFormError(parsed.error.issues[0] ? localText(parsed.error.issues[0].message) : null);
      return;
    }
    create.mutate(parsed.data);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      save();
      return;
    }
    const target = event.target as HTMLElement;
    if (target.tagName !== 'INPUT') return;
    // Enter never saves by accident; in a highlighted field it confirms it and goes to the next one.
    event.preventDefault();
    const field = target.closest('[data-prefill]')?.getAttribute('data-prefill') as ConfirmableField | null;
    if (field && prefilled.has(field) && !confirmed.has(field)) {
      focusField(nextUnconfirmed(CONFIRMABLE_FIELDS, prefilled, confirm(field), field));
    }
  };

  const purposeOptions = Object.entries(WITHDRAWABLE_PURPOSE_LABELS).map(([value, label]) => ({
    value,
    label: i18n.language === 'en' ? label.en : label.ru,
  }));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md">
        <form
          ref={formRef}
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          noValidate
        >
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('form.title')}
            </Title>
            {nextUnconfirmed(CONFIRMABLE_FIELDS, prefilled, confirmed, null) && (
              <Text size="sm" c="yellow.9" bg="yellow.1" px="xs" py={4}>
                {t('form.prefilledHint')}
              </Text>
            )}
            {formError && (
              <Alert color="red" role="alert" p="xs">
                {formError}
              </Alert>
            )}
            <TextInput
              label={t('form.senderName')}
              {...form.getInputProps('senderName')}
              {...fieldProps('fullName', t('form.senderName'))}
              onInput={editing('fullName')}
            />
            <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
              <DateField
                label={t('form.birthDate')}
                {...form.getInputProps('birthDate')}
                {...(fieldProps('birthDate', t('form.birthDate')) as object)}
                onInput={editing('birthDate')}
              />
              <TextInput
                label={t('form.phone')}
                {...form.getInputProps('phone')}
                {...fieldProps('phone', t('form.phone'))}
                onInput={editing('phone')}
              />
            </SimpleGrid>
            <TextInput
              label={t('form.email')}
              {...form.getInputProps('email')}
              {...fieldProps('email', t('form.email'))}
              onInput={editing('email')}
            />
            <TextInput
              label={t('form.address')}
              {...form.getInputProps('address')}
              {...fieldProps('address', t('form.address'))}
              onInput={editing('address')}
            />
            <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
              <PastDateField
                label={t('form.receivedOn')}
                timeZone={me.timeZone}
                warnLongPast
                withAsterisk
                {...form.getInputProps('receivedOn')}
              />
              <PastDateField
                label={t('form.postmarkOn')}
                timeZone={me.timeZone}
                clearable
                {...form.getInputProps('postmarkOn')}
              />
            </SimpleGrid>
            <Group gap="lg">
              <Checkbox label={t('form.signed')} {...form.getInputProps('signed', { type: 'checkbox' })} />
              <Checkbox
                label={t('form.representative')}
                {...form.getInputProps('representative', { type: 'checkbox' })}
              />
            </Group>
            {values.representative && (
              <TextInput
                label={t('form.authorityDocument')}
                withAsterisk
                {...form.getInputProps('authorityDocument')}
              />
            )}
            <Select label={t('form.kind')} data={options.types} allowDeselect={false} {...form.getInputProps('kind')} />
            <Checkbox
              label={t('form.scopeAll')}
              {...form.getInputProps('scopeAll', { type: 'checkbox' })}
              onChange={(e) => {
                form.setFieldValue('scopeAll', e.currentTarget.checked);
                editing('scope')();
              }}
            />
            {!values.scopeAll && (
              <MultiSelect
                label={t('form.scopePurposes')}
                data={purposeOptions}
                {...form.getInputProps('scopePurposes')}
                {...(fieldProps('scope', t('form.scopePurposes')) as object)}
                onChange={(value) => {
                  form.setFieldValue('scopePurposes', value);
                  editing('scope')();
                }}
              />
            )}
            <Group justify="flex-end">
              <Button ref={saveRef} type="submit" loading={create.isPending} title={t('form.saveHint')}>
                {t('form.save')} ({t('form.saveHint')})
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('scans.title')}
          </Title>
          <ScanZone scans={scans} startRef={startRef} />
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

import {
  Alert,
  Button,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DEADLINE_RULE_IDS, DEADLINE_RULES, type DeadlineRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import type { CaseChannel, CaseType, RequesterKind } from '@pd-desk/shared/cases/case-model';
import { createCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { PastDateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { localSchemaResolver, serverErrorFor } from '../../lib/forms';
import { useInvalidateCases } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { DuePreview } from './due-preview';
import { type PickedSubject, SubjectPicker } from './subject-picker';
import { useCaseOptions } from './use-case-options';
import { useOfficers } from './use-officers';

type Values = {
  type: CaseType;
  rule: DeadlineRuleId | null;
  channel: CaseChannel;
  requester: {
    kind: RequesterKind;
    name: string;
    address: string;
    email: string;
    authorityDocument: string;
    rknInquiryNumber: string;
  };
  receivedOn: string | null;
  summary: string;
  assigneeId: string | null;
  subjects: PickedSubject[];
};

/** Blank optional fields are left out rather than sent as '' (an empty e-mail is not an invalid one). */
function toInput(values: Values): z.input<typeof createCaseInput> {
  const r = values.requester;
  const optional = (value: string) => value.trim() || undefined;
  return {
    type: values.type,
    rule: values.type === 'other' ? (values.rule ?? undefined) : undefined,
    channel: values.channel,
    requester: {
      kind: r.kind,
      name: r.name,
      address: optional(r.address),
      email: optional(r.email),
      authorityDocument: r.kind === 'representative' ? optional(r.authorityDocument) : undefined,
      rknInquiryNumber: r.kind === 'rkn' ? optional(r.rknInquiryNumber) : undefined,
    },
    receivedOn: values.receivedOn ?? '',
    summary: optional(values.summary),
    assigneeId: values.assigneeId ? Number(values.assigneeId) : null,
    subjectIds: values.subjects.map((subject) => Number(subject.value)),
  };
}

const validateInput = localSchemaResolver(createCaseInput);

export function RegisterCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('cases');
  const trpc = useTRPC();
  const invalidateCases = useInvalidateCases();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const options = useCaseOptions();
  const officers = useOfficers();
  const [formError, setFormError] = useState<string | null>(null);
  const [another, setAnother] = useState(false);
  const blank = (): Values => ({
    type: 'access',
    rule: null,
    channel: 'post',
    requester: { kind: 'subject', name: '', address: '', email: '', authorityDocument: '', rknInquiryNumber: '' },
    receivedOn: todayIn(me.timeZone),
    summary: '',
    // The registering officer takes the case unless they pick another (or clear it: nobody yet).
    assigneeId: hasRole(me.role, ['officer']) ? String(me.id) : null,
    subjects: [],
  });
  const form = useForm<Values>({
    initialValues: blank(),
    validate: (values) => validateInput(toInput(values)),
  });
  const { values } = form;

  const create = useMutation({
    ...trpc.cases.create.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (created) => {
      notifications.show({
        color: 'teal',
        message: t('register.created', { number: created.incomingNumber, due: formatDate(created.dueOn) }),
      });
      await invalidateCases();
      if (another) {
        // The morning post comes in batches: keep the channel and the date, clear the rest.
        form.setValues({ ...blank(), channel: values.channel, receivedOn: values.receivedOn });
        form.resetDirty();
        return;
      }
      form.setValues(blank());
      onClose();
      navigate(paths.case.href(created.id));
    },
    onError: (error) => setFormError(serverErrorFor(form, error)),
  });

  const submit = (next: boolean) =>
    form.onSubmit((v) => {
      setFormError(null);
      setAnother(next);
      create.mutate(createCaseInput.parse(toInput(v)));
    });

  // A Roskomnadzor inquiry always comes from RKN: fill the obvious fields for the clerk.
  const setType = (type: CaseType) => {
    form.setFieldValue('type', type);
    if (type === 'rkn_inquiry') {
      form.setFieldValue('channel', 'rkn');
      form.setFieldValue('requester.kind', 'rkn');
    }
  };
  const ruleOptions = DEADLINE_RULE_IDS.map((id) => ({
    value: id,
    label: i18n.language === 'en' ? DEADLINE_RULES[id].titleEn : DEADLINE_RULES[id].titleRu,
  }));
  const kind = values.requester.kind;

  return (
    <Modal opened={opened} onClose={onClose} title={t('register.title')} size="xl">
      <form onSubmit={submit(false)} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Select
              label={t('register.type')}
              data={options.types}
              allowDeselect={false}
              data-autofocus
              {...form.getInputProps('type')}
              onChange={(value) => value && setType(value as CaseType)}
            />
            <Select
              label={t('register.channel')}
              data={options.channels}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
          </SimpleGrid>
          {values.type === 'other' && (
            <Select
              label={t('register.rule')}
              data={ruleOptions}
              placeholder={DEADLINE_RULES.access.titleRu}
              clearable
              {...form.getInputProps('rule')}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('register.requester')}
            </Text>
            <SegmentedControl
              aria-label={t('register.requester')}
              data={options.requesterKinds}
              {...form.getInputProps('requester.kind')}
            />
          </Stack>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={kind === 'rkn' ? t('register.rknName') : t('register.requesterName')}
              withAsterisk
              {...form.getInputProps('requester.name')}
            />
            {kind === 'representative' && (
              <TextInput
                label={t('register.authorityDocument')}
                description={t('register.authorityHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                withAsterisk
                {...form.getInputProps('requester.authorityDocument')}
              />
            )}
            {kind === 'rkn' && (
              <TextInput
                label={t('register.rknInquiryNumber')}
                withAsterisk
                {...form.getInputProps('requester.rknInquiryNumber')}
              />
            )}
            {kind === 'subject' && <div />}
            <TextInput label={t('register.address')} {...form.getInputProps('requester.address')} />
            <TextInput label={t('register.email')} type="email" {...form.getInputProps('requester.email')} />
            <PastDateField
              label={t('register.receivedOn')}
              timeZone={me.timeZone}
              warnLongPast
              withAsterisk
              {...form.getInputProps('receivedOn')}
            />
            {hasRole(me.role, ['officer']) && (
              <Select
                label={t('register.assignee')}
                placeholder={t('register.unassigned')}
                data={officers}
                clearable
                {...form.getInputProps('assigneeId')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <SubjectPicker
              label={t('register.subjects')}
              value={values.subjects}
              onChange={(subjects) => form.setFieldValue('subjects', subjects)}
            />
            <Textarea
              label={t('register.summary')}
              autosize
              minRows={1}
              maxRows={4}
              {...form.getInputProps('summary')}
            />
          </SimpleGrid>
          <DuePreview
            type={values.type}
            rule={values.type === 'other' ? (values.rule ?? undefined) : undefined}
            receivedOn={values.receivedOn}
          />
          <FormActions onCancel={onClose} loading={create.isPending && !another} submitLabel={t('register.save')}>
            <Button variant="light" loading={create.isPending && another} onClick={() => submit(true)()}>
              {t('register.saveAndNext')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

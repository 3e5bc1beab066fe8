import { Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { SUBJECT_CATEGORIES } from '@pd-desk/shared/subjects/subject-categories';
import {
  CONTACT_FIELDS,
  RECTIFIABLE_FIELDS,
  type RectifiableField,
  type RectifyInput,
  rectifyInput,
} from '@pd-desk/shared/subjects/subject-records.schemas';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { formatDate } from '../../lib/format';
import { localSchemaResolver } from '../../lib/forms';
import { useTRPC } from '../../lib/trpc';
import { type SubjectPage, type SubjectReveal, shown } from './types';

type Props = {
  subject: SubjectPage;
  revealed: SubjectReveal | null;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
  /** Re-reads the page after a conflict; what was typed stays in the form. */
  onReload: () => void;
};

const NEW_CONTACT = 'new';
const NAME_FIELDS: readonly RectifiableField[] = ['lastName', 'firstName', 'middleName'];

function contactsOf(subject: SubjectPage, revealed: SubjectReveal | null, field: RectifiableField) {
  if (field === 'phone')
    return subject.phones.map((c) => ({ id: c.id, label: shown(c.value, revealed?.phones, c.id) }));
  if (field === 'email')
    return subject.emails.map((c) => ({ id: c.id, label: shown(c.value, revealed?.emails, c.id) }));
  if (field === 'address') {
    return subject.addresses.map((c) => ({ id: c.id, label: shown(c.value, revealed?.addresses, c.id) }));
  }
  return [];
}

/** What the field says now, as the page shows it (masked until «Показать»). */
function currentValue(
  subject: SubjectPage,
  revealed: SubjectReveal | null,
  field: RectifiableField,
  contactId: number | null | undefined,
  categoryLabel: (c: string) => string,
): string | null {
  switch (field) {
    case 'lastName':
    case 'firstName':
    case 'middleName':
      return revealed?.nameParts ? revealed.nameParts[field] : null;
    case 'birthDate':
      return revealed?.birthDate ? formatDate(revealed.birthDate) : subject.birthDate;
    case 'category':
      return categoryLabel(subject.category);
    default:
      return contactsOf(subject, revealed, field).find((c) => c.id === contactId)?.label ?? null;
  }
}

/** Policy 4.1.2: one field at a time, with a reason and the document that proves the new value. */
export function RectifyModal({ subject, revealed, opened, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const form = useForm<RectifyInput>({
    initialValues: {
      subjectId: subject.id,
      version: subject.version,
      field: 'lastName',
      contactId: null,
      value: '',
      keepFormerLastName: true,
      reason: '',
      evidence: '',
    },
    validate: localSchemaResolver(rectifyInput),
  });
  const rectify = useMutation({
    ...trpc.subjects.rectify.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('rectify.done') });
      form.reset();
      onDone();
      onClose();
    },
  });
  const field = form.values.field;
  const isContact = CONTACT_FIELDS.includes(field);
  const contacts = contactsOf(subject, revealed, field);
  const current = currentValue(subject, revealed, field, form.values.contactId, (c) => t(`categories.${c}`));
  const close = () => {
    rectify.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('rectify.title')} size="lg">
      <form
        onSubmit={form.onSubmit((values) =>
          // The version is the one on screen now: after «Обновить» it is the colleague's, and the check passes.
          rectify.mutate({ ...values, subjectId: subject.id, version: subject.version }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('rectify.intro')}
          </Text>
          <MutationErrorAlert error={rectify.error} onReload={onReload} reloadLabel={t('rectify.reload')} />
          <Group grow align="flex-start">
            <Select
              label={t('rectify.field')}
              allowDeselect={false}
              data={RECTIFIABLE_FIELDS.map((f) => ({ value: f, label: t(`rectify.fields.${f}`) }))}
              {...form.getInputProps('field')}
              onChange={(value) => {
                form.setValues({ field: value as RectifiableField, value: '', contactId: null });
              }}
            />
            {isContact && (
              <Select
                label={t('rectify.contact')}
                allowDeselect={false}
                data={[
                  ...contacts.map((c) => ({ value: String(c.id), label: c.label })),
                  { value: NEW_CONTACT, label: t('rectify.newContact') },
                ]}
                value={form.values.contactId ? String(form.values.contactId) : NEW_CONTACT}
                onChange={(v) => form.setFieldValue('contactId', v && v !== NEW_CONTACT ? Number(v) : null)}
              />
            )}
          </Group>
          {(current || (!revealed && NAME_FIELDS.includes(field))) && (
            <Text size="sm">
              {t('rectify.current')}: <b>{current ?? t('rectify.hidden')}</b>
            </Text>
          )}
          {field === 'birthDate' ? (
            <DateField
              label={t('rectify.value')}
              data-autofocus
              value={form.values.value || null}
              onChange={(v) => form.setFieldValue('value', v ?? '')}
              error={form.errors.value}
            />
          ) : field === 'category' ? (
            <Select
              label={t('rectify.value')}
              data={SUBJECT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              value={form.values.value || null}
              onChange={(v) => form.setFieldValue('value', v ?? '')}
              error={form.errors.value}
            />
          ) : (
            <TextInput
              label={t('rectify.value')}
              data-autofocus
              description={isContact && form.values.contactId ? t('rectify.valueEmptyRemoves') : undefined}
              {...form.getInputProps('value')}
            />
          )}
          {field === 'lastName' && (
            <Checkbox
              label={t('rectify.keepFormer')}
              {...form.getInputProps('keepFormerLastName', { type: 'checkbox' })}
            />
          )}
          <Textarea
            label={t('rectify.reason')}
            placeholder={t('rectify.reasonPlaceholder')}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <TextInput
            label={t('rectify.evidence')}
            placeholder={t('rectify.evidencePlaceholder')}
            {...form.getInputProps('evidence')}
          />
          <FormActions onCancel={close} loading={rectify.isPending} submitLabel={t('rectify.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

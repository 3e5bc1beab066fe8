import { Select, Textarea, TextInput } from '@mantine/core';
import { SUBJECT_FIELD_TO_PD } from '@pd-desk/shared/blocks/block-model';
import { RECTIFIABLE_FIELDS, type RectifiableField } from '@pd-desk/shared/subjects/subject-records.schemas';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateBlocks } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { ActionModal } from './block-actions';
import type { BlockPage } from './types';

/** The fields the block holds: a field-level block offers only its fields; a whole record or subject, every one. */
function blockedSubjectFields(block: BlockPage): RectifiableField[] {
  const fieldLevel = block.records.length > 0 && block.records.every((r) => r.blockedFields !== null);
  if (!fieldLevel) return RECTIFIABLE_FIELDS.filter((f) => SUBJECT_FIELD_TO_PD[f] !== null);
  const held = new Set(block.records.flatMap((r) => r.blockedFields ?? []));
  return RECTIFIABLE_FIELDS.filter((f) => {
    const pd = SUBJECT_FIELD_TO_PD[f];
    return pd !== null && pd !== undefined && held.has(pd);
  });
}

/** Rectification after the inaccuracy is confirmed: the one change the block lets through (art. 21 p. 2). */
export function RectifyBlockedModal({ block, onClose }: { block: BlockPage; onClose: () => void }) {
  const { t } = useTranslation('blocks');
  const trpc = useTRPC();
  const invalidate = useInvalidateBlocks();
  const fields = blockedSubjectFields(block);
  const [field, setField] = useState<RectifiableField | null>(fields[0] ?? null);
  const contacts =
    field === 'phone' ? block.subjectContacts.phones : field === 'email' ? block.subjectContacts.emails : [];
  const [contactId, setContactId] = useState<string | null>(contacts[0] ? String(contacts[0].id) : null);
  const [value, setValue] = useState('');
  const [evidence, setEvidence] = useState('');
  const rectify = useMutation({
    ...trpc.blocks.rectify.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
  });
  return (
    <ActionModal
      title={t('actions.rectify')}
      error={rectify.error}
      loading={rectify.isPending}
      ready={!!field && evidence.trim().length >= 3}
      submitLabel={t('actions.rectify')}
      onSubmit={() =>
        field &&
        rectify.mutate({
          blockId: block.id,
          subjectVersion: block.subjectVersion,
          field,
          contactId: contactId ? Number(contactId) : null,
          value,
          evidence,
        })
      }
      onClose={onClose}
    >
      <Select
        label={t('actions.field')}
        allowDeselect={false}
        data={fields.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
        value={field}
        onChange={(v) => {
          setField(v as RectifiableField);
          const next = v === 'phone' ? block.subjectContacts.phones : v === 'email' ? block.subjectContacts.emails : [];
          setContactId(next[0] ? String(next[0].id) : null);
        }}
      />
      {contacts.length > 0 && (
        <Select
          label={t('actions.contact')}
          data={contacts.map((c) => ({ value: String(c.id), label: c.value }))}
          value={contactId}
          onChange={setContactId}
        />
      )}
      <TextInput label={t('actions.value')} value={value} onChange={(e) => setValue(e.currentTarget.value)} />
      <Textarea
        label={t('actions.evidence')}
        required
        autosize
        minRows={2}
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
      />
    </ActionModal>
  );
}

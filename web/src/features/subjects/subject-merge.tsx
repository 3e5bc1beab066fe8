import { Anchor, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { ReasonModal } from '../../components/ui/reason-modal';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { MatchedOn } from './matched-on';
import type { SubjectPage } from './types';

type Props = { subject: SubjectPage; canEdit: boolean; onChanged: () => void; onReload: () => void };
type Candidate = { id: number; version: number; name: string; birthDate: string | null };

function MergeModal({
  subject,
  candidate,
  onClose,
  onDone,
  onReload,
}: {
  subject: SubjectPage;
  candidate: Candidate | null;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const [reason, setReason] = useState('');
  const merge = useMutation({
    ...trpc.subjects.merge.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('merge.done') });
      setReason('');
      onDone();
      onClose();
    },
  });
  if (!candidate) return null;
  const self = { id: subject.id, version: subject.version };
  const [survivor, merged] = keep === 'this' ? [self, candidate] : [candidate, self];
  return (
    <Modal opened onClose={onClose} title={t('merge.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          merge.mutate({
            survivorId: survivor.id,
            survivorVersion: survivor.version,
            mergedId: merged.id,
            mergedVersion: merged.version,
            reason,
          });
        }}
      >
        <Stack gap="sm">
          <MutationErrorAlert error={merge.error} onReload={onReload} />
          <Radio.Group label={t('merge.keep')} value={keep} onChange={(v) => setKeep(v as 'this' | 'other')}>
            <Stack gap={4} mt={4}>
              <Radio value="this" label={`${t('merge.keepThis', { id: subject.id })} — ${subject.name}`} />
              <Radio value="other" label={`${t('merge.keepOther', { id: candidate.id })} — ${candidate.name}`} />
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('merge.explain')}
          </Text>
          <Textarea
            label={t('merge.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <FormActions
            onCancel={onClose}
            submitColor="orange"
            loading={merge.isPending}
            disabled={reason.trim().length < 5}
            submitLabel={t('merge.confirm')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Likely duplicates (same phone, e-mail, or name and birth date), merging them, and undoing past merges. */
export function SubjectMerge({ subject, canEdit, onChanged, onReload }: Props) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const live = subject.mergedIntoId === null;
  const candidates = useQuery({
    ...trpc.subjects.mergeCandidates.queryOptions({ subjectId: subject.id }),
    enabled: live,
  });
  const [merging, setMerging] = useState<Candidate | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);
  const undo = useMutation({
    ...trpc.subjects.undoMerge.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('merge.undoDone') });
      setUndoing(null);
      onChanged();
    },
  });
  return (
    <Section title={t('sections.merge')}>
      <Stack gap="xs">
        {live && candidates.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('merge.none')}
          </Text>
        )}
        {candidates.data?.map((c) => (
          <Stack key={c.id} gap={2}>
            <Anchor component={Link} to={paths.subject.href(c.id)} size="sm" fw={600}>
              № {c.id} · {c.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {c.birthDate ?? '—'} · {t(`categories.${c.category}`)}
            </Text>
            <Group justify="space-between" wrap="nowrap">
              <MatchedOn fields={c.matchedOn.map((m) => m.reason)} />
              {canEdit && (
                <Button size="compact-xs" variant="light" color="orange" onClick={() => setMerging(c)}>
                  {t('merge.merge')}
                </Button>
              )}
            </Group>
          </Stack>
        ))}
        {subject.merges.length > 0 && (
          <>
            <Text size="sm" fw={600} mt="xs">
              {t('merge.past')}
            </Text>
            {subject.merges.map((m) => (
              <Stack key={m.id} gap={2}>
                <Text size="sm">
                  {m.survivorId === subject.id
                    ? t('merge.mergedFrom', { id: m.mergedId, date: formatDateTime(m.mergedAt) })
                    : t('merge.mergedTo', { id: m.survivorId, date: formatDateTime(m.mergedAt) })}
                </Text>
                {m.undoneAt ? (
                  <Text size="xs" c="dimmed">
                    {t('merge.undone', { date: formatDateTime(m.undoneAt) })}
                  </Text>
                ) : (
                  canEdit && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      w="fit-content"
                      onClick={() => setUndoing(m.id)}
                    >
                      {t('merge.undo')}
                    </Button>
                  )
                )}
              </Stack>
            ))}
          </>
        )}
      </Stack>
      <MergeModal
        subject={subject}
        candidate={merging}
        onClose={() => setMerging(null)}
        onDone={onChanged}
        onReload={onReload}
      />
      <ReasonModal
        title={t('merge.undoTitle')}
        label={t('merge.undoReason')}
        opened={undoing !== null}
        pending={undo.isPending}
        error={undo.error}
        onReload={onReload}
        onClose={() => {
          undo.reset();
          setUndoing(null);
        }}
        onSubmit={(reason) => undoing !== null && undo.mutate({ mergeId: undoing, reason })}
      />
    </Section>
  );
}

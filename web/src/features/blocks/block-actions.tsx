import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { BLOCK_OUTCOME_LABELS, type BlockOutcome } from '@pd-desk/shared/blocks/block-model';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { useInvalidateBlocks } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { RectifyBlockedModal } from './rectify-blocked-modal';
import type { BlockPage } from './types';

type Action = 'decide' | 'rectify' | 'stop' | 'destroy' | 'keep' | 'lift';

/** What the law lets the officer do next with this block (resolution.service.ts refuses anything else too). */
function actionsFor(b: BlockPage): Action[] {
  if (b.state === 'kept_blocked') return ['destroy'];
  if (b.state !== 'active') return [];
  if (b.outcome === null) return ['decide'];
  if (b.outcome === 'inaccuracy_confirmed') return b.rectifiedAt ? ['rectify', 'lift'] : ['rectify'];
  if (b.outcome === 'unlawful_confirmed') return b.stoppedAt ? ['destroy', 'keep', 'lift'] : ['stop', 'keep', 'lift'];
  return [];
}

export function BlockActions({ block }: { block: BlockPage }) {
  const { t } = useTranslation('blocks');
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Group gap="xs">
        {actionsFor(block).map((a) => (
          <Button
            key={a}
            size="xs"
            variant={a === 'lift' || a === 'decide' ? 'filled' : 'light'}
            onClick={() => setOpen(a)}
          >
            {t(`actions.${a}`)}
          </Button>
        ))}
      </Group>
      {open === 'decide' && <DecideModal block={block} onClose={close} />}
      {(open === 'stop' || open === 'destroy' || open === 'keep') && (
        <StepModal block={block} step={open} onClose={close} />
      )}
      {open === 'lift' && <LiftModal block={block} onClose={close} />}
      {open === 'rectify' && <RectifyBlockedModal block={block} onClose={close} />}
    </>
  );
}

/** The frame of every action: a form in a modal, the server's refusal above the buttons. */
export function ActionModal(props: {
  title: string;
  error: unknown;
  loading: boolean;
  ready: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (props.ready) props.onSubmit();
        }}
      >
        <Stack gap="sm">
          <MutationErrorAlert error={props.error} onReload={props.onClose} />
          {props.children}
          <FormActions
            onCancel={props.onClose}
            loading={props.loading}
            disabled={!props.ready}
            submitLabel={props.submitLabel}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function useDone(onClose: () => void) {
  const invalidate = useInvalidateBlocks();
  return async () => {
    await invalidate();
    onClose();
  };
}

function DecideModal({ block, onClose }: { block: BlockPage; onClose: () => void }) {
  const { t, i18n } = useTranslation('blocks');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const done = useDone(onClose);
  const outcomes: BlockOutcome[] =
    block.reason === 'inaccurate'
      ? ['inaccuracy_confirmed', 'unlawful_confirmed', 'not_confirmed']
      : ['unlawful_confirmed', 'not_confirmed'];
  const [outcome, setOutcome] = useState<BlockOutcome | null>(null);
  const [note, setNote] = useState('');
  const decide = useMutation({
    ...trpc.blocks.decide.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: done,
  });
  return (
    <ActionModal
      title={t('actions.decide')}
      error={decide.error}
      loading={decide.isPending}
      ready={!!outcome && note.trim().length >= 5}
      submitLabel={t('actions.decide')}
      onSubmit={() => outcome && decide.mutate({ id: block.id, version: block.version, outcome, note })}
      onClose={onClose}
    >
      <Select
        label={t('actions.outcome')}
        required
        data={outcomes.map((o) => ({ value: o, label: BLOCK_OUTCOME_LABELS[o][lang] }))}
        value={outcome}
        onChange={(v) => setOutcome(v as BlockOutcome | null)}
      />
      <Textarea
        label={t('actions.note')}
        required
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ActionModal>
  );
}

function StepModal({
  block,
  step,
  onClose,
}: {
  block: BlockPage;
  step: 'stop' | 'destroy' | 'keep';
  onClose: () => void;
}) {
  const { t } = useTranslation('blocks');
  const trpc = useTRPC();
  const done = useDone(onClose);
  const [note, setNote] = useState('');
  const options = { meta: { inlineErrors: true }, onSuccess: done };
  const stop = useMutation({ ...trpc.blocks.stop.mutationOptions(), ...options });
  const destroy = useMutation({ ...trpc.blocks.destroy.mutationOptions(), ...options });
  const keep = useMutation({ ...trpc.blocks.keepBlocked.mutationOptions(), ...options });
  const mutation = { stop, destroy, keep }[step];
  return (
    <ActionModal
      title={t(`actions.${step}`)}
      error={mutation.error}
      loading={mutation.isPending}
      ready={note.trim().length >= 5}
      submitLabel={t(`actions.${step}`)}
      onSubmit={() => mutation.mutate({ id: block.id, version: block.version, note })}
      onClose={onClose}
    >
      <Textarea
        label={t('actions.stepNote')}
        required
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </ActionModal>
  );
}

function LiftModal({ block, onClose }: { block: BlockPage; onClose: () => void }) {
  const { t } = useTranslation('blocks');
  const trpc = useTRPC();
  const done = useDone(onClose);
  const [caseNumber, setCaseNumber] = useState('');
  const [reason, setReason] = useState('');
  const lift = useMutation({ ...trpc.blocks.lift.mutationOptions(), meta: { inlineErrors: true }, onSuccess: done });
  return (
    <ActionModal
      title={t('actions.lift')}
      error={lift.error}
      loading={lift.isPending}
      ready={caseNumber.trim().length > 0 && reason.trim().length >= 5}
      submitLabel={t('actions.lift')}
      onSubmit={() => lift.mutate({ id: block.id, version: block.version, caseNumber, reason })}
      onClose={onClose}
    >
      <TextInput
        label={t('actions.caseNumber')}
        description={block.caseNumber}
        required
        value={caseNumber}
        onChange={(e) => setCaseNumber(e.currentTarget.value)}
      />
      <Textarea
        label={t('actions.liftReason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </ActionModal>
  );
}

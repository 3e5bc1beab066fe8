import { Alert, Loader, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LETTER_KINDS, type LetterKind } from '@pd-desk/shared/cases/case-model';
import { letterPlaceholders } from '@pd-desk/shared/cases/letter-placeholders';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { useInvalidateCases } from '../../lib/invalidate';
import { errorText } from '../../lib/server-messages';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useCasePage } from './case-page-context';
import { settle } from './settle';

/** The extension notice is made by «Продлить срок», together with the new due date. */
type DraftableKind = Exclude<LetterKind, 'extension_notice'>;
const KINDS = LETTER_KINDS.filter((kind): kind is DraftableKind => kind !== 'extension_notice');

type Props = { opened: boolean; onClose: () => void };

/** The Russian template for the case type, edited by the officer, then numbered and frozen as a PDF. */
export function PrepareLetterModal({ opened, onClose }: Props) {
  const { t } = useTranslation('cases');
  const { detail } = useCasePage();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('letters.draftTitle', { number: detail.incomingNumber })}
      size="xl"
    >
      <LetterForm onDone={onClose} />
    </Modal>
  );
}

/** Lives only while the modal is open, so every opening starts from a fresh template. */
function LetterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('cases');
  const client = useTRPCClient();
  const { detail } = useCasePage();
  const [kind, setKind] = useState<DraftableKind>('answer');
  const draft = useQuery({
    queryKey: ['letters', 'draft-inline', detail.id, kind],
    queryFn: () => settle(client.cases.letters.draft.query({ caseId: detail.id, kind })),
    gcTime: 0,
  });
  return (
    <Stack gap="sm">
      <Select
        label={t('letters.letterKind')}
        data={KINDS.map((value) => ({ value, label: t(`letters.kinds.${value}`) }))}
        value={kind}
        allowDeselect={false}
        onChange={(value) => value && setKind(value as DraftableKind)}
      />
      {draft.isPending && <Loader size="sm" />}
      {draft.data && !draft.data.ok && <Alert color="red">{errorText(draft.data.error)}</Alert>}
      {draft.data?.ok && <LetterEditor key={kind} kind={kind} draft={draft.data.data} onDone={onDone} />}
    </Stack>
  );
}

type EditorProps = {
  kind: DraftableKind;
  draft: { title: string; body: string; addressee: string };
  onDone: () => void;
};

function LetterEditor({ kind, draft, onDone }: EditorProps) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const { detail } = useCasePage();
  const refresh = useInvalidateCases();
  const [addressee, setAddressee] = useState(draft.addressee);
  const [body, setBody] = useState(draft.body);
  // The server refuses to number a letter with a blank left; saying so while typing saves the officer a round trip.
  const blanks = letterPlaceholders(`${addressee}\n${body}`);
  const create = useMutation({
    ...trpc.cases.letters.create.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (letter) => {
      notifications.show({ color: 'teal', message: t('letters.created', { number: letter.outgoingNumber }) });
      onDone();
      await refresh();
    },
  });
  return (
    <>
      <Textarea
        label={t('letters.addressee')}
        description={t('letters.addresseeHint')}
        autosize
        minRows={2}
        maxRows={4}
        value={addressee}
        onChange={(event) => setAddressee(event.currentTarget.value)}
      />
      <Textarea
        label={draft.title}
        description={t('letters.bodyHint')}
        autosize
        minRows={10}
        maxRows={16}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
      />
      {blanks.length > 0 && (
        <Alert color="yellow" title={t('letters.blanksTitle')} data-testid="letter-blanks">
          {t('letters.blanks', { blanks: blanks.map((blank) => `«${blank}»`).join(', ') })}
        </Alert>
      )}
      <MutationErrorAlert error={create.error} onReload={() => void refresh()} />
      <FormActions
        onCancel={onDone}
        loading={create.isPending}
        disabled={!body.trim()}
        submitLabel={t('letters.create')}
        onSubmit={() =>
          create.mutate({ caseId: detail.id, kind, body: body.trim(), addressee: addressee.trim() || undefined })
        }
      />
    </>
  );
}

import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { formatDate } from '../../lib/format';
import { useInvalidateCases } from '../../lib/invalidate';
import { errorText } from '../../lib/server-messages';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useCasePage } from './case-page-context';
import { ProvisionalMark } from './due-status';
import { type Settled, settle } from './settle';

type Draft = { newDueOn: string; provisional: boolean; body: string };

/**
 * +5 working days with a motivated notice: the reason goes into a drafted notice the officer can
 * edit, the new due date is shown before anything is recorded.
 */
export function ExtendCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { detail } = useCasePage();
  const refresh = useInvalidateCases();
  const [reason, setReason] = useState('');
  const [draft, setDraft] = useState<Settled<Draft> | null>(null);
  const [body, setBody] = useState('');
  const [drafting, setDrafting] = useState(false);
  const extend = useMutation({
    ...trpc.cases.extend.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (result) => {
      notifications.show({
        color: 'teal',
        message: t('extend.done', { due: formatDate(result.dueOn), number: result.outgoingNumber }),
      });
      close();
      await refresh();
    },
  });
  const close = () => {
    setDraft(null);
    setReason('');
    extend.reset();
    onClose();
  };
  const prepare = async () => {
    setDrafting(true);
    const result = await settle(client.cases.extensionDraft.query({ id: detail.id, reason: reason.trim() }));
    setDrafting(false);
    setDraft(result);
    if (result.ok) setBody(result.data.body);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('extend.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('extend.intro')}
        </Text>
        <Textarea
          label={t('extend.reason')}
          description={t('extend.reasonHint')}
          required
          autosize
          minRows={2}
          maxRows={5}
          data-autofocus
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            // A changed reason needs a new draft: the notice quotes it.
            setDraft(null);
          }}
        />
        {!draft?.ok && (
          <Group justify="flex-end">
            <Button variant="light" loading={drafting} disabled={!reason.trim()} onClick={() => void prepare()}>
              {t('extend.draft')}
            </Button>
          </Group>
        )}
        {draft && !draft.ok && <Alert color="red">{errorText(draft.error)}</Alert>}
        {draft?.ok && (
          <>
            <SimpleGrid cols={2}>
              <div>
                <Text size="xs" c="dimmed">
                  {t('extend.currentDue')}
                </Text>
                <Text fw={600}>{formatDate(detail.dueOn)}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('extend.newDue')}
                </Text>
                <Group gap={6}>
                  <Text fw={700} size="lg" c="teal.8" data-testid="extension-new-due">
                    {formatDate(draft.data.newDueOn)}
                  </Text>
                  {draft.data.provisional && <ProvisionalMark focusable />}
                </Group>
              </div>
            </SimpleGrid>
            <Textarea
              label={t('extend.body')}
              autosize
              minRows={8}
              maxRows={14}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
            />
            <MutationErrorAlert error={extend.error} onReload={() => void refresh()} />
            <FormActions
              onCancel={close}
              loading={extend.isPending}
              submitLabel={t('extend.submit')}
              onSubmit={() =>
                extend.mutate({ id: detail.id, version: detail.version, reason: reason.trim(), body: body.trim() })
              }
            />
          </>
        )}
      </Stack>
    </Modal>
  );
}

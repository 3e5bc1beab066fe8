import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { BLOCK_REASON_LABELS, BLOCK_REASONS, type BlockReason } from '@pd-desk/shared/blocks/block-model';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import { CASE_CHANNELS, type CaseChannel, REQUESTER_KINDS, type RequesterKind } from '@pd-desk/shared/cases/case-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PastDateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { paths } from '../../config/paths';
import { useInvalidateBlocks } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../auth/use-session';
import { UploadError, uploadAttachment } from '../cases/upload-attachment';
import { BlockScopePicker, EMPTY_SCOPE, type Scope, scopeChosen } from './block-scope-picker';

type Props = {
  subjectId: number;
  /** Opened from a case: the block goes under it; otherwise a blocking case is registered in the same step. */
  caseRef?: { id: number; incomingNumber: string };
  opened: boolean;
  onClose: () => void;
};

/** «Заблокировать»: what, why, who asked, evidence and — for inaccurate data — the no-harm confirmation (art. 21 p. 1). */
export function BlockDialog({ subjectId, caseRef, opened, onClose }: Props) {
  const { t, i18n } = useTranslation('blocks');
  const me = useCurrentUser();
  const today = todayIn(me.timeZone);
  const { t: tCases } = useTranslation('cases');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const invalidate = useInvalidateBlocks();
  const subject = useQuery({ ...trpc.subjects.byId.queryOptions({ subjectId }), enabled: opened });
  const [scope, setScope] = useState<Scope>(EMPTY_SCOPE);
  const [reason, setReason] = useState<BlockReason>('inaccurate');
  const [description, setDescription] = useState('');
  const [channel, setChannel] = useState<CaseChannel>('in_person');
  const [receivedOn, setReceivedOn] = useState<string | null>(today);
  const [kind, setKind] = useState<RequesterKind>('subject');
  const [name, setName] = useState('');
  const [authorityDocument, setAuthorityDocument] = useState('');
  const [rknInquiryNumber, setRknInquiryNumber] = useState('');
  const [noHarm, setNoHarm] = useState(false);
  const [notBlockedReason, setNotBlockedReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadProblems, setUploadProblems] = useState<string[]>([]);
  const create = useMutation({
    ...trpc.blocks.create.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (created) => {
      const problems: string[] = [];
      for (const file of files) {
        try {
          await uploadAttachment({ caseId: created.caseId, file, description: t('dialog.evidence') }, () => {});
        } catch (error) {
          const message = error instanceof UploadError ? (error.serverMessage ?? '') : '';
          problems.push(t('dialog.uploadFailed', { name: file.name, error: message }));
        }
      }
      setUploadProblems(problems);
      await invalidate();
    },
  });
  const close = () => {
    create.reset();
    setScope(EMPTY_SCOPE);
    setFiles([]);
    setUploadProblems([]);
    onClose();
  };
  const inaccurate = reason === 'inaccurate';
  const blocking = !inaccurate || noHarm;
  const ready =
    scopeChosen(scope) &&
    description.trim().length >= 5 &&
    (blocking || notBlockedReason.trim().length >= 5) &&
    (caseRef || (receivedOn && receivedOn <= today && name.trim()));
  const submit = () => {
    create.mutate({
      subjectId,
      ...(caseRef
        ? { caseId: caseRef.id }
        : {
            newCase: {
              channel,
              receivedOn: receivedOn ?? today,
              requester: {
                kind,
                name,
                ...(kind === 'representative' ? { authorityDocument } : {}),
                ...(kind === 'rkn' ? { rknInquiryNumber } : {}),
              },
            },
          }),
      reason,
      scope,
      description,
      ...(inaccurate ? (noHarm ? { noHarmConfirmed: true } : { noHarmConfirmed: false, notBlockedReason }) : {}),
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('dialog.title')} size="xl">
      {create.data ? (
        <Stack gap="sm">
          <Alert color={create.data.state === 'active' ? 'red' : 'gray'} role="status">
            {t(create.data.state === 'active' ? 'dialog.done' : 'dialog.doneNotBlocked', {
              number: create.data.caseNumber,
            })}
          </Alert>
          {uploadProblems.map((p) => (
            <Alert key={p} color="orange">
              {p}
            </Alert>
          ))}
          <Group justify="flex-end">
            <Anchor component={Link} to={paths.block.href(create.data.id)} onClick={close}>
              {t('dialog.open_block')}
            </Anchor>
            <Button onClick={close}>OK</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) submit();
          }}
        >
          <Stack gap="sm">
            <MutationErrorAlert error={create.error} onReload={() => void subject.refetch()} />
            <Text fw={600} size="sm">
              {t('dialog.what')}
            </Text>
            {subject.data && <BlockScopePicker records={subject.data.records} value={scope} onChange={setScope} />}
            <Radio.Group label={t('dialog.why')} value={reason} onChange={(v) => setReason(v as BlockReason)}>
              <Group gap="lg" mt={4}>
                {BLOCK_REASONS.map((r) => (
                  <Radio key={r} value={r} label={BLOCK_REASON_LABELS[r][lang]} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t('dialog.description')}
              description={t('dialog.descriptionHint')}
              required
              autosize
              minRows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            {caseRef ? (
              <Text size="sm">{t('dialog.existingCase', { number: caseRef.incomingNumber })}</Text>
            ) : (
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  {t('dialog.newCase')}
                </Text>
                <Group grow align="flex-start">
                  <Select
                    label={t('dialog.channel')}
                    allowDeselect={false}
                    data={CASE_CHANNELS.map((c) => ({ value: c, label: tCases(`channels.${c}`) }))}
                    value={channel}
                    onChange={(v) => v && setChannel(v as CaseChannel)}
                  />
                  <PastDateField
                    label={t('dialog.receivedOn')}
                    timeZone={me.timeZone}
                    withAsterisk
                    value={receivedOn}
                    onChange={setReceivedOn}
                  />
                </Group>
                <SegmentedControl
                  aria-label={t('dialog.requesterKind')}
                  data={REQUESTER_KINDS.map((k) => ({ value: k, label: tCases(`requesterKinds.${k}`) }))}
                  value={kind}
                  onChange={(v) => setKind(v as RequesterKind)}
                />
                <TextInput
                  label={t('dialog.requesterName')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                />
                {kind === 'representative' && (
                  <TextInput
                    label={t('dialog.authorityDocument')}
                    required
                    value={authorityDocument}
                    onChange={(e) => setAuthorityDocument(e.currentTarget.value)}
                  />
                )}
                {kind === 'rkn' && (
                  <TextInput
                    label={t('dialog.rknInquiryNumber')}
                    required
                    value={rknInquiryNumber}
                    onChange={(e) => setRknInquiryNumber(e.currentTarget.value)}
                  />
                )}
              </Stack>
            )}
            {inaccurate && (
              <Stack gap={4}>
                <Checkbox
                  label={t('dialog.harm')}
                  description={t('dialog.harmHint')}
                  checked={noHarm}
                  onChange={(e) => setNoHarm(e.currentTarget.checked)}
                />
                {!noHarm && (
                  <Textarea
                    label={t('dialog.notBlockedReason')}
                    autosize
                    minRows={2}
                    value={notBlockedReason}
                    onChange={(e) => setNotBlockedReason(e.currentTarget.value)}
                  />
                )}
              </Stack>
            )}
            <FileInput
              label={t('dialog.evidence')}
              description={t('dialog.evidenceHint')}
              multiple
              clearable
              accept="application/pdf,image/png,image/jpeg,image/tiff,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              value={files}
              onChange={setFiles}
            />
            <FormActions
              onCancel={close}
              submitColor={blocking ? 'red' : undefined}
              loading={create.isPending}
              disabled={!ready}
              submitLabel={blocking ? t('dialog.submit') : t('dialog.submitNotBlocked')}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

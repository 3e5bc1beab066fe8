import { Alert, Button, CopyButton, Group, Modal, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FILING_STATUS, type FilingKind, NEXT_BREACH_STATUS } from '@pd-desk/shared/breaches/breach-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { Section } from '../../components/ui/section';
import { useFormMutation } from '../../lib/forms';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { instantText } from './breach-clocks';
import { instantFromDotted } from './breach-form-fields';
import type { BreachDetail, BreachNotice } from './types';

/** Prints only the notice: a new window with its fields, so the page around it stays out of the print. */
function printNotice(notice: BreachNotice) {
  const win = window.open('', '_blank', 'noopener=no');
  if (!win) return;
  const doc = win.document;
  doc.title = `${notice.number} — ${notice.title}`;
  const h = doc.createElement('h2');
  h.textContent = notice.title;
  doc.body.append(h);
  for (const field of notice.fields) {
    const p = doc.createElement('p');
    const b = doc.createElement('b');
    b.textContent = `${field.label}: `;
    p.append(b, doc.createTextNode(field.value));
    doc.body.append(p);
  }
  win.print();
}

function NoticeFields({ breachId, kind }: { breachId: number; kind: FilingKind }) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const query = useQuery(trpc.breaches.notice.queryOptions({ id: breachId, kind }));
  const notice = query.data;
  if (!notice) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c={notice.frozen ? 'green.8' : 'dimmed'}>
          {notice.frozen
            ? t('notice.frozen', { at: instantText(notice.filedAtLocal ?? ''), reference: notice.portalReference })
            : t('notice.draft')}
        </Text>
        <Button size="xs" variant="default" onClick={() => printNotice(notice)}>
          {t('notice.print')}
        </Button>
      </Group>
      <Table fz="sm" withTableBorder verticalSpacing={4}>
        <Table.Tbody>
          {notice.fields.map((field) => (
            <Table.Tr key={field.key}>
              <Table.Td w="34%" fw={600}>
                {field.label}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{field.value}</Table.Td>
              <Table.Td w={110}>
                <CopyButton value={field.value}>
                  {({ copied, copy }) => (
                    <Button
                      size="compact-xs"
                      variant={copied ? 'filled' : 'light'}
                      color={copied ? 'teal' : 'blue'}
                      onClick={copy}
                    >
                      {copied ? t('notice.copied') : t('notice.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function FileFilingModal({
  detail,
  kind,
  onClose,
}: {
  detail: BreachDetail;
  kind: FilingKind | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('breaches');
  const trpc = useTRPC();
  const refresh = useInvalidateBreaches();
  const form = useForm({
    initialValues: { filedAt: '', portalReference: '' },
    validate: { filedAt: (v) => (instantFromDotted(v) ? null : t('form.badInstant')) },
  });
  const { formError, handlers } = useFormMutation(form, async () => {
    await refresh();
    onClose();
  });
  const file = useMutation(trpc.breaches.file.mutationOptions(handlers));
  return (
    <Modal opened={kind !== null} onClose={onClose} title={t('notice.file')}>
      <form
        onSubmit={form.onSubmit((values) => {
          if (!kind) return;
          file.mutate({
            id: detail.id,
            version: detail.version,
            kind,
            filedAt: instantFromDotted(values.filedAt) ?? '',
            portalReference: values.portalReference,
          });
        })}
      >
        <Stack gap="sm">
          <TextInput
            label={t('notice.filedAt')}
            placeholder="01.01.2027 09:00"
            data-autofocus
            {...form.getInputProps('filedAt')}
          />
          <TextInput label={t('notice.portalReference')} {...form.getInputProps('portalReference')} />
          {formError && <Alert color="red">{formError}</Alert>}
          <FormActions onCancel={onClose} loading={file.isPending} submitLabel={t('notice.file')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Both Roskomnadzor notices, field by field with a copy button each; filing one freezes its text. */
export function NoticeDrafts({ detail, canWork }: { detail: BreachDetail; canWork: boolean }) {
  const { t } = useTranslation('breaches');
  const [tab, setTab] = useState<FilingKind>(detail.status === 'open' ? 'notice' : 'report');
  const [filing, setFiling] = useState<FilingKind | null>(null);
  const fileable = canWork && NEXT_BREACH_STATUS[detail.status] === FILING_STATUS[tab];
  return (
    <Section
      title={t('notice.title')}
      action={
        fileable && (
          <Button size="xs" onClick={() => setFiling(tab)}>
            {t('notice.file')}
          </Button>
        )
      }
    >
      <Tabs value={tab} onChange={(v) => setTab((v as FilingKind) ?? 'notice')}>
        <Tabs.List mb="xs">
          <Tabs.Tab value="notice">{t('notice.notice')}</Tabs.Tab>
          <Tabs.Tab value="report">{t('notice.report')}</Tabs.Tab>
        </Tabs.List>
        <NoticeFields breachId={detail.id} kind={tab} />
      </Tabs>
      <FileFilingModal detail={detail} kind={filing} onClose={() => setFiling(null)} />
    </Section>
  );
}

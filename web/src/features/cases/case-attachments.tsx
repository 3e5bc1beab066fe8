import { Alert, Anchor, Button, FileButton, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ATTACHMENT_MAX_BYTES } from '@pd-desk/shared/cases/case-model';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDateTime } from '../../lib/format';
import { useInvalidateCases } from '../../lib/invalidate';
import { isApiError, useTRPC } from '../../lib/trpc';
import { useCasePage } from './case-page-context';

/** A hint for the file dialog only: the server decides by the content. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx';

export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'ru-RU';
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL is "data:<type>;base64,<payload>": the payload is what the API takes.
    reader.onload = () => resolve(String(reader.result).split(',', 2)[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function CaseAttachments({ canUpload }: { canUpload: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const trpc = useTRPC();
  const { detail } = useCasePage();
  const refresh = useInvalidateCases();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    ...trpc.cases.addAttachment.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: async (_created, input) => {
      notifications.show({ color: 'teal', message: t('attachments.uploaded', { name: input.fileName }) });
      await refresh();
    },
    onError: (error) => setProblem(isApiError(error) ? error.message : String(error)),
  });
  const choose = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    // Refused here so a 50 MB scan is not sent only to be refused by the server.
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setProblem(
        t('attachments.tooLarge', {
          name: file.name,
          size: formatBytes(file.size, i18n.language),
          max: formatBytes(ATTACHMENT_MAX_BYTES, i18n.language),
        }),
      );
      return;
    }
    upload.mutate({ id: detail.id, fileName: file.name, contentBase64: await readBase64(file) });
  };

  return (
    <Section
      title={t('attachments.title')}
      action={
        canUpload && (
          <FileButton onChange={(file) => void choose(file)} accept={ACCEPT}>
            {(props) => (
              <Button size="xs" variant="light" loading={upload.isPending} {...props}>
                {t('attachments.upload')}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      {problem && (
        <Alert color="red" mb="xs" role="alert" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {detail.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.empty')}
          {canUpload && ` · ${t('attachments.hint', { size: formatBytes(ATTACHMENT_MAX_BYTES, i18n.language) })}`}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attachments.name')}</Table.Th>
              <Table.Th>{t('attachments.size')}</Table.Th>
              <Table.Th>{t('attachments.at')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.attachments.map((file) => (
              <Table.Tr key={file.id}>
                <Table.Td>
                  <Anchor href={paths.attachment.href(file.id)} size="sm">
                    {file.fileName}
                  </Anchor>
                  {file.description && (
                    <Text size="xs" c="dimmed">
                      {file.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatBytes(file.sizeBytes, i18n.language)}</Table.Td>
                <Table.Td>{formatDateTime(file.uploadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

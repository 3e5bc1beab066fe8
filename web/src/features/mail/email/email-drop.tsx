import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useInvalidateMail } from '../../../lib/invalidate';
import { errorText } from '../../../lib/server-messages';
import { useTRPC } from '../../../lib/trpc';
import type { EmailImportResult } from '../types';

const STATUS_COLORS = {
  created: 'teal',
  linked: 'blue',
  duplicate: 'gray',
  'not-withdrawal': 'yellow',
  rejected: 'red',
};

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Several .eml files dropped at once go through the same import as `pd-desk import eml`; a line per message. */
export function EmailDrop() {
  const { t } = useTranslation('mail');
  const trpc = useTRPC();
  const invalidate = useInvalidateMail();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [results, setResults] = useState<EmailImportResult[]>([]);
  const importMutation = useMutation({
    ...trpc.mail.email.import.mutationOptions(),
    onSuccess: async (lines) => {
      setResults(lines);
      await invalidate();
    },
  });
  const send = async (files: File[]) => {
    const eml = files.filter((f) => /\.eml$/i.test(f.name));
    if (eml.length === 0) return;
    importMutation.mutate({
      files: await Promise.all(eml.map(async (f) => ({ name: f.name, base64: await toBase64(f) }))),
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      bg={over ? 'blue.0' : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void send(Array.from(e.dataTransfer.files));
      }}
      data-testid="eml-drop"
    >
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('email.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('email.drop')}
          </Text>
          <Button size="xs" variant="default" onClick={() => input.current?.click()} loading={importMutation.isPending}>
            {t('email.pick')}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            multiple
            accept=".eml,message/rfc822"
            aria-label={t('email.pick')}
            onChange={(e) => {
              void send(Array.from(e.currentTarget.files ?? []));
              e.currentTarget.value = '';
            }}
          />
        </Group>
        {importMutation.error && (
          <Alert color="red" role="alert" p="xs">
            {errorText(importMutation.error)}
          </Alert>
        )}
        {results.length > 0 && (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {results.map((line) => (
                <Table.Tr key={line.file}>
                  <Table.Td>{line.file}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[line.status]}>
                      {t(`email.statuses.${line.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {line.case ? (
                      <Link to={paths.case.href(line.case)}>{line.incomingNumber ?? `#${line.case}`}</Link>
                    ) : (
                      (line.reason ?? '')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

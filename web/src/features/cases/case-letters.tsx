import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/ui/section';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { useCasePage } from './case-page-context';
import { MarkSentModal } from './mark-sent-modal';
import { PrepareLetterModal } from './prepare-letter-modal';
import type { CaseLetter } from './types';

export function CaseLetters({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const { detail } = useCasePage();
  const [preparing, setPreparing] = useState(false);
  const [sending, setSending] = useState<CaseLetter | null>(null);
  return (
    <Section
      title={t('letters.title')}
      action={
        canWrite && (
          <Button size="xs" variant="light" onClick={() => setPreparing(true)}>
            {t('letters.prepare')}
          </Button>
        )
      }
    >
      {detail.letters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('letters.empty')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.number')}</Table.Th>
              <Table.Th>{t('letters.kind')}</Table.Th>
              <Table.Th>{t('letters.date')}</Table.Th>
              <Table.Th>{t('letters.sent')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.letters.map((letter) => (
              <Table.Tr key={letter.id}>
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {letter.outgoingNumber}
                </Table.Td>
                <Table.Td>{t(`letters.kinds.${letter.kind}`)}</Table.Td>
                <Table.Td>{formatDate(letter.dateOn)}</Table.Td>
                <Table.Td>
                  <SentCell letter={letter} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Anchor
                      href={paths.letterPdf.href(letter.id)}
                      download
                      size="sm"
                      aria-label={t('letters.downloadLabel', { number: letter.outgoingNumber })}
                    >
                      {t('letters.download')}
                    </Anchor>
                    <Anchor
                      href={paths.mailLetterFile.href(letter.id, 'docx')}
                      download
                      size="sm"
                      aria-label={t('letters.downloadDocxLabel', { number: letter.outgoingNumber })}
                    >
                      DOCX
                    </Anchor>
                    {canWrite && !letter.sentOn && (
                      <Button size="compact-xs" variant="default" onClick={() => setSending(letter)}>
                        {t('letters.markSent')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PrepareLetterModal opened={preparing} onClose={() => setPreparing(false)} />
      <MarkSentModal letter={sending} onClose={() => setSending(null)} />
    </Section>
  );
}

function SentCell({ letter }: { letter: CaseLetter }) {
  const { t } = useTranslation('cases');
  if (!letter.sentOn || !letter.sentMethod) {
    return (
      <Text size="sm" c="orange.8">
        {t('letters.notSent')}
      </Text>
    );
  }
  return (
    <Text size="sm">
      {t('letters.sentVia', { method: t(`letters.methods.${letter.sentMethod}`), date: formatDate(letter.sentOn) })}
      {letter.trackingNumber && (
        <Text span size="xs" c="dimmed" ml={6}>
          {t('letters.tracking', { number: letter.trackingNumber })}
        </Text>
      )}
      {letter.sentNote && (
        <Text span size="xs" c="dimmed" ml={6} lang="ru">
          {letter.sentNote}
        </Text>
      )}
    </Text>
  );
}

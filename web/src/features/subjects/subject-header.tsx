import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { isBlockInEffect } from '@pd-desk/shared/blocks/block-model';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { BlockedBadge } from '../blocks/blocked-badge';
import { type SubjectPage, type SubjectReveal, shown } from './types';

type Props = {
  subject: SubjectPage;
  revealed: SubjectReveal | null;
  revealing: boolean;
  onReveal: () => void;
  onHide: () => void;
  actions: React.ReactNode;
};

function ValueList({ label, items }: { label: string; items: string[] }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        items.map((item) => (
          <Text size="sm" key={item} lang="ru">
            {item}
          </Text>
        ))
      )}
    </div>
  );
}

/** Who this is: masked until «Показать», with a visible reminder that showing is logged. */
export function SubjectHeader({ subject, revealed, revealing, onReveal, onHide, actions }: Props) {
  const { t } = useTranslation('subjects');
  const name = revealed?.name ?? subject.name;
  const birthDate = revealed?.birthDate ? formatDate(revealed.birthDate) : (subject.birthDate ?? '—');
  const toggle = useRef<HTMLButtonElement>(null);
  const wasRevealed = useRef(revealed !== null);
  useEffect(() => {
    if ((revealed !== null) === wasRevealed.current) return;
    wasRevealed.current = revealed !== null;
    // While loading the button is disabled, which drops focus to <body>: give it back to the button, now «Скрыть».
    if (document.activeElement === document.body) toggle.current?.focus();
  }, [revealed]);
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <PageHeader
          title={<span lang="ru">{name}</span>}
          titleTestId="subject-name"
          badges={
            <>
              <Badge variant="light">{t(`categories.${subject.category}`)}</Badge>
              {subject.blocks.some((b) => isBlockInEffect(b.state)) && <BlockedBadge />}
              <Text size="xs" c="dimmed">
                № {subject.id} · {t('page.version', { version: subject.version })}
              </Text>
            </>
          }
          subtitle={
            <Group gap="xs">
              {/* One button that changes its word: the pressed control stays where focus is. */}
              <Button
                ref={toggle}
                size="xs"
                variant={revealed ? 'default' : 'light'}
                color={revealed ? undefined : 'orange'}
                loading={revealing}
                onClick={revealed ? onHide : onReveal}
              >
                {revealed ? t('page.hide') : t('page.reveal')}
              </Button>
              <Text size="xs" c={revealed ? 'orange.8' : 'dimmed'} role="note">
                {revealed ? t('page.revealed') : t('page.revealNote')}
              </Text>
            </Group>
          }
          actions={actions}
        />
        {subject.mergedIntoId !== null && (
          <Alert color="gray" py={6}>
            <Group gap="sm">
              <Text size="sm">{t('page.mergedInto', { id: subject.mergedIntoId })}</Text>
              <Anchor component={Link} to={paths.subject.href(subject.mergedIntoId)} size="sm">
                {t('page.openSurvivor')}
              </Anchor>
            </Group>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <ValueList label={t('page.birthDate')} items={[birthDate]} />
          <ValueList
            label={t('page.formerNames')}
            items={subject.formerNames.map((f) => shown(f.value, revealed?.formerNames, f.id))}
          />
          <ValueList
            label={t('page.phones')}
            items={subject.phones.map((p) => shown(p.value, revealed?.phones, p.id))}
          />
          <ValueList
            label={t('page.emails')}
            items={subject.emails.map((e) => shown(e.value, revealed?.emails, e.id))}
          />
          <ValueList
            label={t('page.addresses')}
            items={subject.addresses.map((a) => shown(a.value, revealed?.addresses, a.id))}
          />
        </SimpleGrid>
        {subject.externalId && (
          <Text size="xs" c="dimmed">
            {t('page.externalId')}: {subject.externalId}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { REVEAL_FIELDS } from '@pd-desk/shared/subjects/subject-records.schemas';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MutationErrorAlert } from '../../components/ui/mutation-error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { useInvalidateSubjects } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { BlockDialog } from '../blocks/block-dialog';
import { RectifyModal } from './rectify-modal';
import { SubjectConsents } from './subject-consents';
import { SubjectHeader } from './subject-header';
import { SubjectHistory } from './subject-history';
import { SubjectLinks } from './subject-links';
import { SubjectMerge } from './subject-merge';
import { SubjectRecords } from './subject-records';
import { SubjectRepresentatives } from './subject-representatives';
import type { SubjectPage, SubjectReveal } from './types';

function BackToSearch() {
  const { t } = useTranslation('subjects');
  const navigate = useNavigate();
  // Back to the results the officer came from (their query is in that URL), or to an empty search.
  return (
    <Anchor
      component={Link}
      to={paths.subjects.href()}
      size="sm"
      onClick={(e) => {
        if (window.history.length > 1) {
          e.preventDefault();
          navigate(-1);
        }
      }}
    >
      ← {t('page.back')}
    </Anchor>
  );
}

export default function SubjectRoute() {
  const me = useCurrentUser();
  const subjectId = Number(useParams().subjectId);
  return hasRole(me.role, ['officer', 'auditor']) ? (
    <FullPage key={subjectId} subjectId={subjectId} />
  ) : (
    <IntakeCard subjectId={subjectId} />
  );
}

/** The registrar's view: enough to confirm a letter is about this person, nothing more. */
function IntakeCard({ subjectId }: { subjectId: number }) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const card = useQuery(trpc.subjects.card.queryOptions({ subjectId }));
  if (card.isPending) return <Loader />;
  if (!card.data) return <Alert color="red">{t('page.notFound')}</Alert>;
  return (
    <Stack gap="sm">
      <BackToSearch />
      <Paper withBorder p="sm">
        <PageHeader
          title={<span lang="ru">{card.data.name}</span>}
          badges={
            <>
              <Badge variant="light">{t(`categories.${card.data.category}`)}</Badge>
              <Text c="dimmed">{card.data.birthDate ?? '—'}</Text>
            </>
          }
          subtitle={
            <Text size="xs" c="dimmed">
              № {card.data.id} · {t('page.revealNote')}
            </Text>
          }
        />
      </Paper>
    </Stack>
  );
}

function FullPage({ subjectId }: { subjectId: number }) {
  const { t } = useTranslation('subjects');
  const trpc = useTRPC();
  const invalidateSubjects = useInvalidateSubjects();
  const me = useCurrentUser();
  const page = useQuery(trpc.subjects.byId.queryOptions({ subjectId }));
  const [revealed, setRevealed] = useState<SubjectReveal | null>(null);
  const [rectifying, setRectifying] = useState(false);
  const [blocking, setBlocking] = useState(false);
  const reveal = useMutation({
    ...trpc.subjects.reveal.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: setRevealed,
  });
  // After any change the page is re-read and the revealed values closed: they may be out of date.
  const changed = async () => {
    setRevealed(null);
    await invalidateSubjects();
  };
  const reload = () => void page.refetch();

  if (page.isPending) {
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  }
  if (!page.data) return <Alert color="red">{t('page.notFound')}</Alert>;
  const subject: SubjectPage = page.data;
  const canEdit = hasRole(me.role, ['officer']) && subject.mergedIntoId === null;

  return (
    <Stack gap="sm">
      <BackToSearch />
      <SubjectHeader
        subject={subject}
        revealed={revealed}
        revealing={reveal.isPending}
        onReveal={() => reveal.mutate({ subjectId, fields: [...REVEAL_FIELDS] })}
        onHide={() => setRevealed(null)}
        actions={
          canEdit && (
            <Group gap="xs">
              <Button size="xs" color="red" variant="light" onClick={() => setBlocking(true)}>
                {t('page.block')}
              </Button>
              <Button size="xs" onClick={() => setRectifying(true)}>
                {t('page.rectify')}
              </Button>
            </Group>
          )
        }
      />
      <MutationErrorAlert error={reveal.error} onReload={reload} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <SubjectRecords subjectId={subject.id} records={subject.records} canEdit={canEdit} onChanged={changed} />
            <SubjectConsents consents={subject.consents} revealed={revealed} canEdit={canEdit} onChanged={changed} />
            <SubjectRepresentatives
              subjectId={subject.id}
              representatives={subject.representatives}
              revealed={revealed}
              canEdit={canEdit}
              onChanged={changed}
            />
            <SubjectHistory subjectId={subject.id} revealed={revealed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="sm">
            <SubjectMerge subject={subject} canEdit={canEdit} onChanged={changed} onReload={reload} />
            <SubjectLinks subject={subject} />
          </Stack>
        </Grid.Col>
      </Grid>
      {canEdit && <BlockDialog subjectId={subject.id} opened={blocking} onClose={() => setBlocking(false)} />}
      {canEdit && (
        <RectifyModal
          subject={subject}
          revealed={revealed}
          opened={rectifying}
          onClose={() => setRectifying(false)}
          onDone={changed}
          onReload={reload}
        />
      )}
    </Stack>
  );
}

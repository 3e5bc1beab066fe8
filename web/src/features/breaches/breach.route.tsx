import { Alert, Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { BREACH_STATUS_LABELS } from '@pd-desk/shared/breaches/breach-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { useInvalidateBreaches } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { AffectedSubjects } from './affected-subjects';
import { BreachClock, instantText, useNow } from './breach-clocks';
import { BreachDetails } from './breach-details';
import { BreachAttachments, BreachTimeline } from './breach-timeline';
import { labelOf } from './labels';
import { NoticeDrafts } from './notice-drafts';

/** The incident page: the two clocks first, then the record, the notices, the affected subjects and the timeline. */
export default function BreachRoute() {
  const { t, i18n } = useTranslation('breaches');
  const trpc = useTRPC();
  const me = useCurrentUser();
  const now = useNow();
  const refresh = useInvalidateBreaches();
  const id = Number(useParams().breachId);
  const query = useQuery({
    ...trpc.breaches.byId.queryOptions({ id }),
    refetchOnWindowFocus: true,
    // While a job runs, its progress is polled.
    refetchInterval: (q) =>
      q.state.data?.jobs.some((j) => j.state === 'queued' || j.state === 'running') ? 1_000 : false,
  });
  const close = useMutation(trpc.breaches.close.mutationOptions({ onSuccess: () => refresh() }));
  if (query.isPending) {
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  }
  const detail = query.data;
  if (!detail) return <Alert color="red">{t('page.notFound')}</Alert>;
  const canWork = hasRole(me.role, ['officer', 'admin']);
  const offset = detail.established.slice(16);
  return (
    <Stack gap="sm">
      <PageHeader
        title={detail.number}
        titleTestId="breach-number"
        badges={<Badge variant="light">{labelOf(BREACH_STATUS_LABELS[detail.status], i18n.language)}</Badge>}
        subtitle={`${t('page.established', { at: instantText(detail.established) })} (UTC${offset})`}
        actions={
          canWork &&
          detail.status === 'reported' && (
            <Button
              variant="default"
              loading={close.isPending}
              onClick={() => close.mutate({ id: detail.id, version: detail.version, note: '' })}
            >
              {t('page.close')}
            </Button>
          )
        }
      />
      <Paper withBorder p="sm">
        <Group gap="xl" wrap="wrap">
          {detail.clocks.map((clock) => (
            <Stack key={clock.kind} gap={4}>
              <Text size="sm" fw={600}>
                {t(`clock.${clock.kind}`)}
              </Text>
              <BreachClock clock={clock} now={now} />
            </Stack>
          ))}
        </Group>
      </Paper>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <BreachDetails detail={detail} canWork={canWork} />
            <BreachAttachments detail={detail} canWork={canWork} />
            <BreachTimeline detail={detail} canWork={canWork} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <NoticeDrafts detail={detail} canWork={canWork} />
            <AffectedSubjects detail={detail} canWork={canWork} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

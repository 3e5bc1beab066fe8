import { Button, MultiSelect, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../../components/ui/mutation-error-alert';
import { useInvalidateMail } from '../../../lib/invalidate';
import { useTRPC } from '../../../lib/trpc';

/** Every consent or the listed purposes: the scope the letter gives narrows the plan. A draft can be made again. */
export function PlanScope({
  caseId,
  again,
  letterScope,
}: {
  caseId: number;
  again: boolean;
  /** The purposes the letter lists (from the intake); null when it withdraws every consent or came by hand. */
  letterScope: number[] | null;
}) {
  const { t } = useTranslation('mailPlan');
  const trpc = useTRPC();
  const refresh = useInvalidateMail();
  const catalogue = useQuery(trpc.subjects.catalogue.list.queryOptions());
  const [scope, setScope] = useState<'all' | 'listed'>(letterScope ? 'listed' : 'all');
  const [purposeIds, setPurposeIds] = useState<string[]>(letterScope?.map(String) ?? []);
  const create = useMutation({ ...trpc.mail.plan.create.mutationOptions(), onSuccess: () => refresh() });
  const submit = () =>
    create.mutate({ caseId, ...(scope === 'listed' ? { purposeIds: purposeIds.map(Number) } : { allPurposes: true }) });
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('create.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('create.title')}
        </Title>
        {!again && (
          <Text size="sm" c="dimmed">
            {t('create.hint')}
          </Text>
        )}
        <MutationErrorAlert error={create.error} onReload={() => void refresh()} />
        <Radio.Group label={t('create.scope')} value={scope} onChange={(v) => setScope(v as 'all' | 'listed')}>
          <Stack gap={4} mt={4}>
            <Radio value="all" label={t('create.all')} />
            <Radio value="listed" label={t('create.listed')} />
          </Stack>
        </Radio.Group>
        {scope === 'listed' && (
          <MultiSelect
            label={t('create.purposes')}
            data={(catalogue.data?.purposes ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={purposeIds}
            onChange={setPurposeIds}
            searchable
            maw={640}
          />
        )}
        <div>
          <Button
            onClick={submit}
            loading={create.isPending}
            variant={again ? 'default' : 'filled'}
            disabled={scope === 'listed' && purposeIds.length === 0}
          >
            {again ? t('create.again') : t('create.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

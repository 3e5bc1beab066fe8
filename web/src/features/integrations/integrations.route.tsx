import { Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import type { IntegrationEventType } from '@pd-desk/shared/integrations/integration-events';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { FormActions } from '../../components/ui/form-actions';
import { PageHeader } from '../../components/ui/page-header';
import { Section } from '../../components/ui/section';
import { formatDateTime } from '../../lib/format';
import { inItsLanguage } from '../../lib/in-its-language';
import { useInvalidateIntegrations } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { ApiKeyModal } from './api-key-modal';
import { EVENT_LABELS } from './event-labels';
import { SecretOnceModal } from './secret-once-modal';
import { WebhookModal } from './webhook-modal';

type KeyRow = {
  id: number;
  systemCode: string;
  systemName: string;
  prefix: string;
  scopes: ApiScope[];
  rateLimit: number;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
type WebhookRow = { id: number; systemName: string; url: string; eventTypes: IntegrationEventType[]; active: boolean };
type DeliveryRow = {
  id: number;
  systemCode: string;
  eventType: IntegrationEventType;
  occurredAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
};

export default function IntegrationsRoute() {
  const { t, i18n } = useTranslation('integrations');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const trpc = useTRPC();
  const invalidate = useInvalidateIntegrations();
  const catalogue = useQuery(trpc.subjects.catalogue.list.queryOptions());
  const keys = useQuery(trpc.integrations.keys.queryOptions());
  const webhooks = useQuery(trpc.integrations.webhooks.queryOptions());
  const deliveries = useQuery(trpc.integrations.deliveries.queryOptions({ limit: 50 }));
  const [creatingKey, setCreatingKey] = useState(false);
  const [creatingWebhook, setCreatingWebhook] = useState(false);
  const [revoking, setRevoking] = useState<KeyRow | null>(null);
  const [shown, setShown] = useState<{ secret: string; title: string; text: string } | null>(null);
  const systems = (catalogue.data?.systems ?? []).filter((s) => s.active);

  const revoke = useMutation({
    ...trpc.integrations.revokeKey.mutationOptions(),
    onSuccess: () => {
      setRevoking(null);
      notifications.show({ color: 'teal', message: t('keys.revokedOk') });
      return invalidate();
    },
  });
  const deactivate = useMutation({ ...trpc.integrations.deactivateWebhook.mutationOptions(), onSuccess: invalidate });
  const retry = useMutation({
    ...trpc.integrations.retryDelivery.mutationOptions(),
    onSuccess: () => {
      notifications.show({ message: t('deliveries.retried') });
      return invalidate();
    },
  });

  const keyColumns = useMemo<ColumnDef<KeyRow, unknown>[]>(
    () => [
      { header: t('keys.system'), cell: ({ row }) => <Text size="sm">{inItsLanguage(row.original.systemName)}</Text> },
      { header: t('keys.key'), cell: ({ row }) => <code>{row.original.prefix}…</code> },
      {
        header: t('keys.scopes'),
        cell: ({ row }) => (
          <Group gap={4}>
            {row.original.scopes.map((s) => (
              <Badge key={s} variant="light" size="sm" tt="none">
                {s}
              </Badge>
            ))}
          </Group>
        ),
      },
      {
        header: t('keys.rateLimitShort'),
        cell: ({ row }) =>
          row.original.rateLimit === 0 ? t('keys.unlimited') : t('keys.perMinute', { count: row.original.rateLimit }),
      },
      {
        header: t('keys.expires'),
        cell: ({ row }) => (row.original.expiresAt ? formatDateTime(row.original.expiresAt) : t('keys.forever')),
      },
      {
        header: t('keys.lastUsed'),
        cell: ({ row }) => (row.original.lastUsedAt ? formatDateTime(row.original.lastUsedAt) : t('keys.never')),
      },
      {
        header: t('keys.status'),
        cell: ({ row }) => {
          const k = row.original;
          if (k.revokedAt) return <Badge color="gray">{t('keys.revoked')}</Badge>;
          if (k.expiresAt && new Date(k.expiresAt) <= new Date())
            return <Badge color="orange">{t('keys.expired')}</Badge>;
          return <Badge color="teal">{t('keys.live')}</Badge>;
        },
      },
      {
        header: '',
        id: 'actions',
        cell: ({ row }) =>
          row.original.revokedAt ? null : (
            <Button
              size="xs"
              variant="default"
              color="red"
              aria-label={`${t('keys.revoke')}: ${row.original.systemName}`}
              onClick={() => setRevoking(row.original)}
            >
              {t('keys.revoke')}
            </Button>
          ),
      },
    ],
    [t],
  );

  const webhookColumns = useMemo<ColumnDef<WebhookRow, unknown>[]>(
    () => [
      { header: t('keys.system'), cell: ({ row }) => inItsLanguage(row.original.systemName) },
      { header: t('webhooks.url'), cell: ({ row }) => <code>{row.original.url}</code> },
      {
        header: t('webhooks.events'),
        cell: ({ row }) => row.original.eventTypes.map((e) => EVENT_LABELS[e][lang]).join(', '),
      },
      {
        header: t('keys.status'),
        cell: ({ row }) =>
          row.original.active ? (
            <Badge color="teal">{t('webhooks.active')}</Badge>
          ) : (
            <Badge color="gray">{t('webhooks.inactive')}</Badge>
          ),
      },
      {
        header: '',
        id: 'actions',
        cell: ({ row }) =>
          row.original.active && (
            <Button size="xs" variant="default" onClick={() => deactivate.mutate({ id: row.original.id })}>
              {t('webhooks.deactivate')}
            </Button>
          ),
      },
    ],
    [t, lang, deactivate],
  );

  const deliveryColumns = useMemo<ColumnDef<DeliveryRow, unknown>[]>(
    () => [
      { header: t('deliveries.event'), cell: ({ row }) => EVENT_LABELS[row.original.eventType][lang] },
      { header: t('keys.system'), accessorKey: 'systemCode' },
      { header: t('deliveries.occurred'), cell: ({ row }) => formatDateTime(row.original.occurredAt) },
      { header: t('deliveries.attempts'), accessorKey: 'attempts' },
      {
        header: t('deliveries.lastAnswer'),
        cell: ({ row }) =>
          row.original.lastError ??
          (row.original.lastStatus ? `HTTP ${row.original.lastStatus}` : t('deliveries.noAnswer')),
      },
      {
        header: t('deliveries.state'),
        cell: ({ row }) =>
          row.original.deliveredAt ? (
            <Badge color="teal" variant="light" tt="none">
              {t('deliveries.delivered', { at: formatDateTime(row.original.deliveredAt) })}
            </Badge>
          ) : (
            <Badge color="orange" variant="light" tt="none">
              {t('deliveries.pending', { at: formatDateTime(row.original.nextAttemptAt) })}
            </Badge>
          ),
      },
      {
        header: '',
        id: 'actions',
        cell: ({ row }) => (
          <Button size="xs" variant="default" onClick={() => retry.mutate({ id: row.original.id })}>
            {t('deliveries.retry')}
          </Button>
        ),
      },
    ],
    [t, lang, retry],
  );

  return (
    <Stack>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Anchor href="/api/docs" target="_blank" rel="noopener">
            {t('docs')}
          </Anchor>
        }
      />
      <Section
        title={t('keys.title')}
        action={
          <Button size="xs" onClick={() => setCreatingKey(true)}>
            {t('keys.create')}
          </Button>
        }
      >
        <DataTable
          data={(keys.data ?? []) as KeyRow[]}
          columns={keyColumns}
          emptyText={t('keys.empty')}
          getRowId={(k) => String(k.id)}
        />
      </Section>
      <Section
        title={t('webhooks.title')}
        action={
          <Button size="xs" onClick={() => setCreatingWebhook(true)}>
            {t('webhooks.create')}
          </Button>
        }
      >
        <DataTable
          data={(webhooks.data ?? []) as WebhookRow[]}
          columns={webhookColumns}
          emptyText={t('webhooks.empty')}
          getRowId={(w) => String(w.id)}
        />
      </Section>
      <Section title={t('deliveries.title')}>
        <DataTable
          data={(deliveries.data ?? []) as DeliveryRow[]}
          columns={deliveryColumns}
          emptyText={t('deliveries.empty')}
          getRowId={(d) => String(d.id)}
        />
      </Section>
      <ApiKeyModal
        opened={creatingKey}
        systems={systems}
        onClose={() => setCreatingKey(false)}
        onCreated={(created) => {
          setCreatingKey(false);
          void invalidate();
          const system = systems.find((s) => s.code === created.system)?.name ?? created.system;
          setShown({ secret: created.key, title: t('keys.shownOnce'), text: t('keys.shownOnceText', { system }) });
        }}
      />
      <WebhookModal
        opened={creatingWebhook}
        systems={systems}
        onClose={() => setCreatingWebhook(false)}
        onCreated={(secret) => {
          setCreatingWebhook(false);
          void invalidate();
          setShown({ secret, title: t('webhooks.secretOnce'), text: t('webhooks.secretOnceText') });
        }}
      />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('keys.revoke')}>
        <Stack>
          <Text size="sm">{t('keys.revokeConfirm', { system: revoking?.systemName ?? '' })}</Text>
          <FormActions
            onCancel={() => setRevoking(null)}
            submitLabel={t('keys.revoke')}
            submitColor="red"
            loading={revoke.isPending}
            onSubmit={() => revoking && revoke.mutate({ id: revoking.id })}
          />
        </Stack>
      </Modal>
      <SecretOnceModal
        secret={shown?.secret ?? null}
        title={shown?.title ?? ''}
        text={shown?.text ?? ''}
        onClose={() => setShown(null)}
      />
    </Stack>
  );
}

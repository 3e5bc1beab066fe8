import { Badge, Button, Menu, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLES, type Role } from '@pd-desk/shared/auth/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { PageHeader } from '../../components/ui/page-header';
import { formatDateTime } from '../../lib/format';
import { useInvalidateUsers } from '../../lib/invalidate';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../auth/use-session';
import { AddUserModal } from './add-user-modal';
import { BackupPanel } from './backup-panel';
import { ResetPasswordModal } from './reset-password-modal';
import { TwoFactorPolicySwitch } from './two-factor-policy';
import { UserSessionsModal } from './user-sessions-modal';

type UserRow = {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  disabledAt: string | Date | null;
  createdAt: string | Date;
  twoFactorEnabled: boolean;
};

export default function UsersRoute() {
  const { t } = useTranslation('admin');
  const { t: tShell } = useTranslation();
  const trpc = useTRPC();
  const me = useCurrentUser();
  const users = useQuery(trpc.users.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [viewingSessions, setViewingSessions] = useState<UserRow | null>(null);
  const invalidate = useInvalidateUsers();
  const saved = () => {
    notifications.show({ color: 'teal', message: t('users.saved') });
    return invalidate();
  };
  const setRole = useMutation({ ...trpc.users.setRole.mutationOptions(), onSuccess: saved });
  const setDisabled = useMutation({ ...trpc.users.setDisabled.mutationOptions(), onSuccess: saved });
  const resetTwoFactor = useMutation({
    ...trpc.users.resetTwoFactor.mutationOptions(),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('users.resetTwoFactorDone') });
      return invalidate();
    },
  });
  const endSessions = useMutation({
    ...trpc.users.endSessions.mutationOptions(),
    onSuccess: (count) => notifications.show({ message: t('users.sessionsEnded', { count }) }),
  });

  const roleOptions = ROLES.map((role) => ({ value: role, label: tShell(`roles.${role}`) }));
  const columns = useMemo<ColumnDef<UserRow, unknown>[]>(
    () => [
      { header: t('users.login'), accessorKey: 'login' },
      {
        header: t('users.name'),
        accessorKey: 'displayName',
        cell: ({ row }) => <span lang="ru">{row.original.displayName}</span>,
      },
      {
        header: t('users.role'),
        cell: ({ row }) => (
          <Select
            size="xs"
            w={170}
            aria-label={`${t('users.role')}: ${row.original.login}`}
            data={roleOptions}
            value={row.original.role}
            disabled={row.original.id === me.id}
            allowDeselect={false}
            onChange={(role) => role && setRole.mutate({ userId: row.original.id, role: role as Role })}
          />
        ),
      },
      {
        header: t('users.status'),
        cell: ({ row }) =>
          row.original.disabledAt ? (
            <Badge color="gray">{t('users.disabled')}</Badge>
          ) : (
            <Badge color="teal">{t('users.active')}</Badge>
          ),
      },
      {
        header: t('users.twoFactor'),
        cell: ({ row }) =>
          row.original.twoFactorEnabled ? (
            <Badge color="teal" variant="light">
              {t('users.twoFactorOn')}
            </Badge>
          ) : (
            t('users.twoFactorOff')
          ),
      },
      { header: t('users.created'), cell: ({ row }) => formatDateTime(row.original.createdAt) },
      {
        header: t('users.actions'),
        cell: ({ row }) => (
          <Menu withinPortal position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default" aria-label={`${t('users.actions')}: ${row.original.login}`}>
                …
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setResetting(row.original)}>{t('users.resetPassword')}</Menu.Item>
              <Menu.Item onClick={() => setViewingSessions(row.original)}>{t('users.sessions')}</Menu.Item>
              <Menu.Item onClick={() => endSessions.mutate({ userId: row.original.id })}>
                {t('users.endSessions')}
              </Menu.Item>
              {row.original.twoFactorEnabled && (
                <Menu.Item onClick={() => resetTwoFactor.mutate({ userId: row.original.id })}>
                  {t('users.resetTwoFactor')}
                </Menu.Item>
              )}
              {row.original.id !== me.id && (
                <Menu.Item
                  color={row.original.disabledAt ? undefined : 'red'}
                  onClick={() => setDisabled.mutate({ userId: row.original.id, disabled: !row.original.disabledAt })}
                >
                  {row.original.disabledAt ? t('users.enable') : t('users.disable')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        ),
      },
    ],
    [t, roleOptions, me.id, setRole, setDisabled, endSessions, resetTwoFactor],
  );

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        subtitle={users.data && t('users.count', { count: users.data.length })}
        actions={<Button onClick={() => setAdding(true)}>{t('users.add')}</Button>}
      />
      <TwoFactorPolicySwitch />
      <DataTable
        data={(users.data ?? []) as UserRow[]}
        columns={columns}
        emptyText="—"
        getRowId={(u) => String(u.id)}
      />
      <AddUserModal opened={adding} onClose={() => setAdding(false)} onCreated={invalidate} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <UserSessionsModal user={viewingSessions} onClose={() => setViewingSessions(null)} />
      <BackupPanel />
    </Stack>
  );
}

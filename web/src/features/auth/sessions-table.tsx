import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

export type SessionRow = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string | Date;
  lastSeenAt: string | Date;
  current?: boolean;
};

const BROWSER_TOKENS = ['Edg', 'YaBrowser', 'OPR', 'Firefox', 'Chrome', 'Safari'];

/** «Firefox 133 · Windows» is what a person recognises; the full string stays in the tooltip. */
function deviceOf(userAgent: string | null, yandex: string): string | null {
  if (!userAgent) return null;
  // Edge, Yandex and Opera also say «Chrome/…» (and Chrome says «Safari/…»): the most specific token wins.
  const browser = BROWSER_TOKENS.map((token) => new RegExp(`${token}/(\\d+)`).exec(userAgent)).find(Boolean);
  const system = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(userAgent);
  if (!browser) return userAgent.slice(0, 60);
  const token = browser[0].split('/')[0] as string;
  const name = { Edg: 'Edge', YaBrowser: yandex, OPR: 'Opera' }[token] ?? token;
  return [`${name} ${browser[1]}`, system?.[1]].filter(Boolean).join(' · ');
}

/** Live sessions of one user; `onEnd` adds a button per row (the user's own page). */
export function SessionsTable({ sessions, onEnd }: { sessions: SessionRow[]; onEnd?: (id: string) => void }) {
  const { t } = useTranslation('auth');
  if (sessions.length === 0) return <Text c="dimmed">{t('sessions.none')}</Text>;
  return (
    <Table striped verticalSpacing={4} aria-label={t('sessions.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sessions.device')}</Table.Th>
          <Table.Th>{t('sessions.address')}</Table.Th>
          <Table.Th>{t('sessions.created')}</Table.Th>
          <Table.Th>{t('sessions.lastSeen')}</Table.Th>
          {onEnd && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((session) => (
          <Table.Tr key={session.id}>
            <Table.Td title={session.userAgent ?? undefined}>
              {deviceOf(session.userAgent, t('sessions.yandexBrowser')) ?? t('sessions.unknownDevice')}{' '}
              {session.current && (
                <Badge size="sm" variant="light">
                  {t('sessions.current')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{session.ip ?? '—'}</Table.Td>
            <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
            <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
            {onEnd && (
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => onEnd(session.id)}>
                  {t('sessions.end')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

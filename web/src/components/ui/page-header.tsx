import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  /** Beside the title: status badges, a count. */
  badges?: ReactNode;
  /** Under the title: one dimmed line of explanation (a string), or any node (the kind of record, a reveal switch). */
  subtitle?: ReactNode;
  /** On the right: the screen's own buttons. */
  actions?: ReactNode;
  /** For the e2e tests that read the title (a masked name). */
  titleTestId?: string;
};

/**
 * The top of every screen: its one h1 (drawn at h2 size: dense screens), that names it, what it is about, and its buttons on the right. On a narrow window
 * (1024 px) the buttons wrap under the title instead of pushing the page sideways.
 */
export function PageHeader({ title, badges, subtitle, actions, titleTestId }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1} size="h2" data-testid={titleTestId}>
            {title}
          </Title>
          {badges}
        </Group>
        {typeof subtitle === 'string' ? (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        ) : (
          subtitle
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap" ml="auto">
          {actions}
        </Group>
      )}
    </Group>
  );
}

import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One block of a record page (a case, a subject): a heading (h2 under the page's h1, drawn small), an optional
 * action on the right (wrapping under the heading in a narrow window), then the content.
 */
export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One block of a record page (a case, a subject): a heading, an optional action on the right, then the content. */
export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>{title}</Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

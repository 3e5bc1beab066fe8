import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { afterFirstPaint } from '../../lib/after-first-paint';
import type { QueueFilters } from './queue-params';

export type SavedViewsProps = { filters: QueueFilters; onApply: (filters: QueueFilters) => void };

/** «Виды ▾»: the menu's target, and what stands in for the menu until its code has arrived. */
export function ViewsButton(props: ButtonProps & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation('triage');
  return (
    <Button size="xs" variant="default" {...props}>
      {t('views.menu')}
    </Button>
  );
}

/** Named filter sets per user, kept on the server so they follow the officer to another computer. */
export const SavedViewsMenu = afterFirstPaint<SavedViewsProps>(
  () => import('./saved-views-dropdown').then((m) => m.SavedViewsDropdown),
  () => <ViewsButton disabled />,
);

import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportTable } from '../../config/paths';
import { afterFirstPaint } from '../../lib/after-first-paint';

type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export type ExportMenuProps = {
  table: ExportTable;
  formats?: readonly ExportFormat[];
  /** The screen's filters, as the export's query string. */
  search?: URLSearchParams | string;
  /** One more file (the printable journal beside a register), with its own label. */
  extra?: { table: ExportTable; format: ExportFormat; label: string };
  size?: 'xs' | 'sm';
};

/** «Экспорт ▾»: the menu's target, and what stands in for the menu until its code has arrived. */
export function ExportButton(props: ButtonProps & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  return (
    <Button variant="default" data-testid="export-menu" {...props}>
      {t('exportMenu.label')}
    </Button>
  );
}

/**
 * «Экспорт ▾» with one plain link per format: a GET with the session cookie, so the browser downloads the file
 * itself (streamed, with its name) and no file passes through the page's memory.
 */
export const ExportMenu = afterFirstPaint<ExportMenuProps>(
  () => import('./export-menu-dropdown').then((m) => m.ExportMenuDropdown),
  ({ size = 'sm' }) => <ExportButton size={size} disabled />,
);

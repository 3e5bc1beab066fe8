import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ExportTable, paths } from '../../config/paths';

type ExportFormat = 'csv' | 'xlsx' | 'pdf';

type ExportMenuProps = {
  table: ExportTable;
  formats?: readonly ExportFormat[];
  /** The screen's filters, as the export's query string. */
  search?: URLSearchParams | string;
  /** One more file (the printable journal beside a register), with its own label. */
  extra?: { table: ExportTable; format: ExportFormat; label: string };
  size?: 'xs' | 'sm';
};

/**
 * «Экспорт ▾» with one plain link per format: a GET with the session cookie, so the browser downloads the file
 * itself (streamed, with its name) and no file passes through the page's memory.
 */
export function ExportMenu({ table, formats = ['xlsx', 'csv'], search = '', extra, size = 'sm' }: ExportMenuProps) {
  const { t } = useTranslation();
  const query = search.toString();
  const items = formats.map((format) => ({ table, format, label: t(`exportMenu.${format}`) }));
  if (extra) items.push(extra);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} data-testid="export-menu">
          {t('exportMenu.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item
            key={`${item.table}.${item.format}`}
            component="a"
            href={paths.tableExport.href(item.table, item.format, query)}
            download
          >
            {item.label}
          </Menu.Item>
        ))}
        <Menu.Label>{t('exportMenu.audited')}</Menu.Label>
      </Menu.Dropdown>
    </Menu>
  );
}

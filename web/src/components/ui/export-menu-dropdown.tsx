import { Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';
import { ExportButton, type ExportMenuProps } from './export-menu';

/** The export menu itself (export-menu.tsx), with Mantine's floating layer: fetched after the first paint. */
export function ExportMenuDropdown({
  table,
  formats = ['xlsx', 'csv'],
  search = '',
  extra,
  size = 'sm',
}: ExportMenuProps) {
  const { t } = useTranslation();
  const query = search.toString();
  const items = formats.map((format) => ({ table, format, label: t(`exportMenu.${format}`) }));
  if (extra) items.push(extra);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ExportButton size={size} />
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

import { Image } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paths } from '../../config/paths';

/** Every page of a scan as the server renders it (PNG), in order. */
export function ScanPages({ scan, maxHeight }: { scan: { id: number; pageCount: number }; maxHeight: number }) {
  const { t } = useTranslation('mail');
  const pages = Array.from({ length: scan.pageCount }, (_, i) => i + 1);
  return pages.map((page) => (
    <Image
      key={`page-${page}`}
      src={paths.mailScanPage.href(scan.id, page)}
      alt={t('scans.page', { page, count: scan.pageCount })}
      fit="contain"
      mah={maxHeight}
      mb={4}
    />
  ));
}

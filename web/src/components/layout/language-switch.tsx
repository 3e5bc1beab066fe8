import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../../lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={i18n.language}
      onChange={(value) => changeLanguage(value as Language)}
      // Each language named in itself, marked so a screen reader reads it in that language.
      data={[
        { value: 'ru', label: <span lang="ru">Русский</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}

import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { saveLanguage } from '../runtime/prefs.js';

/** Tiếng Việt / English, remembered on this phone. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('settings.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => {
        const language = value === 'en' ? 'en' : 'vi';
        saveLanguage(language);
        void i18n.changeLanguage(language);
      }}
      data={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { useLanguage } from './useLanguage';

/** Nederlands / English: sets <html lang> and remembers the choice in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <div role="group" aria-label={t('language.label')} className="wl-language">
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          appearance="subtle-button"
          lang={language}
          pressed={current === language}
          onClick={() => setLanguage(language)}
        >
          {t(`language.name.${language}`)}
        </Button>
      ))}
    </div>
  );
}

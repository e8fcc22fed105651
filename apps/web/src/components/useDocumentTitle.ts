import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the page in the document title: "<page> – Werkloket". */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const site = t('layout.siteName');
  useEffect(() => {
    document.title = `${page} – ${site}`;
  }, [page, site]);
}

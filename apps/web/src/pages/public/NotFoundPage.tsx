import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <Heading1>{t('notFound.title')}</Heading1>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}

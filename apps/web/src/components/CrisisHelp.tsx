import { Alert, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../api/types';

/** Show the crisis numbers when the rules refer to 113 or mark the question urgent. */
export function needsCrisisHelp(classification: Pick<Classification, 'referrals' | 'urgent'> | null | undefined): boolean {
  return classification !== null && classification !== undefined && (classification.referrals.includes('crisis_113') || classification.urgent);
}

/** The national crisis numbers, prominently at the top of a page. */
export function CrisisHelp() {
  const { t } = useTranslation();
  return (
    <Alert type="error" data-testid="crisis-help" className="wl-alert wl-crisis">
      <Paragraph className="wl-crisis__text">
        <strong>{t('crisis.text')}</strong>
      </Paragraph>
      <ul className="wl-inline-list">
        <li>
          <Link href="tel:113">{t('crisis.call113')}</Link>
        </li>
        <li>
          <Link href="tel:08000113">{t('crisis.call0800')}</Link>
        </li>
        <li>
          <Link href="https://www.113.nl">{t('crisis.chat')}</Link>
        </li>
        <li>
          <Link href="tel:112">{t('crisis.call112')}</Link>
        </li>
      </ul>
    </Alert>
  );
}

import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Classification } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { CrisisHelp, needsCrisisHelp } from '../../components/CrisisHelp';
import { Destinations, YouthDestinations } from '../../components/Destinations';
import { useDocumentTitle } from '../../components/useDocumentTitle';

function classificationOf(state: unknown): Classification | null {
  if (typeof state !== 'object' || state === null) return null;
  const c = (state as { classification?: unknown }).classification;
  if (typeof c !== 'object' || c === null || !Array.isArray((c as Classification).referrals)) return null;
  return c as Classification;
}

/** The under-16 answer: nothing is stored; school, the leerplicht officer and the RMC help further. */
export function AnswerPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const classification = classificationOf(location.state);
  useDocumentTitle(t('answer.title'));
  const others = classification?.referrals.filter((r) => r !== 'rmc' && r !== 'crisis_113') ?? [];

  return (
    <>
      {needsCrisisHelp(classification) && <CrisisHelp />}
      <Heading1>{t('answer.title')}</Heading1>
      <Paragraph lead>{t('answer.lead')}</Paragraph>
      <Paragraph>
        <strong>{t('answer.nothingStored')}</strong>
      </Paragraph>

      <section aria-labelledby="youth-title" className="wl-section">
        <Heading2 id="youth-title">{t('answer.whereTitle')}</Heading2>
        <YouthDestinations />
        {others.length > 0 && <Destinations referrals={others} />}
      </section>

      {classification !== null && classification.reasons.length > 0 && (
        <section aria-labelledby="why-title" className="wl-section">
          <Heading2 id="why-title">{t('answer.whyTitle')}</Heading2>
          <ul className="wl-list">
            {classification.reasons.map((reason) => (
              <li key={reason.rule}>{reason.text}</li>
            ))}
          </ul>
        </section>
      )}

      <Paragraph>
        <AppLink to="/">{t('answer.back')}</AppLink>
      </Paragraph>
    </>
  );
}

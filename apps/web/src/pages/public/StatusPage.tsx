import { useEffect, useState } from 'react';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import type { IntakeStatus, JourneyStep } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { CrisisHelp, needsCrisisHelp } from '../../components/CrisisHelp';
import { Destinations } from '../../components/Destinations';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useLanguage } from '../../components/useLanguage';
import { dateInWords, dateTime, deadlineInWords } from '../../i18n/format';

type Load = { kind: 'loading' } | { kind: 'found'; status: IntakeStatus } | { kind: 'notFound' } | { kind: 'error' };

/** A step of the journey in plain words. */
function useStepText(): (step: JourneyStep) => string {
  const { t } = useTranslation();
  return (step) => {
    const team = step.team ? t(`routePhrase.${step.team}`) : null;
    switch (step.step) {
      case 'received':
        return t('status.step.received');
      case 'routed':
        return team ? t('status.step.routed', { team }) : t('status.step.routedNoTeam');
      case 'in_progress':
        return team ? t('status.step.inProgress', { team }) : t('status.step.inProgressNoTeam');
      case 'waiting':
        return t('status.step.waiting');
      case 'closed':
        return step.result ? t('status.step.closedWith', { result: t(`result.citizen.${step.result}`) }) : t('status.step.closed');
    }
  };
}

/** The way of a question, for the person who asked it: no personal data, only steps, teams and case numbers. */
export function StatusPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { trackingCode = '' } = useParams();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const stepText = useStepText();
  useDocumentTitle(t('status.title'));

  useEffect(() => {
    let stopped = false;
    void (async () => {
      try {
        const { data, response } = await api.GET('/api/v1/intakes/{trackingCode}', { params: { path: { trackingCode } }, cache: 'no-store' });
        if (stopped) return;
        if (data !== undefined) setLoad({ kind: 'found', status: data });
        else setLoad(response.status === 404 ? { kind: 'notFound' } : { kind: 'error' });
      } catch {
        if (!stopped) setLoad({ kind: 'error' });
      }
    })();
    return () => {
      stopped = true;
    };
  }, [trackingCode]);

  if (load.kind !== 'found') {
    return (
      <>
        <Heading1>{t('status.title')}</Heading1>
        <div aria-live="polite">
          {load.kind === 'loading' && <Paragraph>{t('common.loading')}</Paragraph>}
          {load.kind === 'notFound' && (
            <>
              <Paragraph lead>{t('status.notFound')}</Paragraph>
              <Paragraph>{t('status.notFoundHelp')}</Paragraph>
            </>
          )}
          {load.kind === 'error' && <Paragraph>{t('errors.server')}</Paragraph>}
        </div>
        {load.kind !== 'loading' && (
          <Paragraph>
            <AppLink to="/status">{t('status.tryAgain')}</AppLink>
          </Paragraph>
        )}
      </>
    );
  }

  const { status } = load;
  const classification = status.classification ?? null;
  const referrals = classification?.referrals.filter((r) => r !== 'crisis_113') ?? [];

  return (
    <>
      {needsCrisisHelp(classification) && <CrisisHelp />}
      <Heading1>{t('status.title')}</Heading1>
      <dl className="wl-facts">
        <div>
          <dt>{t('status.now')}</dt>
          <dd>{t(`citizenStatus.${status.status}`)}</dd>
        </div>
        <div>
          <dt>{t('status.region')}</dt>
          <dd>{status.region?.name ?? t('status.regionUnknown')}</dd>
        </div>
        <div>
          <dt>{t('status.caseReference')}</dt>
          <dd>{status.caseReference ?? t('status.caseReferenceNone')}</dd>
        </div>
        <div>
          <dt>{t('status.receivedAt')}</dt>
          <dd>{dateInWords(status.receivedAt, language)}</dd>
        </div>
        {status.firstContactDueAt && status.status !== 'closed' && (
          <div>
            <dt>{t('status.firstContact')}</dt>
            <dd>{t('status.firstContactBy', { date: deadlineInWords(status.firstContactDueAt, language) })}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="journey-title" className="wl-section">
        <Heading2 id="journey-title">{t('status.journeyTitle')}</Heading2>
        <ol data-testid="journey" className="wl-timeline">
          {status.journey.map((step, index) => (
            <li key={`${step.at}-${step.step}-${index}`} className={`wl-timeline__item wl-timeline__item--${step.step}`}>
              <span className="wl-timeline__what">{stepText(step)}</span>{' '}
              <span className="wl-timeline__when">
                <time dateTime={step.at}>{dateTime(step.at, language)}</time>
                {step.caseReference ? ` · ${t('status.caseShort', { reference: step.caseReference })}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>

      {referrals.length > 0 && (
        <section aria-labelledby="referrals-title" className="wl-section">
          <Heading2 id="referrals-title">{t('referrals.title')}</Heading2>
          <Destinations referrals={referrals} />
        </section>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { api } from '../../api/client';
import type { IntakeStatus } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { CrisisHelp, needsCrisisHelp } from '../../components/CrisisHelp';
import { Destinations } from '../../components/Destinations';
import { RoutingExplanation } from '../../components/RoutingExplanation';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useLanguage } from '../../components/useLanguage';
import { deadlineInWords } from '../../i18n/format';
import type { ConfirmationState } from './intake/IntakePage';

const POLL_MS = 1000;
const MAX_POLLS = 20;

type Progress =
  | { kind: 'waiting'; status: IntakeStatus | null }
  | { kind: 'classified'; status: IntakeStatus }
  | { kind: 'slow'; status: IntakeStatus | null }
  | { kind: 'notFound' };

function isConfirmationState(value: unknown): value is ConfirmationState {
  return typeof value === 'object' && value !== null && typeof (value as { contactGiven?: unknown }).contactGiven === 'boolean';
}

/** After sending: the tracking code, and (once the rules have run) where the question went and by when. */
export function ConfirmationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { trackingCode = '' } = useParams();
  const location = useLocation();
  const contactGiven = isConfirmationState(location.state) ? location.state.contactGiven : null;
  const [progress, setProgress] = useState<Progress>({ kind: 'waiting', status: null });
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  useDocumentTitle(t('confirmation.title'));

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let polls = 0;
    const poll = async (): Promise<void> => {
      polls += 1;
      try {
        const { data, response } = await api.GET('/api/v1/intakes/{trackingCode}', { params: { path: { trackingCode } }, cache: 'no-store' });
        if (stopped) return;
        if (response.status === 404) {
          setProgress({ kind: 'notFound' });
          return;
        }
        if (data !== undefined && data.classification) {
          setProgress({ kind: 'classified', status: data });
          return;
        }
        if (data !== undefined) setProgress({ kind: 'waiting', status: data });
      } catch {
        if (stopped) return;
      }
      if (polls >= MAX_POLLS) {
        setProgress((p) => ({ kind: 'slow', status: p.kind === 'waiting' ? p.status : null }));
        return;
      }
      timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [trackingCode]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(trackingCode);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  const status = progress.kind === 'classified' ? progress.status : null;
  const classification = status?.classification ?? null;
  const team = classification && classification.route !== 'none' ? t(`routePhrase.${classification.route}`) : null;

  return (
    <>
      {needsCrisisHelp(classification) && <CrisisHelp />}
      <Heading1>{t('confirmation.title')}</Heading1>
      {progress.kind === 'notFound' ? (
        <Paragraph>{t('confirmation.notFound')}</Paragraph>
      ) : (
        <Paragraph lead>{t('confirmation.lead')}</Paragraph>
      )}

      <div className="wl-tracking">
        <Paragraph className="wl-tracking__label">
          {t('confirmation.codeLabel')}{' '}
          <code data-testid="tracking-code" className="wl-tracking__code">
            {trackingCode}
          </code>
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={() => void copy()}>
          {t('confirmation.copy')}
        </Button>
        <p role="status" className="wl-status-message">
          {copied === 'yes' ? t('confirmation.copied') : copied === 'failed' ? t('confirmation.copyFailed') : ''}
        </p>
        <Paragraph>
          <AppLink to={`/status/${encodeURIComponent(trackingCode)}`}>{t('confirmation.statusLink')}</AppLink>
        </Paragraph>
        <Paragraph>{t('confirmation.bookmark')}</Paragraph>
      </div>

      <section aria-labelledby="next-title" className="wl-section">
        <Heading2 id="next-title">{t('confirmation.nextTitle')}</Heading2>
        <div aria-live="polite" className="wl-next">
          {progress.kind === 'waiting' && <Paragraph>{t('confirmation.waiting')}</Paragraph>}
          {progress.kind === 'slow' && <Paragraph>{t('confirmation.slow')}</Paragraph>}
          {status !== null && classification !== null && (
            <>
              <RoutingExplanation classification={classification} region={status.region} mode="result" />
              {status.firstContactDueAt && team !== null && (
                <Paragraph>
                  <strong>
                    {contactGiven === false
                      ? t('confirmation.dueNoContact', { team, date: deadlineInWords(status.firstContactDueAt, language) })
                      : t('confirmation.due', { team, date: deadlineInWords(status.firstContactDueAt, language) })}
                  </strong>
                </Paragraph>
              )}
              {contactGiven === false && <Paragraph>{t('confirmation.noContactGiven')}</Paragraph>}
              {status.caseReference && <Paragraph>{t('confirmation.caseReference', { reference: status.caseReference })}</Paragraph>}
            </>
          )}
        </div>
      </section>

      {classification !== null && classification.referrals.filter((r) => r !== 'crisis_113').length > 0 && (
        <section aria-labelledby="referrals-title" className="wl-section">
          <Heading2 id="referrals-title">{t('referrals.title')}</Heading2>
          <Paragraph>{t('referrals.intro')}</Paragraph>
          <Destinations referrals={classification.referrals.filter((r) => r !== 'crisis_113')} />
        </section>
      )}
    </>
  );
}

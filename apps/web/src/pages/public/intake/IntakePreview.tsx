import { useEffect, useRef, useState } from 'react';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { IntakePreview as Preview, SubmitIntake } from '../../../api/types';
import { CheckboxField } from '../../../components/FormFields';
import { RoutingExplanation } from '../../../components/RoutingExplanation';

const DEBOUNCE_MS = 600;

type PreviewState =
  | { kind: 'idle' }
  | { kind: 'ready'; preview: Preview }
  | { kind: 'unknown' };

interface IntakePreviewProps {
  /** The body to preview, or null while role and place are not known yet. */
  body: SubmitIntake | null;
  consentSpecial: boolean;
  onConsentSpecial: (checked: boolean) => void;
  /** The server named consent.specialCategoryData and this is where the box is shown. */
  consentError: string | null;
}

/**
 * Where the question would go and why, while the person types (debounced). Stores nothing. When the question
 * speaks of the person's own health, offers the special-category consent right here.
 */
export function IntakePreview({ body, consentSpecial, onConsentSpecial, consentError }: IntakePreviewProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const [hintShown, setHintShown] = useState(false);
  const bodyJson = body === null ? null : JSON.stringify(body);
  const consentRef = useRef(consentSpecial);

  useEffect(() => {
    consentRef.current = consentSpecial;
  }, [consentSpecial]);

  useEffect(() => {
    if (bodyJson === null) {
      setState({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      void (async () => {
        try {
          const { data, response } = await api.POST('/api/v1/intakes/preview', {
            body: JSON.parse(bodyJson) as SubmitIntake,
            signal: controller.signal,
          });
          if (controller.signal.aborted) return;
          if (data !== undefined) {
            setState({ kind: 'ready', preview: data });
            if (data.consentHint) setHintShown(true);
            else if (!consentRef.current) setHintShown(false);
          } else if (response.status === 429) {
            // Too many previews: keep what is shown, quietly.
          } else {
            setState({ kind: 'unknown' });
          }
        } catch {
          // Aborted or offline: keep what is shown.
        }
      })();
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [bodyJson]);

  return (
    <section className="wl-preview" aria-labelledby="intake-preview-title">
      <Heading3 id="intake-preview-title">{t('intake.preview.title')}</Heading3>
      <div aria-live="polite" data-testid="preview" className="wl-preview__live">
        {state.kind === 'idle' && <Paragraph>{t('intake.preview.idle')}</Paragraph>}
        {state.kind === 'unknown' && <Paragraph>{t('intake.preview.unknown')}</Paragraph>}
        {state.kind === 'ready' && <RoutingExplanation classification={state.preview.classification} region={state.preview.region} mode="preview" />}
        {state.kind === 'ready' && hintShown && (
          <div className="wl-consent-hint">
            <Paragraph>{t('intake.preview.consentHint')}</Paragraph>
            <CheckboxField
              id="intake-preview-consent"
              label={t('intake.preview.consentLabel')}
              checked={consentSpecial}
              onChange={onConsentSpecial}
              error={consentError}
            />
          </div>
        )}
      </div>
    </section>
  );
}

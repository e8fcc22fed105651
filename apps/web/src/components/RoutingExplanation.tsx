import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Classification, Region, Team } from '../api/types';
import { useLanguage } from './useLanguage';
import type { Language } from '../i18n';

export function joinWords(words: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'long', type: 'conjunction' }).format(words);
}

interface RoutingExplanationProps {
  classification: Classification;
  region: Region | null | undefined;
  /** preview: where it would go ("gaat naar"); result: where it went ("is doorgestuurd naar"). */
  mode: 'preview' | 'result';
}

/** Where a question goes and why, in plain words: team, region, the reasons of the rules. */
export function RoutingExplanation({ classification, region, mode }: RoutingExplanationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { route } = classification;
  const secondary = classification.secondaryRoutes.filter((r): r is Team => r !== route);

  let headline: string;
  if (route === 'none') {
    headline = t(`routing.${mode}.outOfScope`);
  } else {
    const team = t(`routePhrase.${route}`);
    headline = region ? t(`routing.${mode}.toTeamInRegion`, { team, region: region.name }) : t(`routing.${mode}.toTeam`, { team });
  }

  return (
    <div className="wl-routing">
      <Paragraph className="wl-routing__headline">
        <strong>{headline}</strong>
      </Paragraph>
      {classification.reasons.length > 0 && (
        <ul className="wl-list wl-routing__reasons">
          {classification.reasons.map((reason) => (
            <li key={reason.rule}>{reason.text}</li>
          ))}
        </ul>
      )}
      {route !== 'none' && !region && <Paragraph>{t('routing.noRegion')}</Paragraph>}
      {route !== 'none' && secondary.length > 0 && (
        <Paragraph>
          {t(route === 'triage' ? 'routing.suggested' : 'routing.secondary', {
            teams: joinWords(secondary.map((s) => t(`routePhrase.${s}`)), language),
          })}
        </Paragraph>
      )}
      {classification.urgent && <Paragraph>{t('routing.urgent')}</Paragraph>}
    </div>
  );
}

import type { ClassificationResult, Level, Route, Team } from '#libs/classification';

export interface HandDecision {
  level: Level;
  route: Route;
  secondaryRoutes: Team[];
}

const MANUAL_REASON = {
  nl: 'Een medewerker van het loket heeft de vraag beoordeeld en bij het juiste team gelegd.',
  en: 'A member of the loket staff reviewed the question and passed it to the right team.',
};

/**
 * What the citizen sees once a person has classified the question: the person's level and route, with the
 * automatic reasons kept (so the decision stays explainable) and one reason saying a person decided. Pure.
 */
export function effectiveClassification(automatic: ClassificationResult, decision: HandDecision | null): ClassificationResult {
  if (!decision) return automatic;
  return {
    ...automatic,
    level: decision.level,
    route: decision.route,
    secondaryRoutes: decision.secondaryRoutes.filter((team) => team !== decision.route && team !== 'triage'),
    reasons: [...automatic.reasons, { rule: 'MANUAL', text: automatic.language === 'en' ? MANUAL_REASON.en : MANUAL_REASON.nl }],
  };
}

/**
 * Whether a person's decision corrects the rules. Landing on triage is not a mistake in itself: triage exists to
 * decide those cases. But a determined level that changes, a team the rules chose that changes, or a triage
 * suggestion that is not followed, all count as overruled.
 */
export function overrulesAutomatic(automatic: Pick<ClassificationResult, 'level' | 'route' | 'secondaryRoutes'>, decision: { level: Level; route: Route }): boolean {
  const levelChanged = automatic.level !== 'undetermined' && decision.level !== automatic.level;
  if (automatic.route !== 'triage') return levelChanged || decision.route !== automatic.route;
  const suggestionIgnored = automatic.secondaryRoutes.length > 0 && !(automatic.secondaryRoutes as string[]).includes(decision.route);
  return levelChanged || suggestionIgnored;
}

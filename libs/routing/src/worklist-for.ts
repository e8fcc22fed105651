import type { ClassificationResult, Team } from '#libs/classification';
import type { WorklistKey } from '#libs/staff';

/**
 * Where a classified intake lands. Pure. A question without a region (abroad without a work postcode, or a PC4
 * missing from the table) goes to the national triage desk, where a person sets the region; route "none"
 * (out of scope: a referral only) opens no case.
 */
export function worklistFor(classification: Pick<ClassificationResult, 'route'>, regionCode: string | null): WorklistKey | null {
  if (classification.route === 'none') return null;
  if (regionCode === null) return { regionCode: null, team: 'triage' };
  const team: Team = classification.route;
  return { regionCode, team };
}

import type { HealthConsentMode, Level, RegionRoutingConfig, Team } from '#libs/classification';

/** Service levels in working days (Mon–Fri, not on Dutch public holidays). */
export interface SlaTarget {
  firstContactDays: number;
  closeDays: number;
}

/** Per team: a target for all levels ("*") and/or per level. Anything not set falls back to the defaults. */
export type SlaSettings = Partial<Record<Team, Partial<Record<Level | '*', SlaTarget>>>>;

/** What a region decides for itself, without code changes. */
export interface RegionSettings {
  /** The team for individuals at level base; null = the rule set's default (mobiliteitsteam). */
  baseRoute: Team | null;
  sla: SlaSettings;
  /** Worklists (teams) whose waiting cases are assigned automatically and fairly. */
  autoAssignTeams: Team[];
  /** Working hours a receiving team has to accept or return a hand-off. */
  handoffResponseHours: number;
  /** The active ruleset (a shipped version); null = the service's default. Activating one is audited. */
  rulesetVersion: string | null;
  /**
   * `own_words`: health information the person wrote routes the question, consent is confirmed at first contact.
   * `strict`: ruleset 1.0.0's reading, triage until consent. null = own_words.
   */
  healthConsent: HealthConsentMode | null;
}

export const DEFAULT_HANDOFF_RESPONSE_HOURS = 48;

/** What the classifier needs of a region's settings. */
export function routingConfigOf(settings: RegionSettings): RegionRoutingConfig {
  return {
    ...(settings.baseRoute ? { baseRoute: settings.baseRoute } : {}),
    ...(settings.healthConsent ? { healthConsent: settings.healthConsent } : {}),
  };
}

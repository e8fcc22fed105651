import type { Level, Team } from '#libs/classification';

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
}

export const DEFAULT_HANDOFF_RESPONSE_HOURS = 48;

import type { Team } from '#libs/classification';

export const STAFF_ROLES = ['case_worker', 'coordinator', 'admin', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The scope code for the national worklist (intakes without a region). */
export const NATIONAL = 'national';

/** Who is acting: what a verified access token says. */
export interface Actor {
  id: string;
  username: string;
  role: StaffRole;
  /** CBS region codes (AM..) and/or NATIONAL. */
  regionCodes: string[];
  teams: Team[];
}

/** A worklist is one team in one region; regionCode null is the national worklist. */
export interface WorklistKey {
  regionCode: string | null;
  team: Team;
}

export function worklistName({ regionCode, team }: WorklistKey): string {
  return `${regionCode ?? NATIONAL}/${team}`;
}

/**
 * Case workers and coordinators reach only the worklists of their own region(s) and team(s); admins reach all;
 * analysts see reports, never cases.
 */
export function canWorkOn(actor: Actor, worklist: WorklistKey): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'analyst':
      return false;
    case 'case_worker':
    case 'coordinator':
      return actor.regionCodes.includes(worklist.regionCode ?? NATIONAL) && actor.teams.includes(worklist.team);
  }
}

export function isCoordinatorOf(actor: Actor, worklist: WorklistKey): boolean {
  return actor.role === 'admin' || (actor.role === 'coordinator' && canWorkOn(actor, worklist));
}

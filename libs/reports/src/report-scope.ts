import { StaffError, type Actor } from '#libs/staff';

export interface ReportFilter {
  regionCode?: string;
  from?: Date;
  to?: Date;
}

/**
 * The regions a report may cover: coordinators and analysts their own, admins everything (null = all). Case
 * workers see no reports.
 */
export function reportScope(actor: Actor, regionCode: string | undefined): string[] | null {
  if (actor.role === 'case_worker') throw new StaffError('forbidden', 'Reports are for coordinators, analysts and admins.');
  if (actor.role === 'admin') return regionCode ? [regionCode] : null;
  if (regionCode && !actor.regionCodes.includes(regionCode)) throw new StaffError('forbidden', 'This region is outside your scope.');
  return regionCode ? [regionCode] : actor.regionCodes;
}

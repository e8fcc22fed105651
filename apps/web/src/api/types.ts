import type { components } from './schema';

type Schemas = components['schemas'];

export type SubmitIntake = Schemas['SubmitIntakeDto'];
export type PersonAnswers = Schemas['PersonDto'];
export type EmployerAnswers = Schemas['EmployerDto'];
export type Classification = Schemas['ClassificationDto'];
export type IntakePreview = Schemas['IntakePreviewDto'];
export type IntakeStatus = Schemas['IntakeStatusDto'];
export type JourneyStep = Schemas['JourneyStepDto'];
export type Region = Schemas['RegionDto'];
export type CaseSummary = Schemas['CaseSummaryDto'];
export type CaseDetail = Schemas['CaseDetailDto'];
export type CaseEvent = Schemas['CaseEventDto'];
export type CaseNote = Schemas['CaseNoteDto'];
export type Handoff = Schemas['HandoffDto'];
export type User = Schemas['UserDto'];
export type RegionSettings = Schemas['RegionSettingsDto'];
export type Problem = Schemas['ProblemDto'];
export type FieldProblem = Schemas['FieldProblemDto'];

export type Role = SubmitIntake['role'];
export type Level = Classification['level'];
export type Route = Classification['route'];
export type Referral = Classification['referrals'][number];
export type Team = CaseSummary['team'];
export type CaseStatus = CaseSummary['status'];
export type CitizenStatus = IntakeStatus['status'];
export type CaseResult = NonNullable<CaseSummary['result']>;
export type StaffRole = User['role'];
export type HandRoute = Schemas['HandClassificationDto']['route'];
export type ManualStatus = Schemas['ChangeStatusDto']['status'];
export type RulesetVersion = NonNullable<RegionSettings['rulesetVersion']>;

export const TEAMS: readonly Team[] = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage'];
export const LEVELS: readonly Level[] = ['top', 'middle', 'base', 'undetermined', 'out_of_scope'];
export const HAND_ROUTES: readonly HandRoute[] = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'none'];
export const MANUAL_STATUSES: readonly ManualStatus[] = ['in_progress', 'waiting_for_citizen', 'waiting_for_partner', 'closed'];
export const CASE_RESULTS: readonly CaseResult[] = ['placed_in_work', 'work_to_work', 'training_started', 'referred', 'withdrawn', 'no_contact'];
export const STAFF_ROLES: readonly StaffRole[] = ['case_worker', 'coordinator', 'admin', 'analyst'];
/** The shipped rulesets (the API's enum) and the one a region without a choice uses (DEFAULT_RULESET in libs/classification). */
export const RULESET_VERSIONS: readonly RulesetVersion[] = ['1.0.0', '2.0.0', '2.1.0', '2.2.0'];
export const DEFAULT_RULESET_VERSION: RulesetVersion = '2.2.0';

/** The scope code and path segment of the national worklist. */
export const NATIONAL = 'national';

/** GET /api/v1/me: the signed-in account (a UserDto). */
export type Me = Schemas['UserDto'];

/** GET /api/v1/overview/{regionCode}. */
export type TeamFigures = Schemas['TeamFiguresDto'];
export type CaseWorkerLoad = Schemas['CaseWorkerLoadDto'];
export type Overview = Schemas['RegionOverviewDto'];

/** Narrow the loosely typed ("object") date fields of the schema to an ISO string or null. */
export function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

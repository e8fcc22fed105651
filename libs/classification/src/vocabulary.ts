// The contract's value lists (shared/domain/intake-contract.md). Every list keeps the contract's order: the
// service lists secondary routes and referrals in exactly this order.

export const ROLES = ['jobseeker', 'worker', 'self_employed', 'employer', 'on_behalf'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that are read with the person rules (P1–P25). */
export type PersonRole = Exclude<Role, 'employer'>;

export const COUNTRIES = ['NL', 'abroad'] as const;
export type Country = (typeof COUNTRIES)[number];

export const LANGUAGES = ['nl', 'en', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AGE_BANDS = ['under_16', '16_17', '18_26', '27_55', '56_aow', 'aow_plus', 'prefer_not_to_say'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SITUATIONS = ['employed', 'self_employed', 'unemployed', 'in_education', 'other'] as const;
export type Situation = (typeof SITUATIONS)[number];

export const BENEFITS = [
  'none',
  'ww',
  'bijstand',
  'wajong',
  'wia_wga',
  'wia_iva',
  'ziektewet',
  'ioaw_ioaz',
  'bbz',
  'other',
  'unknown',
  'prefer_not_to_say',
] as const;
export type Benefit = (typeof BENEFITS)[number];

export const YES_NO_UNKNOWN_PNS = ['yes', 'no', 'unknown', 'prefer_not_to_say'] as const;
export type YesNoUnknownPns = (typeof YES_NO_UNKNOWN_PNS)[number];

export const INDICATIONS = ['wsw', 'beschut_werk', 'none', 'unknown'] as const;
export type Indication = (typeof INDICATIONS)[number];

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const DISMISSAL_REASONS = [
  'reorganisation',
  'bankruptcy',
  'closure',
  'dismissal_permit',
  'contract_not_renewed',
  'illness',
  'other',
  'unknown',
] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number];

// SBI section letters A–U.
export const SECTORS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const;
export type Sector = (typeof SECTORS)[number];

export const QUESTION_TYPES = ['find_work', 'training', 'career_advice', 'income', 'dismissal_rights', 'other'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const EMPLOYER_SIZE_BANDS = ['1_9', '10_24', '25_49', '50_249', '250_plus'] as const;
export type EmployerSizeBand = (typeof EMPLOYER_SIZE_BANDS)[number];

export const EMPLOYER_REQUEST_TYPES = [
  'vacancy_banenafspraak',
  'vacancy_general',
  'subsidy_or_instrument',
  'reorganisation',
  'bankruptcy',
  'ill_or_disabled_employee',
  'staff_training',
  'other',
] as const;
export type EmployerRequestType = (typeof EMPLOYER_REQUEST_TYPES)[number];

export const REDUNDANT_STAFF = ['none', '1_19', '20_plus', 'unknown'] as const;
export type RedundantStaff = (typeof REDUNDANT_STAFF)[number];

export const LEVELS = ['top', 'middle', 'base', 'undetermined', 'out_of_scope'] as const;
export type Level = (typeof LEVELS)[number];
/** The three pyramid levels a level rule can give, highest first. */
export const PYRAMID_LEVELS = ['top', 'middle', 'base'] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

export const ROUTES = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage', 'none'] as const;
export type Route = (typeof ROUTES)[number];

export const TEAMS = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'triage'] as const;
export type Team = (typeof TEAMS)[number];

export const REFERRALS = [
  'uwv',
  'gemeente',
  'leerwerkloket',
  'juridisch_loket',
  'grensinfopunt',
  'rmc',
  'belastingdienst',
  'win_punt',
  'arbodienst',
  'vakbond',
  'crisis_113',
] as const;
export type Referral = (typeof REFERRALS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

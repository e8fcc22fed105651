import type {
  AgeBand,
  Benefit,
  Country,
  DismissalReason,
  EmployerRequestType,
  EmployerSizeBand,
  Indication,
  Language,
  Level,
  QuestionType,
  RedundantStaff,
  Referral,
  Role,
  Route,
  Sector,
  Situation,
  Team,
  YesNoUnknown,
  YesNoUnknownPns,
} from './vocabulary.js';

export interface PersonFacts {
  ageBand?: AgeBand;
  situation?: Situation;
  benefit?: Benefit;
  targetGroupRegister?: YesNoUnknownPns;
  occupationalDisability?: YesNoUnknownPns;
  indication?: Indication;
  praktijkOrVsoSchool?: YesNoUnknown;
  dismissalRisk?: YesNoUnknown;
  dismissalReason?: DismissalReason;
  /** YYYY-MM */
  dismissalMonth?: string;
  sector?: Sector;
  questionType?: QuestionType;
}

export interface EmployerFacts {
  kvkNumber?: string;
  sizeBand?: EmployerSizeBand;
  sector?: Sector;
  requestType?: EmployerRequestType;
  redundantStaff?: RedundantStaff;
}

/** The validated intake request, as far as classification needs it. */
export interface IntakeFacts {
  role: Role;
  country: Country;
  question: string;
  language?: Language;
  person?: PersonFacts;
  employer?: EmployerFacts;
  consent: { processing: boolean; specialCategoryData?: boolean };
}

export interface Reason {
  rule: string;
  text: string;
}

export interface ClassificationResult {
  level: Level;
  route: Route;
  /** Contract order; never `triage`. */
  secondaryRoutes: Team[];
  /** Contract order. */
  referrals: Referral[];
  reasons: Reason[];
  rulesetVersion: string;
  language: Language;
  firedRules: string[];
  /** A crisis or housing emergency: the case sorts first and is due for first contact the same working day. */
  urgent: boolean;
  /** Health information from the person's own words was used without the consent box: ask for consent first. */
  consentToConfirm: boolean;
  /** A structured answer contradicts the text; the text decided and a case worker checks it. */
  contradiction: boolean;
}

export interface RegionRoutingConfig {
  /** Team for individuals at level `base`; default `mobiliteitsteam`. */
  baseRoute?: Team;
  /**
   * `own_words` (default where the ruleset allows it): health information in the person's own text routes the
   * question and the case asks for consent at first contact. `strict`: ruleset 1.0.0's reading, triage until
   * consent.
   */
  healthConsent?: HealthConsentMode;
}

export const HEALTH_CONSENT_MODES = ['own_words', 'strict'] as const;
export type HealthConsentMode = (typeof HEALTH_CONSENT_MODES)[number];

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
}

export interface RegionRoutingConfig {
  /** Team for individuals at level `base`; default `mobiliteitsteam`. */
  baseRoute?: Team;
}

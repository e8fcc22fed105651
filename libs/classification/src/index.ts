// Public face of the classification lib: a pure classifier over plain types and its versioned rulesets.
export {
  AGE_BANDS,
  BENEFITS,
  COUNTRIES,
  DISMISSAL_REASONS,
  EMPLOYER_REQUEST_TYPES,
  EMPLOYER_SIZE_BANDS,
  INDICATIONS,
  LANGUAGES,
  LEVELS,
  PYRAMID_LEVELS,
  QUESTION_TYPES,
  REDUNDANT_STAFF,
  REFERRALS,
  ROLES,
  ROUTES,
  SECTORS,
  SITUATIONS,
  TEAMS,
  YES_NO_UNKNOWN,
  YES_NO_UNKNOWN_PNS,
  type AgeBand,
  type Benefit,
  type Country,
  type DismissalReason,
  type EmployerRequestType,
  type EmployerSizeBand,
  type Indication,
  type Language,
  type Level,
  type PersonRole,
  type PyramidLevel,
  type QuestionType,
  type RedundantStaff,
  type Referral,
  type Role,
  type Route,
  type Sector,
  type Situation,
  type Team,
  type YesNoUnknown,
  type YesNoUnknownPns,
} from './vocabulary.js';
export type {
  ClassificationResult,
  EmployerFacts,
  IntakeFacts,
  PersonFacts,
  Reason,
  RegionRoutingConfig,
  HealthConsentMode,
} from './classification.types.js';
export { HEALTH_CONSENT_MODES } from './classification.types.js';
export { classify, referenceMonthOf, type ClassifyOptions } from './classify.js';
export { ClassificationError, type ClassificationErrorCode } from './classification.error.js';
export { DEFAULT_RULESET, RULESETS, compareRulesetVersions, expectationUnder, loadRuleset, parseRuleset, rulesetOf, type Ruleset } from './ruleset/ruleset.js';
export { unmatchedWords } from './unmatched-words.js';
export { questionFeatures, scoreOf } from './text/scorecard.js';
export { renderRulesetDoc } from './doc/ruleset-doc.js';
export { RulesetError, type RulesetErrorCode, type RulesetIssue } from './ruleset/ruleset.types.js';

import { DEFAULT_RULESET, RULESETS } from './ruleset/ruleset.js';

/** Version of the default ruleset, returned as classification.rulesetVersion. */
export const RULESET_VERSION: string = DEFAULT_RULESET.version;

/** Every rule id of the default ruleset, in table order. */
export const RULE_IDS: readonly string[] = DEFAULT_RULESET.ruleIds;

/** Every rule id of any shipped ruleset (reports count rules that fired under older versions too). */
export const ALL_RULE_IDS: readonly string[] = [...new Set([...RULESETS.values()].flatMap((ruleset) => ruleset.ruleIds))];

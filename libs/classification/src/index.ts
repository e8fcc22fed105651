// Public face of the classification lib: a pure classifier over plain types (rules.md, ruleset 1.0.0).
export * from './vocabulary.js';
export type {
  ClassificationResult,
  EmployerFacts,
  IntakeFacts,
  PersonFacts,
  Reason,
  RegionRoutingConfig,
} from './classification.types.js';
export { classify, referenceMonthOf, type ClassifyOptions } from './classify.js';
export { ClassificationError, type ClassificationErrorCode } from './classification.error.js';
export { DEFAULT_RULESET, loadRuleset, parseRuleset, type Ruleset } from './ruleset/ruleset.js';
export { RulesetError, type RulesetErrorCode, type RulesetIssue } from './ruleset/ruleset.types.js';

import { DEFAULT_RULESET } from './ruleset/ruleset.js';

/** Version of the default ruleset, returned as classification.rulesetVersion. */
export const RULESET_VERSION: string = DEFAULT_RULESET.version;

/** Every rule id of the default ruleset, in table order (for reports that list each rule). */
export const RULE_IDS: readonly string[] = DEFAULT_RULESET.ruleIds;

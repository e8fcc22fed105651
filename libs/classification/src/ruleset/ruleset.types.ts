// The shape of a validated ruleset file (rulesets/<version>.json). ruleset.schema.ts turns unknown JSON into
// these types or throws a RulesetError; ruleset.ts compiles them into matchers and predicates.
import type { Level, PyramidLevel, Referral, Route, Team } from '../vocabulary.js';

export const RULE_STAGES = [
  'guard',
  'role-check',
  'employer',
  'person',
  'combination',
  'referral',
  'fallback',
  'override',
] as const;
export type RuleStage = (typeof RULE_STAGES)[number];

/** Code predicates a condition may name; everything else is declarative. */
export const PREDICATE_NAMES = ['person-unanswered', 'role-conflict', 'strict-health-consent', 'employee-voice'] as const;
export type PredicateName = (typeof PREDICATE_NAMES)[number];

export type FieldValue = string | boolean;

export type ConditionDef =
  | { kind: 'all'; of: ConditionDef[] }
  | { kind: 'any'; of: ConditionDef[] }
  | { kind: 'not'; of: ConditionDef }
  | { kind: 'ref'; name: string }
  | { kind: 'field'; path: string; values: FieldValue[] }
  | { kind: 'open'; path: string }
  | { kind: 'absent'; path: string }
  | { kind: 'blank'; path: 'question' }
  | { kind: 'text'; groups: string[]; tags: string[]; ignoreConsent: boolean }
  | { kind: 'monthOffset'; path: string; min: number; max: number }
  | { kind: 'matched'; rules: string[] }
  | { kind: 'matchedLevel'; levels: PyramidLevel[] }
  | { kind: 'resultLevel'; levels: Level[] }
  | { kind: 'resultRoute'; routes: Route[] }
  | { kind: 'reading'; reading: 'person' | 'employer' }
  | { kind: 'predicate'; name: PredicateName }
  | { kind: 'signal'; name: string }
  | { kind: 'score'; name: string };

/** Markers a rule sets on the classification (and so on the case) when it fires. */
export const MARKERS = ['urgent', 'consentToConfirm', 'contradiction'] as const;
export type Marker = (typeof MARKERS)[number];

export interface ReferralDef {
  referral: Referral;
  when?: ConditionDef;
}

/** `level`: the team that serves the rule's level (levelRoutes, region-overridable for base). */
export type RuleRouteDef = Team | 'none' | 'level';

export interface RuleDef {
  id: string;
  stage: RuleStage;
  level?: Level;
  route?: RuleRouteDef;
  /** For triage rules: the team triage is advised to hand the case to. */
  suggest?: 'level' | Exclude<Team, 'triage'>;
  secondaryRoutes: Exclude<Team, 'triage'>[];
  referrals: ReferralDef[];
  reasonOnly: boolean;
  afterGuards: boolean;
  marks: Marker[];
  when: ConditionDef;
  reason: { nl: string; en: string };
}

export interface TermDef {
  /**
   * Raw notation: `~word`, `word*`, `*word`, or a phrase of several words; `a|b` offers alternatives for one word
   * ("zie|zag het niet meer zitten"), expanded when the lexicon is compiled.
   */
  term: string;
  tags: string[];
  context?: string;
  unlessContext?: string;
}

export interface LexiconGroupDef {
  id: string;
  label: string;
  level?: PyramidLevel;
  negatable: boolean;
  healthRelated: boolean;
  /** Filler tokens a phrase of this group may have in total; defaults to text.maxFillers. */
  maxFillers?: number;
  terms: TermDef[];
}

/** A role-voice pattern: words separated by spaces, alternatives within a word by `|`. */
export interface VoicePatternDef {
  pattern: string;
  /** Fillers allowed between the words; defaults to text.maxFillers. 0 = the words follow each other directly. */
  maxFillers?: number;
}

export interface VoiceSignalDef {
  all: VoicePatternDef[][];
  none: VoicePatternDef[][];
}

export interface TextSettingsDef {
  inflections: string[];
  acronyms: string[];
  neverMatch: string[];
  maxFillers: number;
  insideTokenMinLength: number;
  fuzzy: { minTokenLength: number; distances: { minKeywordLength: number; maxDistance: number }[] };
  negation: {
    negators: string[];
    window: number;
    /** Phrases that turn a following negator around ("het is niet zo dat ik geen …"): double negation. */
    doubleNegation: string[];
  };
  /** Words that make a sentence about someone else ("mijn zoon heeft …"): its health words are not the person's own. */
  otherPerson: string[];
  contexts: Record<string, { prefixes: string[]; words: string[] }>;
  language: { en: string[]; nl: string[]; minEnglish: number; otherMinTokens: number };
  roleVoice: { employer: VoiceSignalDef[]; employee: VoiceSignalDef[]; ownBusiness: VoiceSignalDef[] };
  /** Named sentence signals: words that together, in one sentence and in any order, express a concept. */
  signals: Record<string, VoiceSignalDef[]>;
  /** Named scorecards: weighted words and word pairs learned from labelled questions (text/scorecard.ts). */
  scorecards: Record<string, ScorecardDef>;
}

/**
 * A logistic scorecard: the question's words and neighbouring word pairs ("als ik") add their weights to the bias;
 * the card holds when 1 / (1 + e^-sum) ≥ threshold.
 */
export interface ScorecardDef {
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

export interface RulesetDef {
  version: string;
  routing: {
    levelRoutes: Record<PyramidLevel, Team>;
    /** Health words in the person's own text route the question (consent confirmed later); regions may opt out. */
    healthOwnWords: boolean;
  };
  text: TextSettingsDef;
  lexicon: LexiconGroupDef[];
  conditions: Record<string, ConditionDef>;
  overrideOrder: string[];
  rules: RuleDef[];
}

export type RulesetErrorCode = 'ruleset_unreadable' | 'ruleset_invalid';

export interface RulesetIssue {
  /** JSON path inside the file, e.g. `rules[12].when.any[0].field`. */
  path: string;
  message: string;
}

export class RulesetError extends Error {
  constructor(
    readonly code: RulesetErrorCode,
    readonly file: string,
    readonly issues: RulesetIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      `Invalid ruleset file ${file}:\n` + issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`).join('\n'),
      options,
    );
    this.name = 'RulesetError';
  }
}

// Loads, validates and compiles a ruleset. The shipped rulesets (rulesets/<version>.json) are imported as JSON
// modules: tsc emits them next to the compiled code (dist/libs/classification/rulesets/), jest loads them natively,
// and each is validated and compiled once, when this module is first imported.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ruleset100Json from '../../rulesets/1.0.0.json' with { type: 'json' };
import ruleset200Json from '../../rulesets/2.0.0.json' with { type: 'json' };
import ruleset210Json from '../../rulesets/2.1.0.json' with { type: 'json' };
import ruleset220Json from '../../rulesets/2.2.0.json' with { type: 'json' };
import { createConditionCompiler } from '../rules/conditions.js';
import type { CompiledCondition } from '../rules/evaluation-context.js';
import { compileTextEngine, type TextEngine } from '../text/analyse.js';
import type { Level, PyramidLevel, Referral, Team } from '../vocabulary.js';
import { parseRulesetDefinition } from './ruleset.schema.js';
import { RulesetError, type Marker, type RuleRouteDef, type RuleStage, type RulesetDef } from './ruleset.types.js';

export interface CompiledReferral {
  referral: Referral;
  when: CompiledCondition | undefined;
}

export interface CompiledRule {
  index: number;
  id: string;
  stage: RuleStage;
  level: Level | undefined;
  route: RuleRouteDef | undefined;
  suggest: 'level' | Exclude<Team, 'triage'> | undefined;
  secondaryRoutes: readonly Exclude<Team, 'triage'>[];
  referrals: readonly CompiledReferral[];
  reasonOnly: boolean;
  marks: readonly Marker[];
  when: CompiledCondition;
  reason: { readonly nl: string; readonly en: string };
}

export interface Ruleset {
  readonly version: string;
  /** The file it was loaded from. */
  readonly source: string;
  /** All rule ids in table order. */
  readonly ruleIds: readonly string[];
  readonly rules: readonly CompiledRule[];
  readonly levelRoutes: Readonly<Record<PyramidLevel, Team>>;
  readonly healthOwnWords: boolean;
  /** The definition as validated (for documentation and replay tooling). */
  readonly definition: RulesetDef;
  /** @internal compiled lexicon, role voices and language detection */
  readonly text: TextEngine;
  /** @internal rules per evaluation step, in evaluation order */
  readonly steps: {
    readonly guards: readonly CompiledRule[];
    readonly employer: readonly CompiledRule[];
    readonly person: readonly CompiledRule[];
    readonly combination: readonly CompiledRule[];
    readonly fallbacks: readonly CompiledRule[];
    readonly referrals: readonly CompiledRule[];
    /** H1, G7, G2 (overrideOrder). */
    readonly overrides: readonly CompiledRule[];
    /** The role-check rule (G7) when it is not an override: it marks the conflict, the text's reading routes. */
    readonly roleCheck: CompiledRule | undefined;
    /** Override and referral rules still checked after a guard stopped evaluation (G2). */
    readonly afterGuards: readonly CompiledRule[];
  };
}

export function compileRuleset(def: RulesetDef, source: string): Ruleset {
  const text = compileTextEngine(def.lexicon, def.text);
  const ruleIndex = new Map(def.rules.map((rule, i) => [rule.id, i]));
  const conditions = createConditionCompiler(text.lexicon, ruleIndex, def.conditions, Object.keys(def.text.signals), text.scorecards);
  const rules: CompiledRule[] = def.rules.map((rule, index) => ({
    index,
    id: rule.id,
    stage: rule.stage,
    level: rule.level,
    route: rule.route,
    suggest: rule.suggest,
    secondaryRoutes: rule.secondaryRoutes,
    referrals: rule.referrals.map((r) => ({
      referral: r.referral,
      when: r.when ? conditions.compile(r.when) : undefined,
    })),
    reasonOnly: rule.reasonOnly,
    marks: rule.marks,
    when: conditions.compile(rule.when),
    reason: rule.reason,
  }));
  const inStage = (stage: RuleStage): CompiledRule[] => rules.filter((r) => r.stage === stage);
  const overrides = def.overrideOrder.map((id) => rules[ruleIndex.get(id)!]);
  const afterGuardIds = new Set(def.rules.filter((r) => r.afterGuards).map((r) => r.id));
  return {
    version: def.version,
    source,
    ruleIds: rules.map((r) => r.id),
    rules,
    levelRoutes: def.routing.levelRoutes,
    healthOwnWords: def.routing.healthOwnWords,
    definition: def,
    text,
    steps: {
      guards: inStage('guard'),
      employer: inStage('employer'),
      person: inStage('person'),
      combination: inStage('combination'),
      fallbacks: inStage('fallback'),
      referrals: inStage('referral'),
      overrides,
      roleCheck: inStage('role-check').find((r) => !def.overrideOrder.includes(r.id)),
      afterGuards: [...inStage('referral'), ...overrides].filter((r) => afterGuardIds.has(r.id)),
    },
  };
}

/** Validates and compiles already parsed JSON; `source` names the file in errors. */
export function parseRuleset(data: unknown, source: string): Ruleset {
  return compileRuleset(parseRulesetDefinition(data, source), source);
}

/** Reads, validates and compiles a ruleset file. Throws a RulesetError that names the file and each bad path. */
export function loadRuleset(path: string): Ruleset {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RulesetError('ruleset_unreadable', path, [{ path: '', message: `cannot read or parse: ${message}` }], {
      cause: error,
    });
  }
  return parseRuleset(data, path);
}

const fileOf = (version: string): string => fileURLToPath(new URL(`../../rulesets/${version}.json`, import.meta.url));

/**
 * Every ruleset that ships with the service, by version: 1.0.0 (shared/domain/rules.md), 2.0.0 (issue 7:
 * people's own words, crisis, contradictions), 2.1.0 (2.0.0 reading more crisis signs and statushouders) and 2.2.0
 * (2.1.0 reading crisis signs as families, not phrasings). A region activates one in its settings; classifications
 * record it.
 */
export const RULESETS: ReadonlyMap<string, Ruleset> = new Map(
  [
    ['1.0.0', ruleset100Json],
    ['2.0.0', ruleset200Json],
    ['2.1.0', ruleset210Json],
    ['2.2.0', ruleset220Json],
  ].map(([version, json]) => [version as string, parseRuleset(json, fileOf(version as string))]),
);

/** The ruleset new regions use: 2.2.0. */
export const DEFAULT_RULESET: Ruleset = RULESETS.get('2.2.0')!;

/** Orders ruleset versions (major.minor.patch) numerically: 2.10.0 comes after 2.9.0. */
export function compareRulesetVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * What a labelled case should get under `version`: its base expectation with every policy change made up to that
 * version applied in order (a change made in 2.0.0 still holds in 2.1.0 unless a later one says otherwise).
 */
export function expectationUnder<T extends object>(base: T, byVersion: Record<string, Partial<T>> | undefined, version: string): T {
  const changes = Object.entries(byVersion ?? {})
    .filter(([since]) => compareRulesetVersions(since, version) <= 0)
    .sort(([a], [b]) => compareRulesetVersions(a, b));
  return Object.assign({}, base, ...changes.map(([, change]) => change)) as T;
}

/** The shipped ruleset of that version, or undefined. */
export function rulesetOf(version: string): Ruleset | undefined {
  return RULESETS.get(version);
}

// The classifier (rules.md §3): guards, role check, level rules, combination, fallbacks, referral and language
// rules, overrides. A pure function of the facts, the reference month and the region's routing config.
import { ClassificationError } from './classification.error.js';
import type { ClassificationResult, IntakeFacts, Reason, RegionRoutingConfig } from './classification.types.js';
import { levelBit, monthIndex } from './rules/conditions.js';
import type { EvaluationContext } from './rules/evaluation-context.js';
import { impliedRole, voiceChecksFor } from './rules/role-check.js';
import { DEFAULT_RULESET, type CompiledRule, type Ruleset } from './ruleset/ruleset.js';
import type { Marker } from './ruleset/ruleset.types.js';
import { analyseText } from './text/analyse.js';
import { PYRAMID_LEVELS, REFERRALS, TEAMS, type Level, type PyramidLevel, type Referral, type Route, type Team } from './vocabulary.js';

export interface ClassifyOptions {
  /** YYYY-MM: the month of receivedAt in Europe/Amsterdam (see referenceMonthOf). */
  referenceMonth: string;
  routing?: RegionRoutingConfig;
  /** Defaults to the default ruleset (DEFAULT_RULESET). */
  ruleset?: Ruleset;
}

const TEAM_BIT = new Map<Team, number>(TEAMS.map((team, i) => [team, 1 << i]));
const REFERRAL_BIT = new Map<Referral, number>(REFERRALS.map((referral, i) => [referral, 1 << i]));
const TRIAGE_BIT = TEAM_BIT.get('triage')!;

function teamBit(route: Route | undefined): number {
  return route === undefined || route === 'none' ? 0 : TEAM_BIT.get(route)!;
}

/** Mutable outcome while the steps run; bit sets keep the contract order for free. */
interface Outcome {
  level: Level;
  route: Route;
  secondary: number;
  referrals: number;
  marks: Set<Marker>;
}

class Evaluation {
  readonly fired: number[] = [];
  readonly outcome: Outcome = { level: 'undetermined', route: 'triage', secondary: 0, referrals: 0, marks: new Set() };

  constructor(
    readonly ruleset: Ruleset,
    readonly ctx: EvaluationContext,
    private readonly baseRoute: Team | undefined,
  ) {}

  fire(rule: CompiledRule): void {
    this.ctx.fired[rule.index] = 1;
    this.fired.push(rule.index);
    for (const mark of rule.marks) this.outcome.marks.add(mark);
  }

  /** A referral rule (or one run after a guard): referrals and marks only. */
  addReferrals(rule: CompiledRule): void {
    this.fire(rule);
    this.outcome.referrals |= this.referralsOf(rule);
  }

  levelRoute(level: Level | undefined): Team {
    const pyramid: PyramidLevel = level === 'top' || level === 'middle' ? level : 'base';
    if (pyramid === 'base' && this.baseRoute) return this.baseRoute;
    return this.ruleset.levelRoutes[pyramid];
  }

  routeOf(rule: CompiledRule): Route {
    return rule.route === 'level' ? this.levelRoute(rule.level) : (rule.route ?? 'triage');
  }

  /** The team a rule puts forward: its route, or for a triage rule the team it suggests. */
  teamOf(rule: CompiledRule): Team | undefined {
    const route = this.routeOf(rule);
    if (route === 'none') return undefined;
    if (route !== 'triage') return route;
    if (rule.suggest === undefined) return undefined;
    return rule.suggest === 'level' ? this.levelRoute(rule.level) : rule.suggest;
  }

  referralsOf(rule: CompiledRule): number {
    let bits = 0;
    for (const r of rule.referrals) if (!r.when || r.when(this.ctx)) bits |= REFERRAL_BIT.get(r.referral)!;
    return bits;
  }

  /** Sets the outcome of a guard or fallback. */
  settle(rule: CompiledRule): void {
    this.fire(rule);
    this.outcome.level = rule.level ?? 'undetermined';
    this.outcome.route = this.routeOf(rule);
    this.outcome.referrals |= this.referralsOf(rule);
    this.publish();
  }

  /** §4.5: highest level wins; triage when a triage rule sits at that level; the rest become secondary. */
  combine(matched: readonly CompiledRule[]): void {
    const rank = (rule: CompiledRule): number => PYRAMID_LEVELS.indexOf(rule.level as PyramidLevel);
    let best = matched[0];
    for (const rule of matched) if (rank(rule) < rank(best)) best = rule;
    const atLevel = matched.filter((rule) => rule.level === best.level);
    const route = atLevel.some((rule) => this.routeOf(rule) === 'triage') ? 'triage' : this.routeOf(atLevel[0]);
    let secondary = 0;
    let referrals = 0;
    for (const rule of matched) {
      secondary |= teamBit(this.teamOf(rule));
      for (const team of rule.secondaryRoutes) secondary |= teamBit(team);
      referrals |= this.referralsOf(rule);
    }
    this.outcome.level = best.level ?? 'undetermined';
    this.outcome.route = route;
    this.outcome.secondary = secondary & ~teamBit(route);
    this.outcome.referrals |= referrals;
    this.publish();
  }

  /** §3 step 8: route triage, the previous team becomes secondary, out_of_scope becomes undetermined. */
  override(rule: CompiledRule): void {
    this.fire(rule);
    const { outcome } = this;
    outcome.referrals |= this.referralsOf(rule);
    outcome.secondary |= teamBit(outcome.route);
    outcome.route = 'triage';
    if (outcome.level === 'out_of_scope') outcome.level = 'undetermined';
    this.publish();
  }

  publish(): void {
    this.ctx.resultLevel = this.outcome.level;
    this.ctx.resultRoute = this.outcome.route;
  }

  result(): ClassificationResult {
    const { outcome, ruleset, ctx } = this;
    const secondary = outcome.secondary & ~teamBit(outcome.route) & ~TRIAGE_BIT;
    const english = ctx.language === 'en';
    const reasons: Reason[] = this.fired.map((index) => {
      const rule = ruleset.rules[index];
      return { rule: rule.id, text: english ? rule.reason.en : rule.reason.nl };
    });
    return {
      level: outcome.level,
      route: outcome.route,
      secondaryRoutes: TEAMS.filter((team) => (secondary & TEAM_BIT.get(team)!) !== 0),
      referrals: REFERRALS.filter((referral) => (outcome.referrals & REFERRAL_BIT.get(referral)!) !== 0),
      reasons,
      rulesetVersion: ruleset.version,
      language: ctx.language,
      firedRules: reasons.map((reason) => reason.rule),
      urgent: outcome.marks.has('urgent'),
      consentToConfirm: outcome.marks.has('consentToConfirm'),
      contradiction: outcome.marks.has('contradiction'),
    };
  }
}

export function classify(facts: IntakeFacts, options: ClassifyOptions): ClassificationResult {
  const ruleset = options.ruleset ?? DEFAULT_RULESET;
  const referenceMonthIndex = monthIndex(options.referenceMonth);
  if (Number.isNaN(referenceMonthIndex)) {
    throw new ClassificationError('invalid_reference_month', `referenceMonth must be YYYY-MM, got '${options.referenceMonth}'`);
  }

  // Step 1: analyse the question, set the language.
  // The contract allows an empty question; a stored null is read the same way.
  const question = typeof facts.question === 'string' ? facts.question : '';
  const text = analyseText(ruleset.text, question, voiceChecksFor(facts));
  const ctx: EvaluationContext = {
    facts,
    role: facts.role,
    personReading: facts.role !== 'employer',
    person: facts.role === 'employer' ? undefined : facts.person,
    employer: facts.role === 'employer' ? facts.employer : undefined,
    language: facts.language ?? text.detectedLanguage,
    text,
    referenceMonthIndex,
    roleConflict: false,
    healthOwnWords: ruleset.healthOwnWords && options.routing?.healthConsent !== 'strict',
    fired: new Uint8Array(ruleset.rules.length),
    matchedLevels: 0,
    resultLevel: undefined,
    resultRoute: undefined,
  };
  const run = new Evaluation(ruleset, ctx, options.routing?.baseRoute);
  const { steps } = ruleset;

  // Step 2: guards stop evaluation; only the crisis override (G2) is still checked after them.
  for (const guard of steps.guards) {
    if (!guard.when(ctx)) continue;
    run.settle(guard);
    for (const rule of steps.afterGuards) {
      if (!rule.when(ctx)) continue;
      if (rule.stage === 'override') run.override(rule);
      else run.addReferrals(rule);
    }
    return run.result();
  }

  // Step 3: role check. Under G7 the level rules read the text only, under the role the text implies.
  const implied = impliedRole(facts, text.voices);
  if (implied !== undefined) {
    ctx.roleConflict = true;
    ctx.role = implied;
    ctx.personReading = implied !== 'employer';
    ctx.person = undefined;
    ctx.employer = undefined;
    // 2.0.0: the role is a structured answer the text contradicts; the text's reading routes, marked for a check.
    if (steps.roleCheck?.when(ctx)) run.fire(steps.roleCheck);
  }

  // Step 4: level rules, in table order (a rule may depend on the ones before it).
  const matched: CompiledRule[] = [];
  for (const rule of ctx.personReading ? steps.person : steps.employer) {
    if (!rule.when(ctx)) continue;
    run.fire(rule);
    if (!rule.reasonOnly) {
      matched.push(rule);
      ctx.matchedLevels |= levelBit(rule.level ?? '');
    }
  }

  if (matched.length > 0) {
    // Step 5: combination, then the reason-only rules C1 and C2.
    run.combine(matched);
    for (const rule of steps.combination) if (rule.when(ctx)) run.fire(rule);
  } else {
    // Step 6: fallbacks; the first that applies.
    const fallback = steps.fallbacks.find((rule) => rule.when(ctx));
    if (fallback) run.settle(fallback);
    else run.publish();
  }

  // Step 7: referral and language rules only add referrals.
  for (const rule of steps.referrals) if (rule.when(ctx)) run.addReferrals(rule);

  // Step 8: overrides in order H1, G7, G2.
  for (const rule of steps.overrides) if (rule.when(ctx)) run.override(rule);
  return run.result();
}

const AMSTERDAM_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
});

/** The month (YYYY-MM) of an instant in Europe/Amsterdam time: the reference month of an intake. */
export function referenceMonthOf(receivedAt: Date): string {
  let year = '';
  let month = '';
  for (const part of AMSTERDAM_MONTH.formatToParts(receivedAt)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
  }
  return `${year}-${month}`;
}

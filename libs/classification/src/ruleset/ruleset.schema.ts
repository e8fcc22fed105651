// Validates a ruleset file (unknown JSON) into a RulesetDef. Every problem is collected with its JSON path, so a
// bad file fails at start-up with one error that names the file and each bad path.
import { FIELD_SPECS } from '../rules/fields.js';
import { MAX_TERM_EXPANSIONS, expandAlternatives } from '../text/alternatives.js';
import { tokenise } from '../text/normalise.js';
import {
  LEVELS,
  PYRAMID_LEVELS,
  REFERRALS,
  ROUTES,
  TEAMS,
  isOneOf,
  type Level,
  type Route,
  type Team,
} from '../vocabulary.js';
import {
  MARKERS,
  PREDICATE_NAMES,
  RULE_STAGES,
  RulesetError,
  type ConditionDef,
  type FieldValue,
  type LexiconGroupDef,
  type ReferralDef,
  type RuleDef,
  type RulesetDef,
  type RulesetIssue,
  type ScorecardDef,
  type TermDef,
  type TextSettingsDef,
  type VoicePatternDef,
  type VoiceSignalDef,
} from './ruleset.types.js';

type Json = Record<string, unknown>;

const RULE_ID = /^[A-Z][A-Z0-9]*?[0-9]+[a-z]?$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;
const GROUP_ID = /^[A-Z][A-Z0-9-]*$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Tags become bits of a 32-bit mask. */
const MAX_TAGS = 31;

const CONDITION_KEYS = [
  'all',
  'any',
  'not',
  'ref',
  'field',
  'open',
  'absent',
  'blank',
  'text',
  'monthOffset',
  'matched',
  'matchedLevel',
  'resultLevel',
  'resultRoute',
  'reading',
  'predicate',
  'signal',
  'score',
] as const;

class Checker {
  readonly issues: RulesetIssue[] = [];
  groupIds = new Set<string>();
  tags = new Set<string>();
  conditionNames = new Set<string>();
  contextNames = new Set<string>();
  signalNames = new Set<string>();
  scorecardNames = new Set<string>();
  ruleIds = new Set<string>();

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(path, 'must be an object');
    return undefined;
  }

  keys(obj: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (key !== '$comment' && !allowed.includes(key)) this.fail(join(path, key), 'unknown property');
    }
  }

  array(value: unknown, path: string, nonEmpty = false): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be an array');
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.fail(path, 'must not be empty');
    return value as unknown[];
  }

  string(value: unknown, path: string, pattern?: RegExp): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'must be a non-empty string');
      return undefined;
    }
    if (pattern && !pattern.test(value)) {
      this.fail(path, `'${value}' does not match ${String(pattern)}`);
      return undefined;
    }
    return value;
  }

  strings(value: unknown, path: string, nonEmpty = false, pattern?: RegExp): string[] {
    const list = this.array(value, path, nonEmpty) ?? [];
    const out: string[] = [];
    list.forEach((item, i) => {
      const s = this.string(item, `${path}[${i}]`, pattern);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value === 'boolean') return value;
    this.fail(path, 'must be true or false');
    return false;
  }

  finite(value: unknown, path: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.fail(path, 'must be a finite number');
    return 0;
  }

  integer(value: unknown, path: string, min: number): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
    this.fail(path, `must be an integer >= ${min}`);
    return min;
  }

  oneOf<T extends string>(values: readonly T[], value: unknown, path: string): T | undefined {
    if (isOneOf(values, value)) return value;
    this.fail(path, `bad value ${JSON.stringify(value)}; expected one of ${values.join(', ')}`);
    return undefined;
  }

  oneOfList<T extends string>(values: readonly T[], value: unknown, path: string): T[] {
    const list = this.array(value, path, true) ?? [];
    const out: T[] = [];
    list.forEach((item, i) => {
      const v = this.oneOf(values, item, `${path}[${i}]`);
      if (v !== undefined) out.push(v);
    });
    return out;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Validates `data` (the parsed JSON of `file`) and returns the ruleset definition, or throws a RulesetError. */
export function parseRulesetDefinition(data: unknown, file: string): RulesetDef {
  const c = new Checker();
  const root = c.object(data, '');
  if (!root) throw new RulesetError('ruleset_invalid', file, c.issues);
  c.keys(root, '', ['version', 'routing', 'text', 'lexicon', 'conditions', 'overrideOrder', 'rules']);

  const version = c.string(root.version, 'version', VERSION) ?? '0.0.0';
  const routing = parseRouting(c, root.routing);
  const text = parseText(c, root.text);
  const lexicon = parseLexicon(c, root.lexicon);

  // Names first, so conditions and rules can refer to each other in any order.
  const conditionsJson = c.object(root.conditions, 'conditions') ?? {};
  for (const name of Object.keys(conditionsJson)) {
    if (name === '$comment') continue;
    if (NAME.test(name)) c.conditionNames.add(name);
    else c.fail(join('conditions', name), `condition name must match ${String(NAME)}`);
  }
  const rulesJson = c.array(root.rules, 'rules', true) ?? [];
  rulesJson.forEach((rule, i) => {
    const id = typeof rule === 'object' && rule !== null ? (rule as Json).id : undefined;
    if (typeof id === 'string') {
      if (c.ruleIds.has(id)) c.fail(`rules[${i}].id`, `duplicate rule id '${id}'`);
      c.ruleIds.add(id);
    }
  });

  const conditions: Record<string, ConditionDef> = {};
  for (const name of c.conditionNames) {
    conditions[name] = parseCondition(c, conditionsJson[name], join('conditions', name));
  }
  checkConditionCycles(c, conditions);

  const rules = rulesJson.map((rule, i) => parseRule(c, rule, `rules[${i}]`));
  const overrideOrder = c.strings(root.overrideOrder, 'overrideOrder');
  // A role-check rule overrides (route triage) only when listed here; unlisted, it marks the role conflict and
  // the text's reading decides the route.
  const overriding = rules.filter((r) => r.stage === 'override' || r.stage === 'role-check').map((r) => r.id);
  overrideOrder.forEach((id, i) => {
    if (!overriding.includes(id)) c.fail(`overrideOrder[${i}]`, `unknown override rule id '${id}'`);
  });
  for (const rule of rules) {
    if (rule.stage === 'override' && !overrideOrder.includes(rule.id)) c.fail('overrideOrder', `override rule '${rule.id}' is missing`);
  }
  if (rules.filter((r) => r.stage === 'role-check').length > 1) c.fail('rules', 'at most one role-check rule');

  if (c.issues.length > 0) throw new RulesetError('ruleset_invalid', file, c.issues);
  return { version, routing, text, lexicon, conditions, overrideOrder, rules };
}

function parseRouting(c: Checker, value: unknown): RulesetDef['routing'] {
  const out: RulesetDef['routing'] = {
    levelRoutes: { top: 'werkbedrijf', middle: 'mobiliteitsteam', base: 'mobiliteitsteam' },
    healthOwnWords: false,
  };
  const routing = c.object(value, 'routing');
  if (!routing) return out;
  c.keys(routing, 'routing', ['levelRoutes', 'healthOwnWords']);
  if (routing.healthOwnWords !== undefined) out.healthOwnWords = c.boolean(routing.healthOwnWords, 'routing.healthOwnWords');
  const levelRoutes = c.object(routing.levelRoutes, 'routing.levelRoutes');
  if (!levelRoutes) return out;
  c.keys(levelRoutes, 'routing.levelRoutes', PYRAMID_LEVELS);
  for (const level of PYRAMID_LEVELS) {
    const team = c.oneOf(TEAMS, levelRoutes[level], `routing.levelRoutes.${level}`);
    if (team) out.levelRoutes[level] = team;
  }
  return out;
}

function parseText(c: Checker, value: unknown): TextSettingsDef {
  const p = 'text';
  const t = c.object(value, p) ?? {};
  c.keys(t, p, [
    'inflections',
    'acronyms',
    'neverMatch',
    'maxFillers',
    'insideTokenMinLength',
    'fuzzy',
    'negation',
    'contexts',
    'language',
    'roleVoice',
    'otherPerson',
    'signals',
    'scorecards',
  ]);
  const word = /^[a-z0-9]+$/;
  const fuzzyJson = c.object(t.fuzzy, `${p}.fuzzy`) ?? {};
  c.keys(fuzzyJson, `${p}.fuzzy`, ['minTokenLength', 'distances']);
  const distances = (c.array(fuzzyJson.distances, `${p}.fuzzy.distances`, true) ?? []).map((d, i) => {
    const dp = `${p}.fuzzy.distances[${i}]`;
    const o = c.object(d, dp) ?? {};
    c.keys(o, dp, ['minKeywordLength', 'maxDistance']);
    return {
      minKeywordLength: c.integer(o.minKeywordLength, `${dp}.minKeywordLength`, 1),
      maxDistance: c.integer(o.maxDistance, `${dp}.maxDistance`, 1),
    };
  });
  const negation = c.object(t.negation, `${p}.negation`) ?? {};
  c.keys(negation, `${p}.negation`, ['negators', 'window', 'doubleNegation']);
  const contextsJson = c.object(t.contexts, `${p}.contexts`) ?? {};
  const contexts: TextSettingsDef['contexts'] = {};
  for (const [name, ctx] of Object.entries(contextsJson)) {
    if (name === '$comment') continue;
    const cp = `${p}.contexts.${name}`;
    if (!NAME.test(name)) c.fail(cp, `context name must match ${String(NAME)}`);
    const o = c.object(ctx, cp) ?? {};
    c.keys(o, cp, ['prefixes', 'words']);
    contexts[name] = { prefixes: c.strings(o.prefixes ?? [], `${cp}.prefixes`, false, word), words: c.strings(o.words ?? [], `${cp}.words`, false, word) };
    c.contextNames.add(name);
  }
  const language = c.object(t.language, `${p}.language`) ?? {};
  c.keys(language, `${p}.language`, ['en', 'nl', 'minEnglish', 'otherMinTokens']);
  const voice = c.object(t.roleVoice, `${p}.roleVoice`) ?? {};
  c.keys(voice, `${p}.roleVoice`, ['employer', 'employee', 'ownBusiness']);
  return {
    inflections: c.strings(t.inflections, `${p}.inflections`, true, /^[a-z]+$/),
    acronyms: c.strings(t.acronyms, `${p}.acronyms`, false, word),
    neverMatch: c.strings(t.neverMatch, `${p}.neverMatch`, false, word),
    maxFillers: c.integer(t.maxFillers, `${p}.maxFillers`, 0),
    insideTokenMinLength: c.integer(t.insideTokenMinLength, `${p}.insideTokenMinLength`, 1),
    fuzzy: { minTokenLength: c.integer(fuzzyJson.minTokenLength, `${p}.fuzzy.minTokenLength`, 1), distances },
    negation: {
      negators: c.strings(negation.negators, `${p}.negation.negators`, true, word),
      window: c.integer(negation.window, `${p}.negation.window`, 0),
      doubleNegation: c.strings(negation.doubleNegation ?? [], `${p}.negation.doubleNegation`, false, VOICE_PATTERN),
    },
    otherPerson: c.strings(t.otherPerson ?? [], `${p}.otherPerson`, false, VOICE_PATTERN),
    signals: parseSignals(c, t.signals, `${p}.signals`),
    scorecards: parseScorecards(c, t.scorecards, `${p}.scorecards`),
    contexts,
    language: {
      en: c.strings(language.en, `${p}.language.en`, true, word),
      nl: c.strings(language.nl, `${p}.language.nl`, true, word),
      minEnglish: c.integer(language.minEnglish, `${p}.language.minEnglish`, 1),
      otherMinTokens: c.integer(language.otherMinTokens, `${p}.language.otherMinTokens`, 1),
    },
    roleVoice: {
      employer: parseVoice(c, voice.employer, `${p}.roleVoice.employer`),
      employee: parseVoice(c, voice.employee, `${p}.roleVoice.employee`),
      ownBusiness: parseVoice(c, voice.ownBusiness, `${p}.roleVoice.ownBusiness`),
    },
  };
}

const VOICE_PATTERN = /^[a-z0-9|]+( [a-z0-9|]+)*$/;

function parseSignals(c: Checker, value: unknown, path: string): Record<string, VoiceSignalDef[]> {
  const out: Record<string, VoiceSignalDef[]> = {};
  if (value === undefined) return out;
  const o = c.object(value, path) ?? {};
  for (const [name, defs] of Object.entries(o)) {
    if (name === '$comment') continue;
    if (!NAME.test(name)) c.fail(join(path, name), `signal name must match ${String(NAME)}`);
    out[name] = parseVoice(c, defs, join(path, name));
    c.signalNames.add(name);
  }
  return out;
}

/** A feature is one word or two neighbouring words, as text/scorecard.ts makes them from the normalised question. */
const SCORECARD_FEATURE = /^[a-z0-9]+( [a-z0-9]+)?$/;

function parseScorecards(c: Checker, value: unknown, path: string): Record<string, ScorecardDef> {
  const out: Record<string, ScorecardDef> = {};
  if (value === undefined) return out;
  const o = c.object(value, path) ?? {};
  for (const [name, def] of Object.entries(o)) {
    if (name === '$comment') continue;
    const cp = join(path, name);
    if (!NAME.test(name)) c.fail(cp, `scorecard name must match ${String(NAME)}`);
    const card = c.object(def, cp) ?? {};
    c.keys(card, cp, ['threshold', 'bias', 'weights']);
    const threshold = c.finite(card.threshold, `${cp}.threshold`);
    if (!(threshold > 0 && threshold < 1)) c.fail(`${cp}.threshold`, 'must lie between 0 and 1');
    const weights: Record<string, number> = {};
    for (const [feature, weight] of Object.entries(c.object(card.weights, `${cp}.weights`) ?? {})) {
      if (!SCORECARD_FEATURE.test(feature)) c.fail(join(`${cp}.weights`, feature), `must match ${String(SCORECARD_FEATURE)}`);
      weights[feature] = c.finite(weight, join(`${cp}.weights`, feature));
    }
    out[name] = { threshold, bias: c.finite(card.bias, `${cp}.bias`), weights };
    c.scorecardNames.add(name);
  }
  return out;
}

function parseVoice(c: Checker, value: unknown, path: string): VoiceSignalDef[] {
  return (c.array(value, path, true) ?? []).map((signal, i) => {
    const sp = `${path}[${i}]`;
    const o = c.object(signal, sp) ?? {};
    c.keys(o, sp, ['all', 'none']);
    const pattern = (value: unknown, pp: string): VoicePatternDef | undefined => {
      if (typeof value === 'string') {
        const text = c.string(value, pp, VOICE_PATTERN);
        return text === undefined ? undefined : { pattern: text };
      }
      const po = c.object(value, pp);
      if (!po) return undefined;
      c.keys(po, pp, ['pattern', 'maxFillers']);
      const text = c.string(po.pattern, `${pp}.pattern`, VOICE_PATTERN);
      if (text === undefined) return undefined;
      const def: VoicePatternDef = { pattern: text };
      if (po.maxFillers !== undefined) def.maxFillers = c.integer(po.maxFillers, `${pp}.maxFillers`, 0);
      return def;
    };
    const clauses = (key: 'all' | 'none', nonEmpty: boolean): VoicePatternDef[][] =>
      (c.array(o[key] ?? [], `${sp}.${key}`, nonEmpty) ?? []).map((clause, j) =>
        (c.array(clause, `${sp}.${key}[${j}]`, true) ?? []).flatMap((item, k) => {
          const def = pattern(item, `${sp}.${key}[${j}][${k}]`);
          return def ? [def] : [];
        }),
      );
    return { all: clauses('all', true), none: clauses('none', false) };
  });
}

function parseLexicon(c: Checker, value: unknown): LexiconGroupDef[] {
  const groups = (c.array(value, 'lexicon', true) ?? []).map((g, i) => {
    const gp = `lexicon[${i}]`;
    const o = c.object(g, gp) ?? {};
    c.keys(o, gp, ['id', 'label', 'level', 'negatable', 'healthRelated', 'maxFillers', 'terms', 'en', 'typos', 'vocabulary']);
    const id = c.string(o.id, `${gp}.id`, GROUP_ID) ?? `?${i}`;
    if (c.groupIds.has(id)) c.fail(`${gp}.id`, `duplicate lexicon group '${id}'`);
    c.groupIds.add(id);
    const terms: TermDef[] = [];
    // `vocabulary`: a long list of phrasings of the concept gathered from outside the rules (e.g. a crisis line's).
    for (const key of ['terms', 'en', 'typos', 'vocabulary'] as const) {
      if (key !== 'terms' && o[key] === undefined) continue;
      (c.array(o[key], `${gp}.${key}`, key === 'terms') ?? []).forEach((entry, j) => {
        terms.push(...parseTermEntry(c, entry, `${gp}.${key}[${j}]`));
      });
    }
    const group: LexiconGroupDef = {
      id,
      label: c.string(o.label, `${gp}.label`) ?? id,
      negatable: c.boolean(o.negatable, `${gp}.negatable`),
      healthRelated: c.boolean(o.healthRelated, `${gp}.healthRelated`),
      terms,
    };
    if (o.maxFillers !== undefined) group.maxFillers = c.integer(o.maxFillers, `${gp}.maxFillers`, 0);
    if (o.level !== undefined) {
      const level = c.oneOf(PYRAMID_LEVELS, o.level, `${gp}.level`);
      if (level) group.level = level;
    }
    return group;
  });
  if (c.tags.size > MAX_TAGS) c.fail('lexicon', `at most ${MAX_TAGS} distinct tags`);
  return groups;
}

function parseTermEntry(c: Checker, entry: unknown, path: string): TermDef[] {
  if (typeof entry === 'string') {
    checkTermNotation(c, entry, path);
    return [{ term: entry, tags: [] }];
  }
  const o = c.object(entry, path);
  if (!o) return [];
  c.keys(o, path, ['terms', 'tags', 'context', 'unlessContext']);
  const tags = o.tags === undefined ? [] : c.strings(o.tags, `${path}.tags`, true, NAME);
  tags.forEach((tag) => c.tags.add(tag));
  const context = o.context === undefined ? undefined : c.string(o.context, `${path}.context`);
  const unlessContext = o.unlessContext === undefined ? undefined : c.string(o.unlessContext, `${path}.unlessContext`);
  for (const [key, name] of [
    ['context', context],
    ['unlessContext', unlessContext],
  ] as const) {
    if (name !== undefined && !c.contextNames.has(name)) c.fail(`${path}.${key}`, `unknown context '${name}'`);
  }
  return c.strings(o.terms, `${path}.terms`, true).map((term, i) => {
    checkTermNotation(c, term, `${path}.terms[${i}]`);
    const def: TermDef = { term, tags };
    if (context !== undefined) def.context = context;
    if (unlessContext !== undefined) def.unlessContext = unlessContext;
    return def;
  });
}

function checkTermNotation(c: Checker, raw: string, path: string): void {
  const body = raw.replace(/^~/, '').replace(/^\*/, '').replace(/\*$/, '');
  if (/(^|\s)\||\|(\s|$)|\|\|/.test(body)) c.fail(path, `empty alternative in '${raw}'`);
  const expansions = expandAlternatives(body);
  if (expansions.length > MAX_TERM_EXPANSIONS) c.fail(path, `'${raw}' expands to more than ${MAX_TERM_EXPANSIONS} phrases`);
  const wordCounts = expansions.slice(0, MAX_TERM_EXPANSIONS).map((phrase) => tokenise(phrase).length);
  if (wordCounts.some((n) => n === 0)) c.fail(path, `term '${raw}' has no letters or digits`);
  if (wordCounts.some((n) => n > 1) && body !== raw) c.fail(path, `'~' and '*' are only allowed on single words: '${raw}'`);
  if (/[~*]/.test(body)) c.fail(path, `misplaced '~' or '*' in '${raw}'`);
}

function parseCondition(c: Checker, value: unknown, path: string): ConditionDef {
  const never: ConditionDef = { kind: 'any', of: [] };
  const o = c.object(value, path);
  if (!o) return never;
  const kinds = CONDITION_KEYS.filter((k) => k in o);
  if (kinds.length !== 1) {
    c.fail(path, `must have exactly one of ${CONDITION_KEYS.join(', ')}`);
    return never;
  }
  const kind = kinds[0];
  const p = join(path, kind);
  switch (kind) {
    case 'all':
    case 'any': {
      c.keys(o, path, [kind]);
      const of = (c.array(o[kind], p, true) ?? []).map((sub, i) => parseCondition(c, sub, `${p}[${i}]`));
      return { kind, of };
    }
    case 'not':
      c.keys(o, path, ['not']);
      return { kind, of: parseCondition(c, o.not, p) };
    case 'ref': {
      c.keys(o, path, ['ref']);
      const name = c.string(o.ref, p) ?? '';
      if (name && !c.conditionNames.has(name)) c.fail(p, `unknown condition '${name}'`);
      return { kind, name };
    }
    case 'field':
      return parseFieldCondition(c, o, path);
    case 'open':
    case 'absent': {
      c.keys(o, path, [kind]);
      const fieldPath = c.string(o[kind], p) ?? '';
      if (fieldPath && !FIELD_SPECS.has(fieldPath)) c.fail(p, `unknown field '${fieldPath}'`);
      return { kind, path: fieldPath };
    }
    case 'blank':
      c.keys(o, path, ['blank']);
      if (o.blank !== 'question') c.fail(p, "only 'question' can be blank");
      return { kind, path: 'question' };
    case 'text': {
      c.keys(o, path, ['text', 'tags', 'ignoreConsent']);
      const groups = typeof o.text === 'string' ? [o.text] : c.strings(o.text, p, true);
      groups.forEach((g) => {
        if (!c.groupIds.has(g)) c.fail(p, `unknown lexicon group '${g}'`);
      });
      const tags = o.tags === undefined ? [] : c.strings(o.tags, join(path, 'tags'), true);
      tags.forEach((tag) => {
        if (!c.tags.has(tag)) c.fail(join(path, 'tags'), `unknown tag '${tag}'`);
      });
      const ignoreConsent = o.ignoreConsent === undefined ? false : c.boolean(o.ignoreConsent, join(path, 'ignoreConsent'));
      return { kind, groups, tags, ignoreConsent };
    }
    case 'monthOffset': {
      c.keys(o, path, ['monthOffset', 'min', 'max']);
      const fieldPath = c.string(o.monthOffset, p) ?? '';
      if (FIELD_SPECS.get(fieldPath)?.kind !== 'month') c.fail(p, `'${fieldPath}' is not a month field`);
      const min = typeof o.min === 'number' && Number.isInteger(o.min) ? o.min : NaN;
      const max = typeof o.max === 'number' && Number.isInteger(o.max) ? o.max : NaN;
      if (!(min <= max)) c.fail(path, 'min and max must be integers with min <= max');
      return { kind, path: fieldPath, min, max };
    }
    case 'matched': {
      c.keys(o, path, ['matched']);
      const rules = c.strings(o.matched, p, true);
      rules.forEach((id, i) => {
        if (!c.ruleIds.has(id)) c.fail(`${p}[${i}]`, `unknown rule id '${id}'`);
      });
      return { kind, rules };
    }
    case 'matchedLevel':
      c.keys(o, path, [kind]);
      return { kind, levels: c.oneOfList(PYRAMID_LEVELS, o[kind], p) };
    case 'resultLevel':
      c.keys(o, path, [kind]);
      return { kind, levels: c.oneOfList<Level>(LEVELS, o[kind], p) };
    case 'resultRoute':
      c.keys(o, path, [kind]);
      return { kind, routes: c.oneOfList<Route>(ROUTES, o[kind], p) };
    case 'reading': {
      c.keys(o, path, ['reading']);
      const reading = c.oneOf(['person', 'employer'] as const, o.reading, p) ?? 'person';
      return { kind, reading };
    }
    case 'signal': {
      c.keys(o, path, ['signal']);
      const name = c.string(o.signal, p) ?? '';
      if (name && !c.signalNames.has(name)) c.fail(p, `unknown signal '${name}'`);
      return { kind, name };
    }
    case 'score': {
      c.keys(o, path, ['score']);
      const name = c.string(o.score, p) ?? '';
      if (name && !c.scorecardNames.has(name)) c.fail(p, `unknown scorecard '${name}'`);
      return { kind, name };
    }
    case 'predicate': {
      c.keys(o, path, ['predicate']);
      const name = c.oneOf(PREDICATE_NAMES, o.predicate, p) ?? 'person-unanswered';
      return { kind, name };
    }
  }
}

function parseFieldCondition(c: Checker, o: Json, path: string): ConditionDef {
  c.keys(o, path, ['field', 'eq', 'in']);
  const fieldPath = c.string(o.field, join(path, 'field')) ?? '';
  const spec = FIELD_SPECS.get(fieldPath);
  if (fieldPath && !spec) c.fail(join(path, 'field'), `unknown field '${fieldPath}'`);
  const hasEq = 'eq' in o;
  if (hasEq === 'in' in o) {
    c.fail(path, "needs exactly one of 'eq' or 'in'");
    return { kind: 'field', path: fieldPath, values: [] };
  }
  const raw: unknown[] = hasEq ? [o.eq] : (c.array(o.in, join(path, 'in'), true) ?? []);
  const values: FieldValue[] = [];
  raw.forEach((v, i) => {
    const vp = hasEq ? join(path, 'eq') : `${join(path, 'in')}[${i}]`;
    if (!spec) return;
    const ok =
      spec.kind === 'boolean'
        ? typeof v === 'boolean'
        : spec.kind === 'enum'
          ? isOneOf(spec.values ?? [], v)
          : spec.kind === 'month'
            ? typeof v === 'string' && MONTH.test(v)
            : typeof v === 'string';
    if (ok) values.push(v as FieldValue);
    else
      c.fail(
        vp,
        `bad value ${JSON.stringify(v)} for ${fieldPath}` +
          (spec.kind === 'enum' ? `; expected one of ${(spec.values ?? []).join(', ')}` : ` (${spec.kind})`),
      );
  });
  return { kind: 'field', path: fieldPath, values };
}

function checkConditionCycles(c: Checker, conditions: Record<string, ConditionDef>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const refsOf = (cond: ConditionDef, out: string[]): string[] => {
    if (cond.kind === 'ref') out.push(cond.name);
    else if (cond.kind === 'all' || cond.kind === 'any') cond.of.forEach((sub) => refsOf(sub, out));
    else if (cond.kind === 'not') refsOf(cond.of, out);
    return out;
  };
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      c.fail(join('conditions', name), 'condition refers to itself (cycle)');
      return;
    }
    state.set(name, 'visiting');
    const cond = conditions[name];
    if (cond) refsOf(cond, []).forEach(visit);
    state.set(name, 'done');
  };
  Object.keys(conditions).forEach(visit);
}

function parseRule(c: Checker, value: unknown, path: string): RuleDef {
  const o = c.object(value, path) ?? {};
  c.keys(o, path, ['id', 'stage', 'level', 'route', 'suggest', 'secondaryRoutes', 'referrals', 'reasonOnly', 'afterGuards', 'marks', 'when', 'reason']);
  const id = c.string(o.id, `${path}.id`, RULE_ID) ?? '?';
  const stage = c.oneOf(RULE_STAGES, o.stage, `${path}.stage`) ?? 'referral';
  const reasonOnly = o.reasonOnly === undefined ? false : c.boolean(o.reasonOnly, `${path}.reasonOnly`);
  const afterGuards = o.afterGuards === undefined ? false : c.boolean(o.afterGuards, `${path}.afterGuards`);
  const reasonJson = c.object(o.reason, `${path}.reason`) ?? {};
  c.keys(reasonJson, `${path}.reason`, ['nl', 'en']);
  const rule: RuleDef = {
    id,
    stage,
    secondaryRoutes: [],
    referrals: [],
    reasonOnly,
    afterGuards,
    marks: o.marks === undefined ? [] : c.oneOfList(MARKERS, o.marks, `${path}.marks`),
    when: parseCondition(c, o.when, `${path}.when`),
    reason: {
      nl: c.string(reasonJson.nl, `${path}.reason.nl`) ?? '',
      en: c.string(reasonJson.en, `${path}.reason.en`) ?? '',
    },
  };
  if (o.secondaryRoutes !== undefined) {
    rule.secondaryRoutes = c.oneOfList(['werkbedrijf', 'mobiliteitsteam', 'wsp'] as const, o.secondaryRoutes, `${path}.secondaryRoutes`);
  }
  if (o.referrals !== undefined) {
    rule.referrals = (c.array(o.referrals, `${path}.referrals`, true) ?? []).map((r, i) => parseReferral(c, r, `${path}.referrals[${i}]`));
  }

  const outcome = stage === 'guard' || stage === 'fallback' || ((stage === 'employer' || stage === 'person') && !reasonOnly);
  if (outcome) {
    const levels: readonly Level[] = stage === 'employer' || stage === 'person' ? PYRAMID_LEVELS : LEVELS;
    const level = c.oneOf(levels, o.level, `${path}.level`);
    if (level) rule.level = level;
    const routes = stage === 'employer' || stage === 'person' ? ([...TEAMS, 'level'] as const) : ROUTES;
    const route = c.oneOf<Team | 'none' | 'level'>(routes, o.route, `${path}.route`);
    if (route) rule.route = route;
    if (o.suggest !== undefined) {
      if (route !== 'triage') c.fail(`${path}.suggest`, "only a triage rule (route 'triage') suggests a team");
      const suggest = c.oneOf(['level', 'werkbedrijf', 'mobiliteitsteam', 'wsp'] as const, o.suggest, `${path}.suggest`);
      if (suggest) rule.suggest = suggest;
    }
  } else {
    for (const key of ['level', 'route', 'suggest', 'secondaryRoutes'] as const) {
      if (o[key] !== undefined) c.fail(`${path}.${key}`, `not allowed on a ${reasonOnly ? 'reason-only' : stage} rule`);
    }
  }
  if (stage === 'combination' && !reasonOnly) c.fail(`${path}.reasonOnly`, 'combination rules are reason-only');
  if (reasonOnly && stage !== 'combination' && stage !== 'employer' && stage !== 'person') {
    c.fail(`${path}.reasonOnly`, `not allowed on a ${stage} rule`);
  }
  if (reasonOnly && o.referrals !== undefined) c.fail(`${path}.referrals`, 'a reason-only rule adds no referrals');
  if (stage === 'referral' && rule.referrals.length === 0 && rule.marks.length === 0) {
    c.fail(`${path}.referrals`, 'a referral rule needs referrals or marks');
  }
  if (stage === 'role-check' && o.referrals !== undefined) c.fail(`${path}.referrals`, `not allowed on a ${stage} rule`);
  if (afterGuards && stage !== 'override' && stage !== 'referral') {
    c.fail(`${path}.afterGuards`, 'only override and referral rules run after guards');
  }
  return rule;
}

function parseReferral(c: Checker, value: unknown, path: string): ReferralDef {
  if (typeof value === 'string') return { referral: c.oneOf(REFERRALS, value, path) ?? 'uwv' };
  const o = c.object(value, path) ?? {};
  c.keys(o, path, ['referral', 'when']);
  const def: ReferralDef = { referral: c.oneOf(REFERRALS, o.referral, `${path}.referral`) ?? 'uwv' };
  if (o.when !== undefined) def.when = parseCondition(c, o.when, `${path}.when`);
  return def;
}

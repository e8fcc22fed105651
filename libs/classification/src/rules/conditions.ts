// Compiles the declarative conditions of a ruleset into plain functions once, at load, so classify() only calls
// closures. Named predicates (the few conditions that are code) live in predicates.ts.
import type { ConditionDef } from '../ruleset/ruleset.types.js';
import type { CompiledLexicon } from '../text/lexicon.js';
import { tagMaskOf } from '../text/lexicon.js';
import { PYRAMID_LEVELS } from '../vocabulary.js';
import type { CompiledCondition, EvaluationContext } from './evaluation-context.js';
import { FIELD_SPECS, openValuesOf } from './fields.js';
import { PREDICATES } from './predicates.js';

const MONTH = /^(\d{4})-(\d{2})$/;

/** year * 12 + month - 1, or NaN for anything that is not YYYY-MM. */
export function monthIndex(value: string): number {
  const m = MONTH.exec(value);
  if (!m) return Number.NaN;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return Number.NaN;
  return Number(m[1]) * 12 + month - 1;
}

export function levelBit(level: string): number {
  const i = (PYRAMID_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? 0 : 1 << i;
}

export interface ConditionCompiler {
  compile(def: ConditionDef): CompiledCondition;
}

export function createConditionCompiler(
  lexicon: CompiledLexicon,
  ruleIndex: ReadonlyMap<string, number>,
  named: Readonly<Record<string, ConditionDef>>,
  signalNames: readonly string[] = [],
  scorecards: readonly { name: string; threshold: number }[] = [],
): ConditionCompiler {
  const compiledNamed = new Map<string, CompiledCondition>();

  const compile = (def: ConditionDef): CompiledCondition => {
    switch (def.kind) {
      case 'all': {
        const parts = def.of.map(compile);
        return (ctx) => parts.every((part) => part(ctx));
      }
      case 'any': {
        const parts = def.of.map(compile);
        return (ctx) => parts.some((part) => part(ctx));
      }
      case 'not': {
        const inner = compile(def.of);
        return (ctx) => !inner(ctx);
      }
      case 'ref': {
        // Compiled on first use; the schema already rejected unknown names and cycles.
        return (ctx) => {
          let target = compiledNamed.get(def.name);
          if (!target) {
            target = compile(named[def.name]);
            compiledNamed.set(def.name, target);
          }
          return target(ctx);
        };
      }
      case 'field': {
        const get = FIELD_SPECS.get(def.path)!.get;
        const values: readonly unknown[] = def.values;
        return (ctx) => values.includes(get(ctx));
      }
      case 'open': {
        const get = FIELD_SPECS.get(def.path)!.get;
        const open: readonly unknown[] = openValuesOf(def.path);
        return (ctx) => {
          const value = get(ctx);
          return value === undefined || value === null || open.includes(value);
        };
      }
      case 'absent': {
        const get = FIELD_SPECS.get(def.path)!.get;
        return (ctx) => {
          const value = get(ctx);
          return value === undefined || value === null;
        };
      }
      case 'blank':
        return (ctx) => ctx.text.blank;
      case 'text':
        return compileText(lexicon, def.groups, def.tags, def.ignoreConsent);
      case 'monthOffset': {
        const get = FIELD_SPECS.get(def.path)!.get;
        const { min, max } = def;
        return (ctx) => {
          const value = get(ctx);
          if (typeof value !== 'string') return false;
          const offset = monthIndex(value) - ctx.referenceMonthIndex;
          return offset >= min && offset <= max;
        };
      }
      case 'matched': {
        const indices = def.rules.map((id) => ruleIndex.get(id)!);
        return (ctx) => indices.some((i) => ctx.fired[i] === 1);
      }
      case 'matchedLevel': {
        const mask = def.levels.reduce((m, level) => m | levelBit(level), 0);
        return (ctx) => (ctx.matchedLevels & mask) !== 0;
      }
      case 'resultLevel': {
        const levels: readonly unknown[] = def.levels;
        return (ctx) => levels.includes(ctx.resultLevel);
      }
      case 'resultRoute': {
        const routes: readonly unknown[] = def.routes;
        return (ctx) => routes.includes(ctx.resultRoute);
      }
      case 'reading': {
        const person = def.reading === 'person';
        return (ctx) => ctx.personReading === person;
      }
      case 'predicate':
        return PREDICATES[def.name];
      case 'signal': {
        const index = signalNames.indexOf(def.name);
        return (ctx) => ctx.text.signals[index] === 1;
      }
      case 'score': {
        const index = scorecards.findIndex((card) => card.name === def.name);
        const { threshold } = scorecards[index];
        return (ctx) => ctx.text.scores[index] >= threshold;
      }
    }
  };

  return { compile };
}

function compileText(
  lexicon: CompiledLexicon,
  groupIds: readonly string[],
  tags: readonly string[],
  ignoreConsent: boolean,
): CompiledCondition {
  const groups = groupIds.map((id) => lexicon.groupIndex.get(id)!);
  const health = groups.map((g) => lexicon.groups[g].healthRelated);
  const mask = tagMaskOf(lexicon, tags);
  return (ctx: EvaluationContext) => {
    // Health-related text counts for a person reading only with consent for special-category data (§4.4), or,
    // where the region reads health in the person's own words (2.0.0), when the words are about the person
    // themselves (for on_behalf: the person asked for); the case then asks for consent at first contact.
    const consented = ignoreConsent || !ctx.personReading || ctx.facts.consent.specialCategoryData === true;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (ctx.text.groupHits[g] !== 1) continue;
      if (mask !== 0 && (ctx.text.groupTags[g] & mask) === 0) continue;
      if (health[i] && !consented) {
        if (!ctx.healthOwnWords) continue;
        if (ctx.role !== 'on_behalf' && ctx.text.groupOwnHits[g] !== 1) continue;
      }
      return true;
    }
    return false;
  };
}

// Scorecards: a weighted word list read as a logistic score. Each word and each pair of neighbouring words of the
// question that the card lists adds its weight; the card holds when 1 / (1 + e^-(bias + Σ weights)) reaches its
// threshold. The weights are learned from labelled questions (scripts/train-scorecard.ts) and written into the
// ruleset, so a scorecard is as explicit and as versioned as a lexicon: it reads what no phrase list foresaw.
import type { ScorecardDef } from '../ruleset/ruleset.types.js';
import { normalise } from './normalise.js';

export interface CompiledScorecard {
  readonly name: string;
  readonly threshold: number;
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
}

export function compileScorecards(defs: Readonly<Record<string, ScorecardDef>>): CompiledScorecard[] {
  return Object.entries(defs).map(([name, def]) => ({
    name,
    threshold: def.threshold,
    bias: def.bias,
    weights: new Map(Object.entries(def.weights)),
  }));
}

/** The features a scorecard weighs: every word, and every two neighbouring words of one sentence ("als ik"). */
export function scorecardFeatures(sentences: readonly (readonly string[])[]): Set<string> {
  const features = new Set<string>();
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      features.add(tokens[i]);
      if (i + 1 < tokens.length) features.add(`${tokens[i]} ${tokens[i + 1]}`);
    }
  }
  return features;
}

/** The card's score for a question's features, between 0 and 1. */
export function scoreOf(card: CompiledScorecard, features: ReadonlySet<string>): number {
  let sum = card.bias;
  for (const feature of features) sum += card.weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-sum));
}

/** A question's scorecard features, normalised as the classifier reads it (for training and tooling). */
export function questionFeatures(question: string): Set<string> {
  return scorecardFeatures(normalise(question).sentences);
}

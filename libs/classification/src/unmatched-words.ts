import { DEFAULT_RULESET, type Ruleset } from './ruleset/ruleset.js';
import { unmatchedRuns } from './text/analyse.js';

/**
 * The words and two-word phrases of a question that no lexicon entry of the ruleset reads (stop words left out),
 * each once: what a ruleset could learn from a question a person had to classify by hand.
 */
export function unmatchedWords(question: string, ruleset: Ruleset = DEFAULT_RULESET): string[] {
  const terms = new Set<string>();
  for (const run of unmatchedRuns(ruleset.text, question)) {
    run.forEach((word, i) => {
      terms.add(word);
      if (i + 1 < run.length) terms.add(`${word} ${run[i + 1]}`);
    });
  }
  return [...terms];
}

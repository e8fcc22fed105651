import type { Language } from '../vocabulary.js';

/** One accepted lexicon match (negated ones included, so tests and explanations can see them). */
export interface TextMatch {
  group: string;
  /** The lexicon entry as written in the ruleset, e.g. `~bijstand*`. */
  term: string;
  sentence: number;
  /** Token positions of the match's own words inside the sentence. */
  start: number;
  end: number;
  kind: MatchKind;
  negated: boolean;
  /** The sentence is about someone else ("mijn zoon heeft …"). */
  aboutOther?: boolean;
}

export type MatchKind = 'exact' | 'inflected' | 'joined' | 'compound' | 'inside' | 'fuzzy';

export interface RoleVoices {
  employer: boolean;
  employee: boolean;
  ownBusiness: boolean;
}

export interface TextAnalysis {
  /** The question is empty after trimming. */
  blank: boolean;
  /** Language detected from stop words (§6.6); the request's `language` wins when given. */
  detectedLanguage: Language;
  /** Per lexicon group index: 1 when the group has a non-negated match. */
  groupHits: Uint8Array;
  /** Per lexicon group index: OR of the tag bits of its non-negated matches. */
  groupTags: Uint32Array;
  /** Per lexicon group index: 1 when a non-negated match stands in a sentence that is not about someone else. */
  groupOwnHits: Uint8Array;
  voices: RoleVoices;
  /** Per named sentence signal (text.signals, in file order): 1 when it holds in some sentence. */
  signals: Uint8Array;
  /** Per scorecard (text.scorecards, in file order): its score between 0 and 1. */
  scores: Float64Array;
  matches: TextMatch[];
}

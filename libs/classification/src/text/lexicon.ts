// Compiles the lexicon of a ruleset (§6.7) once, into lookup tables the matcher uses per call: single words by
// token, phrases by first word, compound and inside-token lists, fuzzy keywords by first letter.
import type { LexiconGroupDef, TermDef, TextSettingsDef } from '../ruleset/ruleset.types.js';
import { expandAlternatives } from './alternatives.js';
import { letterHistogram, maxFuzzyDistance, type FuzzyThreshold } from './fuzzy.js';
import { tokenise } from './normalise.js';

export interface CompiledTerm {
  group: number;
  /** The entry as written in the ruleset (for explanations and tests). */
  raw: string;
  words: string[];
  tagMask: number;
  fuzzy: boolean;
  /** `word*`: also the start of a longer token. */
  prefix: boolean;
  /** `*word`: also the end of a longer token. */
  suffix: boolean;
  /** Exact token only: no inflection, compound or fuzziness. */
  acronym: boolean;
  /** Index into contexts, or -1. */
  context: number;
  unlessContext: number;
  /** Fuzzy distance allowed for this keyword; 0 when not fuzzy. */
  maxDistance: number;
  /** Letter counts of the (single) word, for the fuzzy prefilter. */
  histogram: Uint8Array;
  /** Phrases: the forms the last word may take (it may be inflected), for a quick check before aligning. */
  lastForms: readonly string[];
  /** Filler tokens allowed in total inside this phrase. */
  maxFillers: number;
}

export interface CompiledGroup {
  id: string;
  negatable: boolean;
  healthRelated: boolean;
}

export interface CompiledContext {
  prefixes: string[];
  words: Set<string>;
}

/** A token form a single-word term matches: the word itself, or the word with one inflection. */
export interface WordForm {
  term: CompiledTerm;
  inflected: boolean;
}

/** The end of a `*word` term, possibly inflected (`diploma`, `diplomas`, …). */
export interface SuffixForm {
  term: CompiledTerm;
  form: string;
}

export interface CompiledLexicon {
  groups: CompiledGroup[];
  groupIndex: ReadonlyMap<string, number>;
  tagBits: ReadonlyMap<string, number>;
  /** Single-word terms by every token form they match exactly or inflected (inflections expanded at load). */
  forms: ReadonlyMap<string, WordForm[]>;
  /** Every proper start of a non-acronym single word: a token that is not one cannot begin a joined pair. */
  joinableStarts: ReadonlySet<string>;
  /** Multi-word terms by their first word, then by every form their second word may take. */
  phrases: ReadonlyMap<string, ReadonlyMap<string, CompiledTerm[]>>;
  /** The most filler tokens any phrase allows (how far after its first word a phrase's second word may stand). */
  maxPhraseFillers: number;
  prefixTerms: CompiledTerm[];
  /** `word*` terms by the first two letters of their word (every such word has at least two). */
  prefixTermsByStart: ReadonlyMap<string, CompiledTerm[]>;
  /** `*word` forms by their last two letters. */
  suffixForms: ReadonlyMap<string, SuffixForm[]>;
  /** Single words of insideTokenMinLength letters or more (they also match inside a token), by first 3 letters. */
  insideByTrigram: ReadonlyMap<string, CompiledTerm[]>;
  insideTokenMinLength: number;
  fuzzyByFirstLetter: ReadonlyMap<string, CompiledTerm[]>;
  inflections: readonly string[];
  /** The never-match words and their inflected forms. */
  neverMatch: ReadonlySet<string>;
  acronyms: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  negationWindow: number;
  /** Double-negation frames, as token lists. */
  doubleNegation: readonly (readonly string[])[];
  maxFillers: number;
  fuzzyMinTokenLength: number;
  contexts: CompiledContext[];
}

/** The marks of a term's notation: `~` fuzzy, `word*` compound start, `*word` compound end. */
interface Notation {
  fuzzy: boolean;
  prefix: boolean;
  suffix: boolean;
}

// Inflections attach to words, not to numbers ("spoor 2").
const ENDS_WITH_LETTER = /[a-z]$/;

/** The last word of a phrase as it may appear: itself, or inflected (not for acronyms and numbers). */
function lastWordForms(word: string, inflections: readonly string[], acronyms: ReadonlySet<string>): string[] {
  return [word, ...inflectedForms(word, inflections, acronyms)];
}

/** The forms a word takes with one inflection; none for acronyms and numbers. */
export function inflectedForms(word: string, inflections: readonly string[], acronyms: ReadonlySet<string>): string[] {
  if (acronyms.has(word) || !ENDS_WITH_LETTER.test(word) || word.length < 2) return [];
  return inflections.map((suffix) => word + suffix);
}

export function compileLexicon(groupDefs: readonly LexiconGroupDef[], text: TextSettingsDef): CompiledLexicon {
  const acronyms = new Set(text.acronyms);
  const thresholds: readonly FuzzyThreshold[] = text.fuzzy.distances;
  const contextNames = Object.keys(text.contexts);
  const expand = (words: readonly string[]): Set<string> =>
    new Set(words.flatMap((w) => [w, ...inflectedForms(w, text.inflections, acronyms)]));
  const contexts = contextNames.map((name) => {
    const def = text.contexts[name];
    return { prefixes: def.prefixes, words: expand(def.words) };
  });
  const tagBits = new Map<string, number>();
  const groups: CompiledGroup[] = [];
  const groupIndex = new Map<string, number>();
  const forms = new Map<string, WordForm[]>();
  const joinableStarts = new Set<string>();
  const phrases = new Map<string, Map<string, CompiledTerm[]>>();
  let maxPhraseFillers = 0;
  const prefixTerms: CompiledTerm[] = [];
  const suffixForms = new Map<string, SuffixForm[]>();
  const insideByTrigram = new Map<string, CompiledTerm[]>();
  const fuzzyByFirstLetter = new Map<string, CompiledTerm[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  const addTerm = (g: number, termDef: TermDef, tagMask: number, termWords: string[], notation: Notation): void => {
    const single = termWords.length === 1;
    const word = termWords[0];
    const acronym = single && acronyms.has(word);
    const term: CompiledTerm = {
      group: g,
      raw: termDef.term,
      words: termWords,
      tagMask,
      fuzzy: notation.fuzzy && !acronym,
      prefix: notation.prefix && !acronym,
      suffix: notation.suffix && !acronym,
      acronym,
      context: termDef.context === undefined ? -1 : contextNames.indexOf(termDef.context),
      unlessContext: termDef.unlessContext === undefined ? -1 : contextNames.indexOf(termDef.unlessContext),
      maxDistance: notation.fuzzy && !acronym ? maxFuzzyDistance(word.length, thresholds) : 0,
      maxFillers: groupDefs[g].maxFillers ?? text.maxFillers,
      histogram: letterHistogram(word),
      lastForms: single ? [] : lastWordForms(termWords[termWords.length - 1], text.inflections, acronyms),
    };
    if (!single) {
      let bySecond = phrases.get(word);
      if (!bySecond) phrases.set(word, (bySecond = new Map<string, CompiledTerm[]>()));
      for (const second of termWords.length === 2 ? term.lastForms : [termWords[1]]) push(bySecond, second, term);
      maxPhraseFillers = Math.max(maxPhraseFillers, term.maxFillers);
      return;
    }
    const inflected = inflectedForms(word, text.inflections, acronyms);
    push(forms, word, { term, inflected: false });
    for (const form of inflected) push(forms, form, { term, inflected: true });
    if (!acronym) for (let k = 1; k < word.length; k++) joinableStarts.add(word.slice(0, k));
    if (term.prefix) prefixTerms.push(term);
    if (term.suffix) {
      for (const form of [word, ...inflected]) push(suffixForms, form.slice(-2), { term, form });
    }
    if (!acronym && word.length >= Math.max(3, text.insideTokenMinLength)) push(insideByTrigram, word.slice(0, 3), term);
    if (term.maxDistance > 0) push(fuzzyByFirstLetter, word[0], term);
  };

  groupDefs.forEach((def, g) => {
    groups.push({ id: def.id, negatable: def.negatable, healthRelated: def.healthRelated });
    groupIndex.set(def.id, g);
    for (const termDef of def.terms) {
      let tagMask = 0;
      for (const tag of termDef.tags) {
        if (!tagBits.has(tag)) tagBits.set(tag, 1 << tagBits.size);
        tagMask |= tagBits.get(tag)!;
      }
      let body = termDef.term;
      const fuzzy = body.startsWith('~');
      if (fuzzy) body = body.slice(1);
      const suffix = body.startsWith('*');
      if (suffix) body = body.slice(1);
      const prefix = body.endsWith('*');
      if (prefix) body = body.slice(0, -1);
      // `a|b` alternatives: one compiled term per phrase they spell, each reporting the entry as written.
      for (const phrase of expandAlternatives(body)) {
        const termWords = tokenise(phrase);
        if (termWords.length > 0) addTerm(g, termDef, tagMask, termWords, { fuzzy, prefix, suffix });
      }
    }
  });

  return {
    groups,
    groupIndex,
    tagBits,
    forms,
    joinableStarts,
    phrases,
    maxPhraseFillers,
    prefixTerms,
    prefixTermsByStart: groupBy(prefixTerms, (term) => term.words[0].slice(0, 2)),
    suffixForms,
    insideByTrigram,
    insideTokenMinLength: text.insideTokenMinLength,
    fuzzyByFirstLetter,
    inflections: text.inflections,
    neverMatch: expand(text.neverMatch),
    acronyms,
    negators: new Set(text.negation.negators),
    negationWindow: text.negation.window,
    doubleNegation: text.negation.doubleNegation.flatMap((frame) => expandAlternatives(frame).map((phrase) => tokenise(phrase))),
    maxFillers: text.maxFillers,
    fuzzyMinTokenLength: text.fuzzy.minTokenLength,
    contexts,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Mask of the given tags (unknown tags were rejected when the file was validated). */
export function tagMaskOf(lexicon: CompiledLexicon, tags: readonly string[]): number {
  let mask = 0;
  for (const tag of tags) mask |= lexicon.tagBits.get(tag) ?? 0;
  return mask;
}

// §6.2–§6.4 Lexicon matching over the tokens of one sentence. Candidates are collected (phrases, joined pairs,
// single words, compounds), then accepted longest first; an accepted match uses up its tokens. Fuzzy matches
// come last, only for tokens nothing else matched (a joined pair before a single token). Negation is applied
// to the accepted matches.
import { boundedDamerauLevenshtein, histogramsRuleOut, letterHistogram } from './fuzzy.js';
import type { CompiledLexicon, CompiledTerm } from './lexicon.js';
import { doubleNegationCancels, isNegated } from './negation.js';
import type { MatchKind, TextMatch } from './text-analysis.types.js';

// Lower is better when two candidates cover the same number of words.
const QUALITY: Record<MatchKind, number> = { exact: 0, inflected: 1, joined: 2, compound: 3, inside: 3, fuzzy: 4 };

// Inflections attach to words, not to numbers ("spoor 2").
const ENDS_WITH_LETTER = /[a-z]$/;

interface Candidate {
  term: CompiledTerm;
  /** Token positions of the term's own words. */
  positions: number[];
  fillers: number[];
  start: number;
  end: number;
  words: number;
  kind: MatchKind;
  distance: number;
}

export interface GroupHits {
  hits: Uint8Array;
  tags: Uint32Array;
}

/** `word` (a term's word) against a token: 'exact', 'inflected' (when allowed) or undefined. */
function wordMatch(lexicon: CompiledLexicon, token: string, word: string, inflect: boolean): MatchKind | undefined {
  if (token === word) return 'exact';
  if (!inflect || token.length <= word.length || !token.startsWith(word)) return undefined;
  const suffix = token.slice(word.length);
  return lexicon.inflections.includes(suffix) ? 'inflected' : undefined;
}

class SentenceContexts {
  private readonly state: Int8Array;
  constructor(
    private readonly lexicon: CompiledLexicon,
    private readonly tokens: readonly string[],
  ) {
    this.state = new Int8Array(lexicon.contexts.length).fill(-1);
  }

  has(index: number): boolean {
    if (this.state[index] === -1) this.state[index] = this.compute(index) ? 1 : 0;
    return this.state[index] === 1;
  }

  private compute(index: number): boolean {
    const context = this.lexicon.contexts[index];
    for (const token of this.tokens) {
      if (context.words.has(token)) return true;
      for (const prefix of context.prefixes) if (token.startsWith(prefix)) return true;
    }
    return false;
  }
}

function contextAllows(term: CompiledTerm, contexts: SentenceContexts): boolean {
  if (term.context >= 0 && !contexts.has(term.context)) return false;
  if (term.unlessContext >= 0 && contexts.has(term.unlessContext)) return false;
  return true;
}

/** Aligns a phrase that starts at `start` (its first word matched exactly), allowing the term's `maxFillers` in total. */
function alignPhrase(
  lexicon: CompiledLexicon,
  tokens: readonly string[],
  blocked: Uint8Array,
  start: number,
  term: CompiledTerm,
): Candidate | undefined {
  const positions = [start];
  const fillers: number[] = [];
  let pos = start;
  let kind: MatchKind = 'exact';
  const last = term.words.length - 1;
  for (let w = 1; w <= last; w++) {
    const word = term.words[w];
    const inflect = w === last && !lexicon.acronyms.has(word) && ENDS_WITH_LETTER.test(word);
    let found = -1;
    // The nearest occurrence is always the best choice for the remaining filler budget.
    for (let p = pos + 1; p < tokens.length && p - pos - 1 + fillers.length <= term.maxFillers; p++) {
      if (blocked[p] === 1) continue;
      const m = wordMatch(lexicon, tokens[p], word, inflect);
      if (m !== undefined) {
        found = p;
        if (m === 'inflected') kind = 'inflected';
        break;
      }
    }
    if (found < 0) return undefined;
    for (let f = pos + 1; f < found; f++) fillers.push(f);
    positions.push(found);
    pos = found;
  }
  return { term, positions, fillers, start, end: pos, words: term.words.length, kind, distance: 0 };
}

/** Letters of the keyword itself (a tie-breaker between phrases of as many words). */
function keywordLength(c: Candidate): number {
  let length = 0;
  for (const word of c.term.words) length += word.length;
  return length;
}

// Longest match first: more words, then a longer keyword ("oudere werknemer" before "lkv oudere", which leaves
// "lkv" for V-LKV), then the better kind of match, fewer fillers, and the leftmost.
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.words - a.words ||
    keywordLength(b) - keywordLength(a) ||
    QUALITY[a.kind] - QUALITY[b.kind] ||
    a.distance - b.distance ||
    a.fillers.length - b.fillers.length ||
    a.start - b.start
  );
}

function sameSpan(a: Candidate, b: Candidate): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.words === b.words &&
    a.kind === b.kind &&
    a.distance === b.distance &&
    a.positions.length === b.positions.length &&
    a.positions.every((p, i) => p === b.positions[i])
  );
}

/** The fuzzy keywords nearest to a token (before sentence contexts are applied). */
interface FuzzyHit {
  distance: number;
  terms: CompiledTerm[];
}

/** Tokens repeat across questions; their fuzzy look-ups are remembered up to this many tokens. */
const FUZZY_MEMO_LIMIT = 50_000;

export class LexiconMatcher {
  private readonly fuzzyMemo = new Map<string, FuzzyHit | null>();

  constructor(private readonly lexicon: CompiledLexicon) {}

  /** Every fuzzy keyword at the smallest distance within its own threshold, or null. Pure, so it may be memoised. */
  private nearestFuzzy(token: string, memoise: boolean): FuzzyHit | null {
    const known = memoise ? this.fuzzyMemo.get(token) : undefined;
    if (known !== undefined) return known;
    let hit: FuzzyHit | null = null;
    const list = this.lexicon.fuzzyByFirstLetter.get(token[0]);
    if (list) {
      const histogram = letterHistogram(token);
      for (const term of list) {
        const word = term.words[0];
        if (Math.abs(word.length - token.length) > term.maxDistance) continue;
        if (histogramsRuleOut(histogram, term.histogram, term.maxDistance)) continue;
        const distance = boundedDamerauLevenshtein(token, word, term.maxDistance);
        if (distance === 0 || distance > term.maxDistance) continue;
        if (hit === null || distance < hit.distance) hit = { distance, terms: [term] };
        else if (distance === hit.distance && !hit.terms.includes(term)) hit.terms.push(term);
      }
    }
    if (!memoise) return hit;
    if (this.fuzzyMemo.size >= FUZZY_MEMO_LIMIT) this.fuzzyMemo.clear();
    this.fuzzyMemo.set(token, hit);
    return hit;
  }

  /** Matches one sentence; records accepted matches in `out` and non-negated ones in `hits`. */
  matchSentence(tokens: readonly string[], sentence: number, hits: GroupHits, out: TextMatch[]): void {
    const lexicon = this.lexicon;
    const n = tokens.length;
    const blocked = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (lexicon.neverMatch.has(tokens[i])) blocked[i] = 1;
      // "rechts bijstand" joined is the false friend too.
      if (i + 1 < n && lexicon.neverMatch.has(tokens[i] + tokens[i + 1])) {
        blocked[i] = 1;
        blocked[i + 1] = 1;
      }
    }
    const contexts = new SentenceContexts(lexicon, tokens);
    const candidates: Candidate[] = [];

    for (let i = 0; i < n; i++) {
      if (blocked[i] === 1) continue;
      const token = tokens[i];
      const bySecond = lexicon.phrases.get(token);
      if (bySecond) {
        // Only phrases whose second word follows within their filler budget are worth aligning.
        let tried: Set<CompiledTerm> | undefined;
        for (let p = i + 1; p < n && p - i - 1 <= lexicon.maxPhraseFillers; p++) {
          const terms = bySecond.get(tokens[p]);
          if (!terms) continue;
          for (const term of terms) {
            if (p - i - 1 > term.maxFillers || tried?.has(term) || !contextAllows(term, contexts)) continue;
            (tried ??= new Set()).add(term);
            const candidate = alignPhrase(lexicon, tokens, blocked, i, term);
            if (candidate) candidates.push(candidate);
          }
        }
      }
      this.singleWordCandidates(token, i, contexts, candidates);
      if (i + 1 < n && blocked[i + 1] === 0) this.joinedCandidates(token, tokens[i + 1], i, contexts, candidates);
    }

    candidates.sort(compareCandidates);
    const used = new Uint8Array(n);
    const accepted: Candidate[] = [];
    for (const candidate of candidates) {
      const free = candidate.positions.every((p) => used[p] === 0);
      // A tie on exactly the same tokens (one word in two groups) keeps both readings.
      if (!free && !accepted.some((a) => sameSpan(a, candidate))) continue;
      for (const p of candidate.positions) used[p] = 1;
      accepted.push(candidate);
    }

    // Fuzzy last: exact and compound matches always win, so only tokens nothing else matched are tried. A joined
    // pair is tried like a token (§6.2), before the single token because it is the longer match.
    for (let i = 0; i < n; i++) {
      if (used[i] === 1 || blocked[i] === 1) continue;
      if (i + 1 < n && used[i + 1] === 0 && blocked[i + 1] === 0) {
        const joined = tokens[i] + tokens[i + 1];
        if (!lexicon.neverMatch.has(joined) && this.fuzzyCandidates(joined, [i, i + 1], contexts, used, accepted)) {
          i++;
          continue;
        }
      }
      this.fuzzyCandidates(tokens[i], [i], contexts, used, accepted);
    }

    const cancelled =
      lexicon.doubleNegation.length > 0 ? doubleNegationCancels(tokens, lexicon.doubleNegation, lexicon.negators) : undefined;
    for (const candidate of accepted) {
      const group = lexicon.groups[candidate.term.group];
      const negated =
        group.negatable &&
        isNegated({
          tokens,
          start: candidate.start,
          fillers: candidate.fillers,
          negators: lexicon.negators,
          window: lexicon.negationWindow,
          cancelled,
        });
      out.push({
        group: group.id,
        term: candidate.term.raw,
        sentence,
        start: candidate.start,
        end: candidate.end,
        kind: candidate.kind,
        negated,
      });
      if (!negated) {
        hits.hits[candidate.term.group] = 1;
        hits.tags[candidate.term.group] |= candidate.term.tagMask;
      }
    }
  }

  private singleWordCandidates(token: string, i: number, contexts: SentenceContexts, out: Candidate[]): void {
    const lexicon = this.lexicon;
    let seen: CompiledTerm[] | undefined;
    const add = (term: CompiledTerm, kind: MatchKind): void => {
      if (seen?.includes(term) || !contextAllows(term, contexts)) return;
      (seen ??= []).push(term);
      out.push({ term, positions: [i], fillers: [], start: i, end: i, words: 1, kind, distance: 0 });
    };
    const forms = lexicon.forms.get(token);
    if (forms) {
      // Exact forms first, so a word that is both someone's exact form and another's inflection reads as exact.
      for (const f of forms) if (!f.inflected) add(f.term, 'exact');
      for (const f of forms) if (f.inflected) add(f.term, 'inflected');
    }
    for (const term of lexicon.prefixTermsByStart.get(token.slice(0, 2)) ?? []) {
      const word = term.words[0];
      if (token.length > word.length && token.startsWith(word)) add(term, 'compound');
    }
    const suffixes = lexicon.suffixForms.get(token.slice(-2));
    if (suffixes) {
      for (const { term, form } of suffixes) if (token.length > form.length && token.endsWith(form)) add(term, 'compound');
    }
    if (token.length > lexicon.insideTokenMinLength) {
      for (let p = 0; p + 3 <= token.length; p++) {
        const terms = lexicon.insideByTrigram.get(token.slice(p, p + 3));
        if (!terms) continue;
        for (const term of terms) {
          const word = term.words[0];
          if (token.length > word.length && token.startsWith(word, p)) add(term, 'inside');
        }
      }
    }
  }

  /**
   * §6.2 joined pairs: two adjacent tokens are tried joined, like one token (exact, inflected, `word*` / `*word`
   * compound, a keyword of 10 or more letters inside it; fuzzy comes last, see matchSentence). The keyword must
   * reach across the join: "bijstand en" is not the inflected "bijstanden", "heftruck opleiding" is just the word
   * "opleiding".
   */
  private joinedCandidates(first: string, second: string, i: number, contexts: SentenceContexts, out: Candidate[]): void {
    const lexicon = this.lexicon;
    const joined = first + second;
    if (lexicon.neverMatch.has(joined)) return;
    let seen: CompiledTerm[] | undefined;
    const add = (term: CompiledTerm): void => {
      // Acronyms match single tokens only.
      if (term.acronym || seen?.includes(term) || !contextAllows(term, contexts)) return;
      (seen ??= []).push(term);
      out.push({ term, positions: [i, i + 1], fillers: [], start: i, end: i + 1, words: 2, kind: 'joined', distance: 0 });
    };
    // Keywords that start the joined token: the first token is then a proper start of one.
    if (lexicon.joinableStarts.has(first)) {
      for (const { term } of lexicon.forms.get(joined) ?? []) if (term.words[0].length > first.length) add(term);
      for (const term of lexicon.prefixTermsByStart.get(joined.slice(0, 2)) ?? []) {
        const word = term.words[0];
        if (word.length > first.length && joined.length > word.length && joined.startsWith(word)) add(term);
      }
    }
    // `*word` compounds that end the joined token and begin inside the first token.
    const suffixes = lexicon.suffixForms.get(joined.slice(-2));
    if (suffixes) {
      for (const { term, form } of suffixes) {
        const at = joined.length - form.length;
        if (at > 0 && at < first.length && joined.endsWith(form)) add(term);
      }
    }
    // Keywords of 10 or more letters inside the joined token, across the join ("re integratietraject").
    if (joined.length > lexicon.insideTokenMinLength) {
      for (let p = 0; p < first.length && p + 3 <= joined.length; p++) {
        const terms = lexicon.insideByTrigram.get(joined.slice(p, p + 3));
        if (!terms) continue;
        for (const term of terms) {
          const word = term.words[0];
          if (joined.length > word.length && p + word.length > first.length && joined.startsWith(word, p)) add(term);
        }
      }
    }
  }

  /** Fuzzy match of a token, or of a joined pair, at `positions`; true when it matched. */
  private fuzzyCandidates(
    token: string,
    positions: readonly number[],
    contexts: SentenceContexts,
    used: Uint8Array,
    accepted: Candidate[],
  ): boolean {
    const lexicon = this.lexicon;
    if (token.length < lexicon.fuzzyMinTokenLength) return false;
    // Single words repeat across questions and are remembered; joined pairs rarely do, and hashing them costs more
    // than the (prefiltered) look-up itself.
    const hit = this.nearestFuzzy(token, positions.length === 1);
    if (hit === null) return false;
    const best = hit.distance;
    const bestTerms = hit.terms.filter((term) => contextAllows(term, contexts));
    if (bestTerms.length === 0) return false;
    for (const p of positions) used[p] = 1;
    const start = positions[0];
    const end = positions[positions.length - 1];
    for (const term of bestTerms) {
      accepted.push({ term, positions: [...positions], fillers: [], start, end, words: positions.length, kind: 'fuzzy', distance: best });
    }
    return true;
  }
}

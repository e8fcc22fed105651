// §6 in one pass over `question`: normalise, match the lexicon with negation, detect the role voices that matter,
// detect the language.
import type { LexiconGroupDef, TextSettingsDef } from '../ruleset/ruleset.types.js';
import { compileLanguage, detectLanguage, type CompiledLanguage } from './language.js';
import { compileLexicon, type CompiledLexicon } from './lexicon.js';
import { LexiconMatcher } from './lexicon-matcher.js';
import { expandAlternatives } from './alternatives.js';
import { normalise, tokenise } from './normalise.js';
import { compileRoleVoice, detectVoices, type CompiledRoleVoice, type VoiceChecks } from './role-voice.js';
import { compileScorecards, scoreOf, scorecardFeatures, type CompiledScorecard } from './scorecard.js';
import type { TextAnalysis, TextMatch } from './text-analysis.types.js';

export interface TextEngine {
  lexicon: CompiledLexicon;
  matcher: LexiconMatcher;
  voice: CompiledRoleVoice;
  language: CompiledLanguage;
  /** Phrases (token lists) that make a sentence about someone else, by their first word. */
  otherPerson: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** text.scorecards, in file order. */
  scorecards: readonly CompiledScorecard[];
}

export function compileTextEngine(lexicon: readonly LexiconGroupDef[], text: TextSettingsDef): TextEngine {
  const compiled = compileLexicon(lexicon, text);
  return {
    lexicon: compiled,
    matcher: new LexiconMatcher(compiled),
    voice: compileRoleVoice(text),
    language: compileLanguage(text),
    otherPerson: byFirstWord(text.otherPerson.flatMap((pattern) => expandAlternatives(pattern).map((phrase) => tokenise(phrase)))),
    scorecards: compileScorecards(text.scorecards),
  };
}

function byFirstWord(phrases: readonly string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    const list = map.get(phrase[0]);
    if (list) list.push(phrase);
    else map.set(phrase[0], [phrase]);
  }
  return map;
}

function containsPhrase(tokens: readonly string[], byFirstWord: ReadonlyMap<string, readonly (readonly string[])[]>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of byFirstWord.get(tokens[i]) ?? []) {
      if (i + phrase.length <= tokens.length && phrase.every((word, k) => tokens[i + k] === word)) return true;
    }
  }
  return false;
}

/**
 * Runs of words that no lexicon entry matched, per sentence, without stop words of either language, numbers or
 * words under three letters: the raw material for suggesting what a ruleset does not read yet.
 */
export function unmatchedRuns(engine: TextEngine, question: string): string[][] {
  const { sentences } = normalise(question);
  const runs: string[][] = [];
  const stop = (token: string): boolean =>
    token.length < 3 || /^[0-9]+$/.test(token) || engine.language.nl.has(token) || engine.language.en.has(token);
  sentences.forEach((tokens, s) => {
    const hits = { hits: new Uint8Array(engine.lexicon.groups.length), tags: new Uint32Array(engine.lexicon.groups.length) };
    const matches: TextMatch[] = [];
    engine.matcher.matchSentence(tokens, s, hits, matches);
    const covered = new Uint8Array(tokens.length);
    for (const match of matches) for (let p = match.start; p <= match.end; p++) covered[p] = 1;
    let run: string[] = [];
    tokens.forEach((token, p) => {
      if (covered[p] === 1 || stop(token)) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else {
        run.push(token);
      }
    });
    if (run.length > 0) runs.push(run);
  });
  return runs;
}

const NO_VOICE_CHECKS: VoiceChecks = { employer: false, employee: false, ownBusiness: false };

export function analyseText(engine: TextEngine, question: string, voiceChecks: VoiceChecks = NO_VOICE_CHECKS): TextAnalysis {
  const groupCount = engine.lexicon.groups.length;
  const hits = { hits: new Uint8Array(groupCount), tags: new Uint32Array(groupCount) };
  const ownHits = new Uint8Array(groupCount);
  const matches: TextMatch[] = [];
  const { sentences, wordCount } = normalise(question);
  sentences.forEach((tokens, s) => {
    const first = matches.length;
    engine.matcher.matchSentence(tokens, s, hits, matches);
    // "mijn zoon heeft autisme": health words in a sentence about someone else are not the person's own.
    const aboutOther = engine.otherPerson.size > 0 && containsPhrase(tokens, engine.otherPerson);
    for (let m = first; m < matches.length; m++) {
      const match = matches[m];
      if (match.negated) continue;
      if (aboutOther) match.aboutOther = true;
      else ownHits[engine.lexicon.groupIndex.get(match.group)!] = 1;
    }
  });
  const signals = new Uint8Array(engine.voice.named.length);
  const voices = detectVoices(engine.voice, sentences, voiceChecks, signals);
  const scores = new Float64Array(engine.scorecards.length);
  if (scores.length > 0) {
    const features = scorecardFeatures(sentences);
    engine.scorecards.forEach((card, i) => {
      scores[i] = scoreOf(card, features);
    });
  }
  return {
    blank: question.trim() === '',
    detectedLanguage: detectLanguage(engine.language, sentences, wordCount),
    groupHits: hits.hits,
    groupTags: hits.tags,
    groupOwnHits: ownHits,
    voices,
    signals,
    scores,
    matches,
  };
}

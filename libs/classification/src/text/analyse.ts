// §6 in one pass over `question`: normalise, match the lexicon with negation, detect the role voices that matter,
// detect the language.
import type { LexiconGroupDef, TextSettingsDef } from '../ruleset/ruleset.types.js';
import { compileLanguage, detectLanguage, type CompiledLanguage } from './language.js';
import { compileLexicon, type CompiledLexicon } from './lexicon.js';
import { LexiconMatcher } from './lexicon-matcher.js';
import { normalise } from './normalise.js';
import { compileRoleVoice, detectVoices, type CompiledRoleVoice, type VoiceChecks } from './role-voice.js';
import type { TextAnalysis, TextMatch } from './text-analysis.types.js';

export interface TextEngine {
  lexicon: CompiledLexicon;
  matcher: LexiconMatcher;
  voice: CompiledRoleVoice;
  language: CompiledLanguage;
}

export function compileTextEngine(lexicon: readonly LexiconGroupDef[], text: TextSettingsDef): TextEngine {
  const compiled = compileLexicon(lexicon, text);
  return {
    lexicon: compiled,
    matcher: new LexiconMatcher(compiled),
    voice: compileRoleVoice(text),
    language: compileLanguage(text),
  };
}

const NO_VOICE_CHECKS: VoiceChecks = { employer: false, employee: false, ownBusiness: false };

export function analyseText(engine: TextEngine, question: string, voiceChecks: VoiceChecks = NO_VOICE_CHECKS): TextAnalysis {
  const groupCount = engine.lexicon.groups.length;
  const hits = { hits: new Uint8Array(groupCount), tags: new Uint32Array(groupCount) };
  const matches: TextMatch[] = [];
  const { sentences, wordCount } = normalise(question);
  sentences.forEach((tokens, s) => engine.matcher.matchSentence(tokens, s, hits, matches));
  return {
    blank: question.trim() === '',
    detectedLanguage: detectLanguage(engine.language, sentences, wordCount),
    groupHits: hits.hits,
    groupTags: hits.tags,
    voices: detectVoices(engine.voice, sentences, voiceChecks),
    matches,
  };
}

// §6.6 Language detection by stop words: `en` with at least minEnglish English stop words and more English than
// Dutch ones; `other` when the text has at least otherMinTokens words and no stop word of either list; else `nl`.
import type { TextSettingsDef } from '../ruleset/ruleset.types.js';
import type { Language } from '../vocabulary.js';

export interface CompiledLanguage {
  en: ReadonlySet<string>;
  nl: ReadonlySet<string>;
  minEnglish: number;
  otherMinTokens: number;
}

export function compileLanguage(text: TextSettingsDef): CompiledLanguage {
  return {
    en: new Set(text.language.en),
    nl: new Set(text.language.nl),
    minEnglish: text.language.minEnglish,
    otherMinTokens: text.language.otherMinTokens,
  };
}

/**
 * @param sentences normalised tokens (a–z, 0–9)
 * @param wordCount words in any script: a text in Cyrillic or Arabic script has no a–z tokens but is still a
 *   text of several words in another language.
 */
export function detectLanguage(language: CompiledLanguage, sentences: readonly string[][], wordCount: number): Language {
  let english = 0;
  let dutch = 0;
  let tokens = 0;
  for (const sentence of sentences) {
    for (const token of sentence) {
      tokens++;
      if (language.en.has(token)) english++;
      if (language.nl.has(token)) dutch++;
    }
  }
  if (english >= language.minEnglish && english > dutch) return 'en';
  if (Math.max(tokens, wordCount) >= language.otherMinTokens && english === 0 && dutch === 0) return 'other';
  return 'nl';
}

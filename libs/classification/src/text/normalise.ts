// §6.1 Normalisation: lowercase, strip diacritics, drop apostrophes, split into sentences at . ! ? ; : and line
// breaks, then every character other than a–z and 0–9 separates tokens. All patterns are built once here.

const COMBINING_MARKS = /\p{M}+/gu;
// ASCII and typographic apostrophes, the backtick and the stand-alone acute accent people type for one.
const APOSTROPHES = /['\u2018\u2019\u201B`\u00B4]/g;
const SENTENCE_BREAKS = /[.!?;:\r\n]+/;
const NON_TOKEN = /[^a-z0-9]+/;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

// Letters that carry no combining mark, so NFD leaves them alone: Polish ł, Turkish dotless ı, Nordic ø, æ, ß …
const BASE_LETTERS: Readonly<Record<string, string>> = { ł: 'l', ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ħ: 'h', þ: 'th' };
const NON_DECOMPOSING = new RegExp(`[${Object.keys(BASE_LETTERS).join('')}]`, 'g');

/** Lowercase, without diacritics or apostrophes (`zzp'er` → `zzper`, `ï` → `i`, `ł` → `l`). */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NON_DECOMPOSING, (letter) => BASE_LETTERS[letter])
    .replace(APOSTROPHES, '');
}

/** Tokens of an already normalised fragment. */
function tokensOf(fragment: string): string[] {
  const out: string[] = [];
  for (const token of fragment.split(NON_TOKEN)) if (token !== '') out.push(token);
  return out;
}

/** Tokens of a raw fragment (used for lexicon terms, which follow the same normalisation). */
export function tokenise(text: string): string[] {
  return tokensOf(normaliseText(text));
}

export interface NormalisedText {
  /** Token lists per sentence; sentences without tokens are dropped. */
  sentences: string[][];
  /** Words in any script (for language detection: a text in another script still has words). */
  wordCount: number;
}

export function normalise(text: string): NormalisedText {
  const clean = normaliseText(text);
  const sentences: string[][] = [];
  for (const part of clean.split(SENTENCE_BREAKS)) {
    const tokens = tokensOf(part);
    if (tokens.length > 0) sentences.push(tokens);
  }
  let wordCount = 0;
  WORD_RUN.lastIndex = 0;
  while (WORD_RUN.exec(clean) !== null) wordCount++;
  return { sentences, wordCount };
}

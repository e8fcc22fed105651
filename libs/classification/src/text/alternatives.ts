// `a|b` alternatives inside lexicon terms and patterns: one entry spells several phrases, so a concept's
// phrasings stay readable ("zie|zag het niet meer zitten") instead of listing every combination.

/** Expansions of a term's `a|b` alternatives allowed per entry (a typo in a long list should not explode). */
export const MAX_TERM_EXPANSIONS = 512;

/** The phrases a term stands for: `zie|zag het niet` → `zie het niet`, `zag het niet`. */
export function expandAlternatives(body: string): string[] {
  let out = [''];
  for (const word of body.trim().split(/\s+/)) {
    const options = word.split('|');
    out = out.flatMap((prefix) => options.map((option) => (prefix ? `${prefix} ${option}` : option)));
    if (out.length > MAX_TERM_EXPANSIONS) return out;
  }
  return out;
}

// §6.4 Negation: a match in a negatable group is dropped when a negator stands up to `window` tokens before it in
// the same sentence, or sits among the filler tokens of the matched phrase itself. Any negator counts, also one
// that is a word of another matched phrase: "geen uitkering of WW" drops WW. A phrase's own negator stands inside
// the phrase, not before it, so it never drops the phrase ("contract wordt niet verlengd", "no risk").

export interface NegationInput {
  tokens: readonly string[];
  /** First token of the match. */
  start: number;
  /** Filler tokens inside a phrase match (positions). */
  fillers: readonly number[];
  negators: ReadonlySet<string>;
  window: number;
}

export function isNegated(input: NegationInput): boolean {
  const { tokens, start, fillers, negators, window } = input;
  // "ik ben niet ontslagen": the negator is a filler of the phrase "ben ontslagen".
  for (const p of fillers) if (negators.has(tokens[p])) return true;
  const from = Math.max(0, start - window);
  for (let p = start - 1; p >= from; p--) if (negators.has(tokens[p])) return true;
  return false;
}

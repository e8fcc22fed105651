// §6.4 Negation: a match in a negatable group is dropped when a negator stands up to `window` tokens before it in
// the same sentence, or sits among the filler tokens of the matched phrase itself.

export interface NegationInput {
  tokens: readonly string[];
  /** First token of the match. */
  start: number;
  /** Filler tokens inside a phrase match (positions). */
  fillers: readonly number[];
  /** Per token: 1 when it is one of the words of an accepted match. */
  used: Uint8Array;
  negators: ReadonlySet<string>;
  window: number;
}

export function isNegated(input: NegationInput): boolean {
  const { tokens, start, fillers, used, negators, window } = input;
  // "ik ben niet ontslagen": the negator is a filler of the phrase "ben ontslagen".
  for (const p of fillers) if (negators.has(tokens[p])) return true;
  const from = Math.max(0, start - window);
  for (let p = start - 1; p >= from; p--) {
    // A negator that is a word of another matched phrase ("niet verlengd", "no risk") belongs to that phrase;
    // it does not also negate what follows ("contract niet verlengd, ww aangevraagd").
    if (used[p] === 0 && negators.has(tokens[p])) return true;
  }
  return false;
}

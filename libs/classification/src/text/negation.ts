// §6.4 Negation: a match in a negatable group is dropped when a negator stands up to `window` tokens before it in
// the same sentence, or sits among the filler tokens of the matched phrase itself. Any negator counts, also one
// that is a word of another matched phrase: "geen uitkering of WW" drops WW. A phrase's own negator stands inside
// the phrase, not before it, so it never drops the phrase ("contract wordt niet verlengd", "no risk").
// Double negation (ruleset 2.0.0): a negator right after a frame such as "het is niet zo dat" is turned around
// ("het is niet zo dat ik geen Wajong heb" is a Wajong signal); the frame's own negator negates nothing.

export interface NegationInput {
  tokens: readonly string[];
  /** First token of the match. */
  start: number;
  /** Filler tokens inside a phrase match (positions). */
  fillers: readonly number[];
  negators: ReadonlySet<string>;
  window: number;
  /** Token positions whose negators do not count (see doubleNegationCancels). */
  cancelled?: ReadonlySet<number>;
}

/** How far (in tokens) a frame's last word may stand before the negator it turns around. */
const FRAME_REACH = 3;

/** Once per sentence: positions of tokens that belong to a double-negation frame, and of the negators such a frame turns around. */
export function doubleNegationCancels(tokens: readonly string[], frames: readonly (readonly string[])[], negators: ReadonlySet<string>): Set<number> {
  const cancelled = new Set<number>();
  if (!tokens.some((token) => negators.has(token))) return cancelled;
  for (const frame of frames) {
    for (let i = 0; i + frame.length <= tokens.length; i++) {
      if (!frame.every((word, k) => tokens[i + k] === word)) continue;
      const end = i + frame.length - 1;
      // Only a frame followed by a negator is a double negation; "ik denk niet dat …" alone still negates.
      for (let p = end + 1; p <= Math.min(tokens.length - 1, end + FRAME_REACH); p++) {
        if (!negators.has(tokens[p])) continue;
        for (let k = i; k <= end; k++) cancelled.add(k);
        cancelled.add(p);
        break;
      }
    }
  }
  return cancelled;
}

export function isNegated(input: NegationInput): boolean {
  const { tokens, start, fillers, negators, window, cancelled } = input;
  const negates = (p: number): boolean => negators.has(tokens[p]) && !(cancelled?.has(p) ?? false);
  // "ik ben niet ontslagen": the negator is a filler of the phrase "ben ontslagen".
  for (const p of fillers) if (negates(p)) return true;
  const from = Math.max(0, start - window);
  for (let p = start - 1; p >= from; p--) if (negates(p)) return true;
  return false;
}

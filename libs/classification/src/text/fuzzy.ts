// §6.3 Fuzzy matching: the Damerau–Levenshtein distance (insert, delete, substitute, swap two adjacent letters),
// in its unrestricted form (Lowrance–Wagner): an edit may touch letters that were swapped, so "ca" → "abc" is 2
// (swap, then insert), where the restricted optimal-string-alignment variant would say 3. Buffers are reused
// between calls because classify() runs this for many token/keyword pairs.

let table = new Int32Array(0);
const lastRowOf = new Map<number, number>();

/** Distance between `a` and `b`, or `max + 1` when it exceeds `max` (or the lengths alone rule it out). */
export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  // h[(i + 1) * width + (j + 1)] is the distance between the first i letters of a and the first j of b; row and
  // column 0 hold a value larger than any distance, so a swap never reaches before the start of either string.
  const width = m + 2;
  const size = (n + 2) * width;
  if (table.length < size) table = new Int32Array(size);
  const h = table;
  const infinity = n + m + 1;
  h[0] = infinity;
  for (let i = 0; i <= n; i++) {
    h[(i + 1) * width] = infinity;
    h[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    h[j + 1] = infinity;
    h[width + j + 1] = j;
  }
  lastRowOf.clear();
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    let lastColumn = 0;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      // The last row (in a) holding b's letter j, and the last column (in b) holding a's letter i.
      const i1 = lastRowOf.get(bj) ?? 0;
      const j1 = lastColumn;
      const cost = ai === bj ? 0 : 1;
      if (cost === 0) lastColumn = j;
      h[(i + 1) * width + j + 1] = Math.min(
        h[i * width + j] + cost,
        h[(i + 1) * width + j] + 1,
        h[i * width + j + 1] + 1,
        h[i1 * width + j1] + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRowOf.set(ai, i);
  }
  const distance = h[(n + 1) * width + m + 1];
  return distance > max ? max + 1 : distance;
}

/** Letter counts (a–z, digits folded together) of a word: a cheap lower bound for the edit distance. */
export function letterHistogram(word: string): Uint8Array {
  const counts = new Uint8Array(27);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    counts[c >= 0 && c < 26 ? c : 26]++;
  }
  return counts;
}

/**
 * True when the histograms alone prove the distance exceeds `max`: an insert or delete changes the letter counts
 * by 1, a substitution by 2, a swap by 0, so the distance is at least half the L1 difference of the counts.
 */
export function histogramsRuleOut(a: Uint8Array, b: Uint8Array, max: number): boolean {
  let difference = 0;
  for (let i = 0; i < 27; i++) {
    difference += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    if (difference > 2 * max) return true;
  }
  return false;
}

export interface FuzzyThreshold {
  minKeywordLength: number;
  maxDistance: number;
}

/** Largest allowed distance for a keyword of this length (0 = not fuzzy at this length). */
export function maxFuzzyDistance(keywordLength: number, thresholds: readonly FuzzyThreshold[]): number {
  let best = 0;
  for (const t of thresholds) if (keywordLength >= t.minKeywordLength && t.maxDistance > best) best = t.maxDistance;
  return best;
}

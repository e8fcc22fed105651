// §6.3 Fuzzy matching: Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute,
// swap two adjacent letters), bounded so a hopeless pair stops early. Rows are reused between calls because
// classify() runs this for many token/keyword pairs.

let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let row = new Int32Array(64);

/** Distance between `a` and `b`, or `max + 1` as soon as it is certain to exceed `max`. */
export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (m + 1 > row.length) {
    prev2 = new Int32Array(m + 1);
    prev = new Int32Array(m + 1);
    row = new Int32Array(m + 1);
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  const distance = prev[m];
  return distance > max ? max + 1 : distance;
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
